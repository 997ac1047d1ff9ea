/** One row of the conflict view: a field the user changed, both values, and whether they differ. */
export interface ConflictRow {
  field: string
  mine: string
  theirs: string
  differs: boolean
}

interface SubstanceLike {
  name: string
  cas?: string | undefined
  category?: string | undefined
  quantityTonnes: number
}

const isLngLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')

const isSubstances = (v: unknown): v is SubstanceLike[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'object' && s !== null && 'quantityTonnes' in s)

const isInventory = (v: unknown): v is { item: string; quantity: number; unit: string }[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every((s) => typeof s === 'object' && s !== null && 'item' in s && 'unit' in s)

/** The value as the officer reads it: coordinates to ~1 m, substances with their tonnes. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (isLngLat(value)) return `${value[0].toFixed(5)}, ${value[1].toFixed(5)}`
  if (isSubstances(value)) return value.map((s) => `${s.name} ${s.quantityTonnes} t`).join('；')
  if (isInventory(value)) return value.map((l) => `${l.item} ${l.quantity} ${l.unit}`).join('；')
  if (Array.isArray(value)) return value.map(displayValue).join('、')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Values equal as far as the record is concerned (coordinates within ~1 cm). */
function sameValue(a: unknown, b: unknown): boolean {
  if (isLngLat(a) && isLngLat(b)) {
    return Math.abs(a[0] - b[0]) < 1e-7 && Math.abs(a[1] - b[1]) < 1e-7
  }
  if (isSubstances(a) && isSubstances(b)) {
    const key = (list: SubstanceLike[]) =>
      JSON.stringify(list.map((s) => [s.name, s.cas ?? null, s.category ?? null, s.quantityTonnes]))
    return key(a) === key(b)
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields of the draft, each beside the server's current value, in the draft's order. */
export function conflictRows(draft: object, current: Record<string, unknown>): ConflictRow[] {
  return Object.entries(draft)
    .filter(([, mine]) => mine !== undefined)
    .map(([field, mine]) => ({
      field,
      mine: displayValue(mine),
      theirs: displayValue(current[field]),
      differs: !sameValue(mine, current[field]),
    }))
}

/** The fields of `draft` that differ from `base`: what the user actually changed. */
export function changedFields<D extends object>(draft: D, base: object): Partial<D> {
  const baseValues = base as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(draft).filter(
      ([field, value]) => value !== undefined && !sameValue(value, baseValues[field]),
    ),
  ) as Partial<D>
}

/**
 * Fields the other session changed that the draft leaves alone: kept whichever side the user
 * chooses (only the user's own fields are re-sent), but worth seeing before choosing.
 */
export function othersChanges(
  draft: object,
  base: Record<string, unknown>,
  current: Record<string, unknown>,
  fields: readonly string[],
): string[] {
  return fields.filter((f) => !(f in draft) && f in base && !sameValue(base[f], current[f]))
}
