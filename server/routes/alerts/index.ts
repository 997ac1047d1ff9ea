import { capOfAlert, issuerCode, refusalOf, alertIdentifier } from '../../domain/alerts/index.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { createRouter } from '../../lib/openapi.ts'
import { badRequest } from '../../lib/problem.ts'
import { idParam } from '../../lib/registry/record-schemas.ts'
import { staleVersion } from '../../lib/registry/conflict.ts'
import { assertWriterRole } from '../../lib/registry/scope.ts'
import { alertFeed } from './alerts.feed.ts'
import { importAlert } from './alerts.import.ts'
import { alertInside } from './alerts.inside.ts'
import {
  activeAlertRows,
  alertDetail,
  canReadAlert,
  findAlertRow,
  identifierTaken,
  insertAlert,
  listAlerts,
  resolveArea,
  updateAlert,
  type AlertRow,
} from './alerts.queries.ts'
import {
  alertFeedRoute,
  alertInsideRoute,
  CAP_TYPE,
  createAlertRoute,
  getAlertCapRoute,
  getAlertRoute,
  importAlertRoute,
  liftAlertRoute,
  listAlertsRoute,
  updateAlertRoute,
} from './alerts.routes.ts'
import {
  areaOfRow,
  assertAreaWritable,
  auditAndPublish,
  canWriteAlert,
  loadAlertForWrite,
  notFoundAlert,
  timesOf,
  toSecond,
  unprocessable,
} from './alerts.write.ts'
import { capXml } from './cap/cap-xml.ts'
import type { Queryable } from '../../db/database.ts'

/** Our issuing-unit code: the agency's region (national: 000000), sector and sub-unit 000 00. */
export const ourIssuer = (actor: Actor) =>
  issuerCode({ regionCode: /^\d{6}$/.test(actor.regionCode) ? actor.regionCode : '000000' })

/** The row as the CAP writer wants it. */
export function capOfRow(row: AlertRow) {
  return capOfAlert({
    identifier: row.identifier,
    sender: row.sender,
    senderName: row.senderName,
    status: row.status,
    issuedAt: new Date(row.issuedAt),
    changedAt: new Date(row.liftedAt ?? row.updatedAt),
    level: row.level,
    eventType: row.eventType,
    title: row.title,
    text: row.text,
    instructions: row.instructions,
    area: areaOfRow(row),
    areaDesc: row.areaDesc,
    regionCodes: row.areaRegionCodes,
    onset: new Date(row.onset),
    expiresAt: new Date(row.expiresAt),
    audience: row.audience,
    exercise: row.exercise,
  })
}

async function readable(db: Queryable, actor: Actor, id: string) {
  const row = await findAlertRow(db, id)
  if (!row || !canReadAlert(actor, row)) throw notFoundAlert()
  return row
}

const detail = async (db: Queryable, actor: Actor, id: string) =>
  alertDetail(db, actor, (await findAlertRow(db, id))!, canWriteAlert)

export const alertsRouter = createRouter()
alertsRouter.use('/alerts', requireActor)
alertsRouter.use('/alerts/*', requireActor)

// `{id}.cap`: Hono would read `:id.cap` as one parameter name, so the route is matched by a
// pattern here (before `/alerts/{id}`) and documented in the OpenAPI registry as usual.
alertsRouter.openAPIRegistry.registerPath(getAlertCapRoute)
alertsRouter.get('/alerts/:file{[^/]+\\.cap}', async (c) => {
  const parsed = idParam.safeParse({ id: c.req.param('file').slice(0, -'.cap'.length) })
  if (!parsed.success)
    throw badRequest([{ field: 'id', code: 'invalid_format', message: 'id must be a UUID' }])
  const row = await readable(c.var.database.db, c.var.actor, parsed.data.id)
  return c.body(capXml(capOfRow(row)), 200, {
    'content-type': `${CAP_TYPE}; charset=utf-8`,
    'content-disposition': `inline; filename="${row.identifier}.cap.xml"`,
  })
})

alertsRouter
  .openapi(listAlertsRoute, async (c) => {
    const fc = await listAlerts(c.var.database.db, c.var.actor, c.req.valid('query'))
    return c.body(fc, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never
  })
  .openapi(alertFeedRoute, async (c) => {
    const rows = await activeAlertRows(c.var.database.db, c.var.actor)
    const xml = alertFeed(c.var.actor, rows, new URL(c.req.url).origin)
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' }) as never
  })
  .openapi(importAlertRoute, async (c) => {
    const actor = c.var.actor
    assertWriterRole(actor)
    const id = await importAlert(
      c.var.database.db,
      actor,
      c.req.header('content-type') ?? '',
      await c.req.text(),
    )
    return c.json(await detail(c.var.database.db, actor, id), 201)
  })
  .openapi(createAlertRoute, async (c) => {
    const input = c.req.valid('json')
    const actor = c.var.actor
    assertWriterRole(actor)
    const db = c.var.database.db
    const now = toSecond(new Date())
    const id = await db.transaction(async (tx) => {
      const area = await resolveArea(tx, input.area)
      assertAreaWritable(actor, area)
      const issuer = ourIssuer(actor)
      // One identifier per issuer and second: a second alert in the same second takes the next.
      let issuedAt = now
      while (await identifierTaken(tx, alertIdentifier(issuer, issuedAt))) {
        issuedAt = new Date(issuedAt.getTime() + 1000)
      }
      const id = await insertAlert(
        tx,
        actor,
        {
          identifier: alertIdentifier(issuer, issuedAt),
          sender: issuer,
          senderName: actor.agencyName,
          source: 'ours',
          level: input.level,
          eventType: input.eventType,
          title: input.title,
          text: input.text,
          instructions: input.instructions,
          audience: input.audience,
          areaDesc: input.areaDesc,
          onset: input.onset ? toSecond(new Date(input.onset)) : now,
          expiresAt: toSecond(new Date(input.expiresAt)),
          issuedAt: now,
          exercise: input.exercise,
          capXml: null,
        },
        area,
      )
      await auditAndPublish(tx, actor, 'alert.issued', 'create', id, null)
      return id
    })
    return c.json(await detail(db, actor, id), 201)
  })
  .openapi(getAlertRoute, async (c) => {
    const db = c.var.database.db
    const row = await readable(db, c.var.actor, c.req.valid('param').id)
    return c.json(await alertDetail(db, c.var.actor, row, canWriteAlert), 200)
  })
  .openapi(alertInsideRoute, async (c) => {
    const db = c.var.database.db
    const row = await readable(db, c.var.actor, c.req.valid('param').id)
    return c.json(await alertInside(db, c.var.actor, row.id), 200)
  })
  .openapi(updateAlertRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, area: areaInput, onset, expiresAt, ...fields } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadAlertForWrite(tx, actor, id)
      if (before.version !== version) {
        throw staleVersion(version, await alertDetail(tx, actor, before, canWriteAlert))
      }
      const now = new Date()
      const refusal = refusalOf(timesOf(before), 'update', now)
      if (refusal) throw unprocessable('status', refusal, 'bad_transition')
      if (before.source === 'external') {
        throw unprocessable(
          'source',
          'an external alert changes only by a CAP Update from its sender',
          'invalid',
        )
      }
      const newOnset = onset ? toSecond(new Date(onset)) : new Date(before.onset)
      const newExpiry = expiresAt ? toSecond(new Date(expiresAt)) : new Date(before.expiresAt)
      if (newExpiry <= newOnset) {
        throw unprocessable('expiresAt', 'expiresAt must come after the onset', 'end_before_start')
      }
      if (newExpiry <= now) {
        throw unprocessable(
          'expiresAt',
          'expiresAt must be in the future (lift the alert to end it now)',
          'invalid',
        )
      }
      const area = areaInput ? await resolveArea(tx, areaInput) : null
      if (area) assertAreaWritable(actor, area)
      await updateAlert(
        tx,
        actor,
        id,
        {
          ...fields,
          onset: onset ? newOnset : undefined,
          expiresAt: expiresAt ? newExpiry : undefined,
        },
        area,
        'updated',
      )
      await auditAndPublish(tx, actor, 'alert.updated', 'update', id, before)
    })
    return c.json(await detail(db, actor, id), 200)
  })
  .openapi(liftAlertRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    const actor = c.var.actor
    const db = c.var.database.db
    await db.transaction(async (tx) => {
      const before = await loadAlertForWrite(tx, actor, id)
      if (before.version !== version) {
        throw staleVersion(version, await alertDetail(tx, actor, before, canWriteAlert))
      }
      const refusal = refusalOf(timesOf(before), 'lift', new Date())
      if (refusal) throw unprocessable('status', refusal, 'bad_transition')
      await updateAlert(tx, actor, id, {}, null, 'lifted', { reason })
      await auditAndPublish(tx, actor, 'alert.lifted', 'update', id, before)
    })
    return c.json(await detail(db, actor, id), 200)
  })
