import { z } from '@hono/zod-openapi'
import {
  alertAreaKinds,
  alertPhases,
  alertSources,
  alertStatuses,
  MAX_ALERT_DAYS,
} from '../../domain/alerts/index.ts'
import { warningLevelSchema } from '../../domain/risk/warning-level.ts'
import { lngLatSchema } from '../../lib/registry/location.ts'
import { baseListQuery } from '../../lib/registry/list-params.ts'
import { versionField } from '../../lib/registry/record-schemas.ts'

const text = (field: string, max: number) => z.string().trim().max(max, `${field} is too long`)
const MAX_VERTICES = 5_000

const dateTime = (field: string) =>
  z.string().datetime({ offset: true, message: `${field} must be an ISO 8601 date-time` })

const ring = z
  .array(lngLatSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine((r) => r.length === 0 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]), {
    message: 'a ring must end where it starts',
  })

const polygonArea = z
  .object({
    kind: z.literal('polygon'),
    /** MultiPolygon coordinates: polygons of rings of [lng, lat]; the first ring is the outline. */
    polygons: z.array(z.array(ring).min(1).max(20)).min(1).max(50),
  })
  .strict()
  .refine((a) => !Array.isArray(a.polygons) || a.polygons.flat(2).length <= MAX_VERTICES, {
    message: `at most ${MAX_VERTICES} vertices`,
    params: { code: 'too_big', max: MAX_VERTICES },
  })

const circleArea = z
  .object({
    kind: z.literal('circle'),
    center: lngLatSchema,
    radiusM: z.number().int().min(50, 'radiusM must be ≥ 50').max(200_000, 'radiusM ≤ 200 km'),
  })
  .strict()

const regionsArea = z
  .object({
    kind: z.literal('regions'),
    codes: z
      .array(z.string().regex(/^\d{6}$/, 'a GB/T 2260 code has 6 digits'))
      .min(1)
      .max(200),
  })
  .strict()

export const alertAreaSchema = z
  .discriminatedUnion('kind', [polygonArea, circleArea, regionsArea])
  .openapi('AlertArea', {
    description: 'polygon (drawn), circle (centre + radius in metres) or GB/T 2260 regions',
  })

const withinWindow = (onset: string | undefined, expiresAt: string) =>
  Date.parse(expiresAt) - (onset ? Date.parse(onset) : Date.now()) <= MAX_ALERT_DAYS * 86_400_000

const alertFields = {
  level: warningLevelSchema,
  eventType: text('eventType', 50).min(1, 'eventType is required'),
  title: text('title', 200).min(1, 'title is required'),
  text: text('text', 5000).default(''),
  instructions: text('instructions', 5000).default(''),
  audience: text('audience', 200).default(''),
  area: alertAreaSchema,
  areaDesc: text('areaDesc', 300).default(''),
  onset: dateTime('onset').optional(),
  expiresAt: dateTime('expiresAt'),
}

export const alertCreate = z
  .object({ ...alertFields, exercise: z.boolean().default(false) })
  .strict()
  .refine((a) => Date.parse(a.expiresAt) > (a.onset ? Date.parse(a.onset) : Date.now()), {
    message: 'expiresAt must come after the onset (and after now when no onset is given)',
    path: ['expiresAt'],
    params: { code: 'end_before_start' },
  })
  .refine((a) => withinWindow(a.onset, a.expiresAt), {
    message: `an alert may run at most ${MAX_ALERT_DAYS} days`,
    path: ['expiresAt'],
    params: { code: 'too_far_ahead', max: MAX_ALERT_DAYS },
  })
  .openapi('AlertCreate')

export const alertUpdate = z
  .object({
    version: versionField,
    level: alertFields.level.optional(),
    eventType: alertFields.eventType.optional(),
    title: alertFields.title.optional(),
    text: text('text', 5000).optional(),
    instructions: text('instructions', 5000).optional(),
    audience: text('audience', 200).optional(),
    area: alertAreaSchema.optional(),
    areaDesc: text('areaDesc', 300).optional(),
    onset: dateTime('onset').optional(),
    expiresAt: dateTime('expiresAt').optional(),
  })
  .strict()
  .openapi('AlertUpdate')

export const alertLift = z
  .object({ version: versionField, reason: text('reason', 500).default('') })
  .strict()
  .openapi('AlertLift')

export const alertListQuery = baseListQuery.omit({ q: true, includeRetired: true }).extend({
  include: z.enum(['expired']).optional().openapi({
    description: 'expired: also lifted and expired alerts (default: in force or pending)',
  }),
})

export const historyEntry = z.object({
  at: z.string(),
  username: z.string(),
  action: z.string(),
  version: z.number().int().nullable(),
  status: z.string().nullable(),
})

export const alertDetail = z
  .object({
    id: z.string(),
    identifier: z.string(),
    sender: z.string(),
    senderName: z.string(),
    source: z.enum(alertSources),
    level: warningLevelSchema,
    eventType: z.string(),
    title: z.string(),
    text: z.string(),
    instructions: z.string(),
    audience: z.string(),
    areaKind: z.enum(alertAreaKinds),
    area: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.unknown()) }),
    circle: z.object({ center: z.tuple([z.number(), z.number()]), radiusM: z.number() }).nullable(),
    areaDesc: z.string(),
    areaRegionCodes: z.array(z.string()),
    countyCodes: z.array(z.string()),
    onset: z.string(),
    expiresAt: z.string(),
    issuedAt: z.string(),
    status: z.enum(alertStatuses),
    phase: z.enum(alertPhases),
    liftedAt: z.string().nullable(),
    liftReason: z.string().nullable(),
    exercise: z.boolean(),
    regionCode: z.string(),
    regionName: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
    history: z.array(historyEntry),
  })
  .openapi('Alert')

export const alertFeatureProperties = z.object({
  identifier: z.string(),
  level: warningLevelSchema,
  eventType: z.string(),
  title: z.string(),
  status: z.enum(alertStatuses),
  phase: z.enum(alertPhases),
  onset: z.string(),
  expiresAt: z.string(),
  exercise: z.boolean(),
  source: z.enum(alertSources),
  regionCode: z.string(),
})

const insideItem = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  detail: z.string().nullable(),
})
const insideList = z.object({ count: z.number().int(), items: z.array(insideItem) })

export const alertInside = z
  .object({
    hazardSources: insideList,
    enterprises: insideList,
    resources: insideList,
    shelters: insideList,
    population: z.object({
      status: z.enum(['known', 'unknown']).openapi({
        description: 'unknown when any county the area touches has no population figure',
      }),
      estimate: z.number().int().nullable(),
      method: z.string(),
      regions: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          population: z.number().int().nullable(),
          coveredShare: z.number(),
        }),
      ),
    }),
    /** Records listed per kind at most; `count` is always the full number. */
    listLimit: z.number().int(),
  })
  .openapi('AlertInside')

export type AlertCreate = z.infer<typeof alertCreate>
export type AlertUpdate = z.infer<typeof alertUpdate>
export type AlertDetail = z.infer<typeof alertDetail>
export type AlertInside = z.infer<typeof alertInside>
export type AlertAreaInput = z.infer<typeof alertAreaSchema>
export type AlertListQuery = z.infer<typeof alertListQuery>
