/**
 * Helpers shared by the planners: drawing anchors by weight, spreading points around them,
 * fixed-calendar date arithmetic (from the reference date, never the clock), people and
 * phone numbers, and the demo USCC.
 */
import { makeUscc } from '../../server/domain/registry/uscc.ts'
import type { Anchor, WeightKey } from './anchors.ts'
import { areaCodes, givenNames, surnames } from './catalog.ts'
import { WeightedTable, type Rng } from './random.ts'

const KM_PER_DEGREE = 111.32

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

export class AnchorPicker {
  private readonly tables = new Map<WeightKey, WeightedTable<Anchor>>()

  constructor(private readonly anchors: readonly Anchor[]) {}

  private table(key: WeightKey): WeightedTable<Anchor> {
    let table = this.tables.get(key)
    if (!table) {
      table = new WeightedTable(this.anchors.map((a) => [a, a.weights[key] ?? 0] as const))
      this.tables.set(key, table)
    }
    return table
  }

  /** An anchor drawn by its weight for `key`. */
  draw(rng: Rng, key: WeightKey): Anchor {
    return this.table(key).draw(rng)
  }
}

/** A point around the anchor, Gaussian with the anchor's spread, rounded to 1e-6°. */
export function scatter(rng: Rng, anchor: Anchor): [number, number] {
  const dLat = (rng.gaussian() * anchor.sigmaKm) / KM_PER_DEGREE
  const dLng =
    (rng.gaussian() * anchor.sigmaKm) / (KM_PER_DEGREE * Math.cos((anchor.lat * Math.PI) / 180))
  return [round6(anchor.lng + dLng), round6(anchor.lat + dLat)]
}

/** An offset uniform in a disc of `maxMetres` around a point at latitude `lat`, degrees. */
export function jitter(rng: Rng, maxMetres: number, lat: number): [number, number] {
  const r = (Math.sqrt(rng.next()) * maxMetres) / 1000
  const theta = rng.next() * 2 * Math.PI
  const dLat = (r * Math.sin(theta)) / KM_PER_DEGREE
  const dLng = (r * Math.cos(theta)) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180))
  return [round6(dLng), round6(dLat)]
}

const DAY_MS = 86_400_000

/** 'YYYY-MM-DD' plus `days` (may be negative), on the proleptic Gregorian calendar. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new Error(`not a date: ${date}`)
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `a` to `b` (both 'YYYY-MM-DD'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/** A Beijing-time timestamp on `date` during office hours. */
export function officeTime(rng: Rng, date: string): string {
  const h = String(rng.int(8, 17)).padStart(2, '0')
  const m = String(rng.int(0, 59)).padStart(2, '0')
  return `${date}T${h}:${m}:00+08:00`
}

export function personName(rng: Rng): string {
  const given = rng.pick([...givenNames])
  return rng.pick([...surnames]) + (rng.chance(0.6) ? given + rng.pick([...givenNames]) : given)
}

/** A landline in the county's city: area code, then eight digits. */
export function phoneIn(rng: Rng, county: string): string {
  const area = areaCodes[county.slice(0, 4)] ?? '029'
  return `${area}-${rng.int(6, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
}

/** Four digits at least: 示例煤矿-0042. */
export const serial = (n: number) => String(n).padStart(4, '0')

/**
 * 统一社会信用代码 of demo enterprise number `index`: 9 (工商) 1 (企业), the county code, then
 * 'DM' and seven digits as the organisation code — letters no real code in the tests uses.
 */
export function demoUsccSerial(index: number): string {
  return `DM${String(index).padStart(7, '0')}`
}

export function demoUscc(county: string, usccSerial: string): string {
  return makeUscc(`91${county}${usccSerial}`)
}

export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  return groups
}
