/**
 * One of our alerts as a CAP 1.2 message. The message for the alert as it stands: Alert
 * while issued, Update after a change, Cancel once lifted (the last two refer to the first
 * message by sender,identifier,sent). Exercises go out with status Exercise.
 */
import { capCategoryOf, type AlertContent, type AlertStatus } from './alert-shape.ts'
import {
  CAP_NAMESPACE,
  circleToCap,
  GEOCODE_GB2260,
  ringToCapPolygon,
  type CapAlert,
  type CapArea,
} from './cap-model.ts'
import { alertIdentifier, capDateTime, parseAlertIdentifier } from './identifier.ts'
import { capColourOf, capSeverityOf, LEVEL_PARAMETER } from './levels.ts'

export interface AlertForCap extends AlertContent {
  identifier: string
  sender: string
  senderName: string
  status: AlertStatus
  /** When the first message went out. */
  issuedAt: Date
  /** When the alert last changed (update or lifting). */
  changedAt: Date
}

export { CAP_NAMESPACE }

/** The identifier of a later message about the alert: the issuer's, stamped with its time. */
function followUpIdentifier(a: AlertForCap): string {
  const parsed = parseAlertIdentifier(a.identifier)
  if (!parsed) return `${a.identifier}.${Math.floor(a.changedAt.getTime() / 1000)}`
  const at = new Date(Math.max(a.changedAt.getTime(), parsed.issuedAt.getTime() + 1000))
  return alertIdentifier(parsed.issuer, at)
}

function capArea(a: AlertForCap): CapArea {
  const geocode = a.regionCodes.map((value) => ({ valueName: GEOCODE_GB2260, value }))
  const area = a.area
  return {
    areaDesc: a.areaDesc || a.regionCodes.join(' ') || a.title,
    polygon: area.kind === 'polygon' ? area.polygons.map((p) => ringToCapPolygon(p[0]!)) : [],
    circle: area.kind === 'circle' ? [circleToCap(area.center, area.radiusM)] : [],
    geocode,
  }
}

export function capOfAlert(a: AlertForCap): CapAlert {
  const msgType = a.status === 'issued' ? 'Alert' : a.status === 'updated' ? 'Update' : 'Cancel'
  const first = `${a.sender},${a.identifier},${capDateTime(a.issuedAt)}`
  const sent = msgType === 'Alert' ? a.issuedAt : a.changedAt
  return {
    identifier: msgType === 'Alert' ? a.identifier : followUpIdentifier(a),
    sender: a.sender,
    sent: capDateTime(sent),
    status: a.exercise ? 'Exercise' : 'Actual',
    msgType,
    scope: 'Public',
    ...(a.exercise ? { note: '演练 (exercise): not a real warning' } : {}),
    ...(msgType === 'Alert' ? {} : { references: first }),
    info: [
      {
        language: 'zh-CN',
        category: [capCategoryOf(a.eventType)],
        event: a.eventType,
        urgency: a.onset.getTime() <= sent.getTime() ? 'Immediate' : 'Expected',
        severity: capSeverityOf(a.level),
        certainty: 'Likely',
        ...(a.audience ? { audience: a.audience } : {}),
        effective: capDateTime(a.issuedAt),
        onset: capDateTime(a.onset),
        expires: capDateTime(a.expiresAt),
        senderName: a.senderName,
        headline: a.title,
        ...(a.text ? { description: a.text } : {}),
        ...(a.instructions ? { instruction: a.instructions } : {}),
        parameter: [{ valueName: LEVEL_PARAMETER, value: capColourOf(a.level) }],
        area: [capArea(a)],
      },
    ],
  }
}
