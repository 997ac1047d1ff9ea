import type {
  AssessBody,
  HazardSourceDetail,
  HazardSourceUpdate,
} from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'

/** A PATCH body without its `version`: what the user wants the hazard source to become. */
export type HazardSourceDraft = Omit<HazardSourceUpdate, 'version'>

export type UnitKind = HazardSourceDetail['unitKind']

/** Every unit kind the API accepts; the compiler checks the list is complete. */
const unitKindSet = {
  储罐区: true,
  库区: true,
  生产装置: true,
  尾矿库: true,
  其他: true,
} satisfies Record<UnitKind, true>
export const unitKindOptions = Object.keys(unitKindSet) as UnitKind[]

/** One substance row as typed: the quantity stays text until it parses. */
export interface SubstanceRow {
  key: number
  name: string
  cas?: string | undefined
  category?: string | undefined
  quantity: string
}

export interface HazardSourceFormValues {
  name: string
  unitKind: UnitKind
  rows: SubstanceRow[]
  people: string
}

export function formValuesOf(detail: HazardSourceDetail): HazardSourceFormValues {
  return {
    name: detail.name,
    unitKind: detail.unitKind,
    rows: detail.substances.map((s, key) => ({
      key,
      name: s.name,
      cas: s.cas,
      category: s.category,
      quantity: String(s.quantityTonnes),
    })),
    people: String(detail.peopleWithin500m),
  }
}

const parseNumber = (text: string): number | null => {
  if (text.trim() === '') return null
  const n = Number(text.replace(/,/g, ''))
  return Number.isFinite(n) ? n : null
}

/**
 * The assess/PATCH input the form values mean, or null while any of them is incomplete
 * (a blank name, a quantity that is not a number ≥ 0, people not a whole number ≥ 0).
 */
export function assessInputOf(values: HazardSourceFormValues): AssessBody | null {
  const people = parseNumber(values.people)
  if (people === null || people < 0 || !Number.isInteger(people)) return null
  if (values.rows.length === 0) return null
  const substances: AssessBody['substances'] = []
  for (const row of values.rows) {
    const q = parseNumber(row.quantity)
    if (q === null || q < 0 || row.name.trim() === '') return null
    substances.push({
      name: row.name.trim(),
      ...(row.cas ? { cas: row.cas } : {}),
      ...(row.category
        ? { category: row.category as AssessBody['substances'][number]['category'] }
        : {}),
      quantityTonnes: q,
    })
  }
  return { substances, peopleWithin500m: people }
}

export function draftOf(values: HazardSourceFormValues): HazardSourceDraft | null {
  const assess = assessInputOf(values)
  if (!assess || values.name.trim() === '') return null
  return { name: values.name.trim(), unitKind: values.unitKind, ...assess }
}

/** The record's own values as a draft: what `changedFields` compares against. */
export function baseDraftOf(detail: HazardSourceDetail): HazardSourceDraft {
  return {
    name: detail.name,
    unitKind: detail.unitKind,
    substances: detail.substances.map((s) => ({
      name: s.name,
      ...(s.cas ? { cas: s.cas } : {}),
      ...(s.category
        ? { category: s.category as AssessBody['substances'][number]['category'] }
        : {}),
      quantityTonnes: s.quantityTonnes,
    })),
    peopleWithin500m: detail.peopleWithin500m,
  }
}
