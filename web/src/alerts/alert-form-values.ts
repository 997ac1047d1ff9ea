import type { AlertCreate, AlertDetail, AlertLevel, AlertUpdate } from './alerts-api.ts'

/** The form's text fields, as typed (times as `datetime-local` values, local time). */
export interface AlertFormValues {
  level: AlertLevel
  eventType: string
  title: string
  text: string
  instructions: string
  audience: string
  areaDesc: string
  onset: string
  expiresAt: string
}

export const alertFormFields = [
  'level',
  'eventType',
  'title',
  'text',
  'instructions',
  'audience',
  'area',
  'areaDesc',
  'onset',
  'expiresAt',
] as const

/** datetime-local value (local time, minutes) ↔ ISO. */
export const localInput = (d: Date) => {
  const off = d.getTimezoneOffset() * 60_000
  return new Date(d.getTime() - off).toISOString().slice(0, 16)
}

/** A new alert's defaults, or the alert being updated as it stands. */
export function initialValues(alert?: AlertDetail): AlertFormValues {
  if (!alert) {
    return {
      level: '三级',
      eventType: '暴雨',
      title: '',
      text: '',
      instructions: '',
      audience: '',
      areaDesc: '',
      onset: localInput(new Date()),
      expiresAt: localInput(new Date(Date.now() + 6 * 3600_000)),
    }
  }
  return {
    level: alert.level,
    eventType: alert.eventType,
    title: alert.title,
    text: alert.text,
    instructions: alert.instructions,
    audience: alert.audience,
    areaDesc: alert.areaDesc,
    onset: localInput(new Date(alert.onset)),
    expiresAt: localInput(new Date(alert.expiresAt)),
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/**
 * The PATCH body: only what differs from the alert (the version always). A time left as it
 * was shown is not sent, so an unchanged onset in the past is never "moved"; a region list
 * equal to the alert's own is no change of area.
 */
export function changesOf(
  alert: AlertDetail,
  values: AlertFormValues,
  area: AlertCreate['area'] | null,
): AlertUpdate {
  const before = initialValues(alert)
  const body: AlertUpdate = { version: alert.version }
  const title = values.title || `${values.eventType}预警`
  if (values.level !== before.level) body.level = values.level
  if (values.eventType !== before.eventType) body.eventType = values.eventType
  if (title !== before.title) body.title = title
  for (const k of ['text', 'instructions', 'audience', 'areaDesc'] as const) {
    if (values[k] !== before[k]) body[k] = values[k]
  }
  if (values.onset !== before.onset) body.onset = new Date(values.onset).toISOString()
  if (values.expiresAt !== before.expiresAt) {
    body.expiresAt = new Date(values.expiresAt).toISOString()
  }
  const sameRegions =
    area?.kind === 'regions' &&
    alert.areaKind === 'regions' &&
    sameSet(area.codes, alert.areaRegionCodes)
  if (area && !sameRegions) body.area = area
  return body
}
