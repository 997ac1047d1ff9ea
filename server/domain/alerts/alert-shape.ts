/**
 * The shape of an alert (预警信息) shared by the database, the API and the web form: status,
 * source, area kinds and the event types the issue form offers.
 */
import { z } from 'zod'

/** Stored lifecycle; `expired` is never stored: it is derived from `expiresAt` (see lifecycle). */
export const alertStatuses = ['issued', 'updated', 'lifted'] as const
export type AlertStatus = (typeof alertStatuses)[number]

/** What a reader sees at a moment: pending (before onset), active, expired or lifted. */
export const alertPhases = ['pending', 'active', 'expired', 'lifted'] as const
export type AlertPhase = (typeof alertPhases)[number]

/** Ours (issued here) or external (imported from another warning system as CAP 1.2). */
export const alertSources = ['ours', 'external'] as const
export type AlertSource = (typeof alertSources)[number]

/** polygon: drawn; circle: drawn centre + radius (stored also as a polygon); regions: GB/T 2260. */
export const alertAreaKinds = ['polygon', 'circle', 'regions'] as const
export type AlertAreaKind = (typeof alertAreaKinds)[number]

/**
 * Event types the issue form offers (free text is allowed: CAP `event` is a string, and
 * imported alerts carry whatever their sender wrote). The CAP category goes with each.
 */
export const alertEventTypes = {
  暴雨: 'Met',
  高温: 'Met',
  大风: 'Met',
  寒潮: 'Met',
  暴雪: 'Met',
  雷电: 'Met',
  大雾: 'Met',
  地质灾害: 'Geo',
  地震: 'Geo',
  森林火险: 'Fire',
  危化品泄漏: 'CBRNE',
  尾矿库险情: 'Safety',
  矿山险情: 'Safety',
  燃气泄漏: 'Safety',
  其他: 'Other',
} as const satisfies Record<string, CapCategory>

export const capCategories = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const
export type CapCategory = (typeof capCategories)[number]

/** CAP category of an event type; an unknown (imported, free-text) type is `Safety`. */
export function capCategoryOf(eventType: string): CapCategory {
  return (alertEventTypes as Record<string, CapCategory>)[eventType] ?? 'Safety'
}

export const lngLat = z.tuple([z.number().finite(), z.number().finite()])
export type LngLat = z.infer<typeof lngLat>

/** A GeoJSON polygon ring: closed, at least 4 positions (first = last). */
export type Ring = LngLat[]

/** What an alert's area is, as the issue form sends it and CAP carries it. */
export type AlertArea =
  | { kind: 'polygon'; polygons: Ring[][] }
  | { kind: 'circle'; center: LngLat; radiusM: number }
  | { kind: 'regions'; codes: string[] }

/** An alert's content: what an issue sends, what CAP carries both ways. */
export interface AlertContent {
  level: '一级' | '二级' | '三级' | '四级'
  eventType: string
  title: string
  text: string
  instructions: string
  area: AlertArea
  /** Description of the area (CAP areaDesc). */
  areaDesc: string
  /** Counties (GB/T 2260) the area covers; for `regions` areas the chosen codes. */
  regionCodes: string[]
  onset: Date
  expiresAt: Date
  audience: string
  exercise: boolean
}
