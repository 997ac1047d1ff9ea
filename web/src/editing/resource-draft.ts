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

/** One inventory row as typed: quantity stays text until it parses. */
export interface InventoryRowValues {
  item: string
  quantity: string
  unit: string
}

export interface ResourceFormValues {
  /** Not edited here: tells the form whether to offer the inventory (warehouses). */
  kind: ResourceDetail['kind']
  status: ResourceStatus
  headcount: string
  /** Capabilities as typed, separated by 、 or commas. */
  capabilities: string
  inventory: InventoryRowValues[]
  contactName: string
  contactPhone: string
}

/** 堵漏、洗消, 侦检 → ['堵漏', '洗消', '侦检'] */
export const capabilitiesOf = (text: string) =>
  [...new Set(text.split(/[、,，;；\n]+/).map((c) => c.trim()))].filter((c) => c !== '')

export function resourceFormValuesOf(detail: ResourceDetail): ResourceFormValues {
  return {
    status: detail.status,
    kind: detail.kind,
    headcount: detail.headcount === null ? '' : String(detail.headcount),
    capabilities: detail.capabilities.join('、'),
    inventory: detail.inventory.map((l) => ({ ...l, quantity: String(l.quantity) })),
    contactName: detail.contactName,
    contactPhone: detail.contactPhone,
  }
}

/**
 * The PATCH fields the form means, or null while headcount is not a whole number ≥ 0 or an
 * inventory row lacks its material, a quantity ≥ 0 or its unit.
 */
export function resourceDraftOf(values: ResourceFormValues): ResourceDraft | null {
  const text = values.headcount.trim()
  const headcount = text === '' ? null : Number(text)
  if (headcount !== null && (!Number.isInteger(headcount) || headcount < 0)) return null
  const inventory = []
  for (const row of values.inventory) {
    const item = row.item.trim()
    const unit = row.unit.trim()
    const q = row.quantity.trim()
    const quantity = Number(q)
    if (item === '' && unit === '' && q === '') continue // an empty row left over
    if (item === '' || unit === '' || q === '' || !Number.isFinite(quantity) || quantity < 0) {
      return null
    }
    inventory.push({ item, quantity, unit })
  }
  return {
    status: values.status,
    headcount,
    capabilities: capabilitiesOf(values.capabilities),
    inventory,
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
  }
}

export function resourceBaseDraftOf(detail: ResourceDetail): ResourceDraft {
  return {
    status: detail.status,
    headcount: detail.headcount,
    capabilities: detail.capabilities,
    inventory: detail.inventory,
    contactName: detail.contactName,
    contactPhone: detail.contactPhone,
  }
}
