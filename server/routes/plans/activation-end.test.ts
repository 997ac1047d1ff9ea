import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { ActivationDetail } from './plans.schemas.ts'
import { made, planInForce } from './plans.test-fixtures.ts'

interface Problem {
  title: string
  detail?: string
  errors?: { field: string; code: string }[]
}

let t: TestContext
let yanta: ApiClient
let yuyang: ApiClient
let viewer: ApiClient
let planId = ''
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, viewer] = await signInMany(t, 'yanta', 'yuyang', 'viewer')
  planId = (await planInForce(yanta, { level: 'county', kind: 'special', regionCode: '610113' })).id
}, 120_000)
afterAll(async () => {
  await t?.close()
})

async function started(): Promise<ActivationDetail> {
  const incident = await made<{ id: string }>(
    yanta.post('/api/incidents', {
      type: '泄漏',
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      location: places.yanta,
      deaths: 0,
      seriousInjuries: 0,
      reporterName: '值班员',
    }),
  )
  return made<ActivationDetail>(
    yanta.post(`/api/incidents/${incident.id}/plan-activations`, { planId, responseLevel: 'IV' }),
  )
}

describe('plan activations: 响应终止', () => {
  it('ends with who and when, on the timeline, audited and evented; ticks stop', async () => {
    const a = await started()
    await made(yanta.post(`/api/plan-activations/${a.id}/steps/1/done`, {}), 200)
    const ended = await made<ActivationDetail>(
      yanta.post(`/api/plan-activations/${a.id}/end`, { version: a.version, note: '险情排除' }),
      200,
    )
    expect(ended.endedAt).not.toBeNull()
    expect(ended.endedBy).toBe('yanta')
    expect(ended.version).toBe(a.version + 1)
    expect(ended.canEdit).toBe(false)
    const incident = await made<{ timeline: { kind: string; data: Record<string, unknown> }[] }>(
      yanta.get(`/api/incidents/${a.incidentId}`),
      200,
    )
    expect(incident.timeline.find((e) => e.kind === 'plan_ended')?.data).toMatchObject({
      activationId: a.id,
      stepsDone: 1,
      stepsTotal: 3,
      note: '险情排除',
    })
    const audit = await t.database.db.execute(sql`select action from audit_log
      where entity = 'plan_activation' and entity_id = ${a.id} order by id`)
    expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual(['create', 'update'])
    const events = await t.database.db.execute(
      sql`select type, payload->>'kind' as kind from events where entity_id = ${a.id} order by id`,
    )
    expect(events.rows.map((r) => (r as { kind: string }).kind)).toEqual([
      'plan_activation',
      'plan_step_done',
      'plan_ended',
    ])
    const tick = await yanta.post<Problem>(`/api/plan-activations/${a.id}/steps/2/done`, {})
    expect(tick.status).toBe(422)
    expect(tick.body.errors?.[0]).toMatchObject({ field: 'endedAt', code: 'closed' })
    const again = await yanta.post<Problem>(`/api/plan-activations/${a.id}/end`, {
      version: ended.version,
    })
    expect(again.status).toBe(409)
  })

  it('refuses a stale version with 409 and changes nothing', async () => {
    const a = await started()
    const stale = await yanta.post<Problem>(`/api/plan-activations/${a.id}/end`, {
      version: a.version + 5,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.errors?.[0]).toMatchObject({ field: 'version', code: 'stale' })
    const now = await made<ActivationDetail>(yanta.get(`/api/plan-activations/${a.id}`), 200)
    expect(now.endedAt).toBeNull()
  })

  it('is scoped like ticks: outside 404, read-only 403, bad body 400', async () => {
    const a = await started()
    const body = { version: a.version }
    expect((await yuyang.post(`/api/plan-activations/${a.id}/end`, body)).status).toBe(404)
    expect((await viewer.post(`/api/plan-activations/${a.id}/end`, body)).status).toBe(403)
    const extra = await yanta.post(`/api/plan-activations/${a.id}/end`, { ...body, x: 1 })
    expect(extra.status).toBe(400)
    const none = await yanta.post(
      '/api/plan-activations/00000000-0000-4000-8000-000000000000/end',
      body,
    )
    expect(none.status).toBe(404)
  })
})
