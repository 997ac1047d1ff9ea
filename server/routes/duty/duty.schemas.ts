import { plannedDate } from '../../domain/shared/bounds.ts'
import { z } from '@hono/zod-openapi'

const dateTime = (field: string) =>
  z.string().datetime({ offset: true, message: `${field} must be an ISO 8601 date-time` })

/** A shift is at most a day and a night: a longer one is a typing slip in the date. */
export const MAX_SHIFT_HOURS = 24

export const shiftCreate = z
  .object({
    userId: z.string().uuid('userId must be a UUID'),
    startsAt: plannedDate(dateTime('startsAt')),
    endsAt: plannedDate(dateTime('endsAt')),
    role: z.string().trim().min(1).max(50).default('值班员'),
  })
  .strict()
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
    params: { code: 'end_before_start' },
  })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= MAX_SHIFT_HOURS * 3600_000, {
    message: `a shift lasts at most ${MAX_SHIFT_HOURS} hours`,
    path: ['endsAt'],
    params: { code: 'too_long', max: MAX_SHIFT_HOURS },
  })
  .openapi('DutyShiftCreate')

export const shiftQuery = z.object({
  from: dateTime('from').optional(),
  to: dateTime('to').optional(),
})

export const shift = z
  .object({
    id: z.string(),
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    role: z.string(),
    onDuty: z.boolean(),
  })
  .openapi('DutyShift')

export const roster = z
  .object({
    agencyId: z.string(),
    agencyName: z.string(),
    onDutyNow: z.array(shift),
    shifts: z.array(shift),
  })
  .openapi('DutyRoster')

export const member = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
  })
  .openapi('DutyMember')

export const members = z.object({ members: z.array(member) }).openapi('DutyMembers')

export const dutyLogKinds = ['call', 'handover', 'note'] as const

export const logCreate = z
  .object({
    kind: z.enum(dutyLogKinds),
    text: z.string().trim().min(1, 'text is required').max(5000),
    incidentId: z.string().uuid('incidentId must be a UUID').nullish(),
  })
  .strict()
  .openapi('DutyLogCreate')

export const logQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) })

export const logEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.string(),
    text: z.string(),
    username: z.string(),
    incidentId: z.string().nullable(),
  })
  .openapi('DutyLogEntry')

export const inboxItem = z
  .object({
    id: z.string(),
    type: z.string(),
    grade: z.string(),
    status: z.string(),
    occurredAt: z.string(),
    reportedAt: z.string(),
    address: z.string(),
    regionCode: z.string(),
    deaths: z.number().int(),
    seriousInjuries: z.number().int(),
  })
  .openapi('DutyInboxItem')

export const inbox = z.object({ items: z.array(inboxItem) }).openapi('DutyInbox')

export const ackResult = z
  .object({ incidentId: z.string(), agencyId: z.string(), ackedAt: z.string() })
  .openapi('IncidentAck')

export type Shift = z.infer<typeof shift>
export type Member = z.infer<typeof member>
export type LogEntry = z.infer<typeof logEntry>
export type InboxItem = z.infer<typeof inboxItem>
