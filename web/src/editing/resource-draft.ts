import type {
  ResourceDetail,
  ResourceUpdate,
} from '../../../server/routes/resources/resources.schemas.ts'

/** A PATCH body without its `version`: what the user wants the resource to become. */
export type ResourceDraft = Omit<ResourceUpdate, 'version'>

export type ResourceStatus = ResourceDetail['status']

/** Every status the API accepts; the compiler checks the list is complete. */
const statusSet = {
  available: true,
  dispatched: true,
  out_of_service: true,
} satisfies Record<ResourceStatus, true>
export const statusOptions = Object.keys(statusSet) as ResourceStatus[]

export interface ResourceFormValues {
  status: ResourceStatus
  headcount: string
  contactName: string
  contactPhone: string
}

export function resourceFormValuesOf(detail: ResourceDetail): ResourceFormValues {
  return {
    status: detail.status,
    headcount: detail.headcount === null ? '' : String(detail.headcount),
    contactName: detail.contactName,
    contactPhone: detail.contactPhone,
  }
}

/** The PATCH fields the form means, or null while headcount is not a whole number ≥ 0. */
export function resourceDraftOf(values: ResourceFormValues): ResourceDraft | null {
  const text = values.headcount.trim()
  const headcount = text === '' ? null : Number(text)
  if (headcount !== null && (!Number.isInteger(headcount) || headcount < 0)) return null
  return {
    status: values.status,
    headcount,
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
  }
}

export function resourceBaseDraftOf(detail: ResourceDetail): ResourceDraft {
  return {
    status: detail.status,
    headcount: detail.headcount,
    contactName: detail.contactName,
    contactPhone: detail.contactPhone,
  }
}
