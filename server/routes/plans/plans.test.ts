import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places, testUscc, uniqueName } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { ActivationDetail, PlanSummary } from './plans.schemas.ts'
import { made, planInForce, steps, type Plan } from './plans.test-fixtures.ts'

interface Problem {
  title: string
  errors?: { field: string; code: string }[]
}

let t: TestContext
let yanta: ApiClient
let yuyang: ApiClient
let shaanxi: ApiClient
let viewer: ApiClient
let tianhe: ApiClient
let national: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi, viewer, tianhe, national] = await signInMany(
    t,
    'yanta',
    'yuyang',
    'shaanxi',
    'viewer',
    'tianhe',
    'national',
  )
}, 120_000)
afterAll(async () => {
  await t?.close()
})

describe('plans: library and versions', () => {
  it('creates a draft, approves it, puts it in force with the 3-year review date', async () => {
    const plan = await planInForce(yanta, {
      level: 'county',
      kind: 'comprehensive',
      regionCode: '610113',
    })
    expect(plan.inForce).toBe(1)
    expect(plan.reviewDue).toBe('2028-01-10')
    expect(plan.overdue).toBe(false)
    expect(plan.versions[0]).toMatchObject({ status: 'in_force', approvedBy: 'yanta' })
  })

  it('keeps exactly one version in force: a new one supersedes the old', async () => {
    const plan = await planInForce(yanta, {
      level: 'county',
      kind: 'special',
      regionCode: '610113',
    })
    const v2 = await made<Plan>(
      yanta.post(`/api/plans/${plan.id}/versions`, {
        version: plan.version,
        steps: [...steps, { key: '4', title: '环境监测', role: '生态环境局', targetMinutes: 90 }],
        body: '# 总则\n修订后\n',
      }),
    )
    expect(v2.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'in_force'],
    ])
    // A draft cannot go straight in force.
    const skip = await yanta.post<Problem>(`/api/plans/${plan.id}/versions/2/status`, {
      version: 1,
      status: 'in_force',
    })
    expect(skip.status).toBe(422)
    expect(skip.body.errors?.[0]).toMatchObject({ field: 'status', code: 'bad_transition' })
    await made(
      yanta.post(`/api/plans/${plan.id}/versions/2/status`, { version: 1, status: 'approved' }),
      200,
    )
    const after = await made<Plan>(
      yanta.post(`/api/plans/${plan.id}/versions/2/status`, { version: 2, status: 'in_force' }),
      200,
    )
    expect(after.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'in_force'],
      [1, 'superseded'],
    ])
    const n = await t.database.db.execute(
      sql`select count(*)::int as n from plan_versions where plan_id = ${plan.id} and status = 'in_force'`,
    )
    expect((n.rows[0] as { n: number }).n).toBe(1)
    const diff = await made<{ steps: { kind: string }[]; body: { kind: string; right: string }[] }>(
      yanta.get(`/api/plans/${plan.id}/diff?from=1&to=2`),
      200,
    )
    expect(diff.steps.map((r) => r.kind)).toEqual(['same', 'same', 'same', 'added'])
    expect(diff.body.map((r) => r.right)).toEqual(['# 总则', '修订后'])
  })

  it('flags a plan overdue for review after its due date', async () => {
    const plan = await planInForce(yanta, {
      level: 'county',
      kind: 'special',
      regionCode: '610113',
    })
    await t.database.db.execute(
      sql`update plan_versions set review_due = '2020-01-01' where plan_id = ${plan.id}`,
    )
    const list = await made<{ plans: PlanSummary[] }>(yanta.get('/api/plans?overdue=true'), 200)
    expect(list.plans.find((p) => p.id === plan.id)?.overdue).toBe(true)
    const fresh = await made<{ plans: PlanSummary[] }>(yanta.get('/api/plans?overdue=false'), 200)
    expect(fresh.plans.some((p) => p.id === plan.id)).toBe(false)
  })

  it('refuses a stale PATCH with 409 and names the version', async () => {
    const plan = await made<Plan>(
      yanta.post('/api/plans', {
        level: 'county',
        kind: 'special',
        regionCode: '610113',
        title: uniqueName('预案'),
      }),
    )
    const ok = await made<Plan>(
      yanta.patch(`/api/plans/${plan.id}`, { version: 1, title: '改名' }),
      200,
    )
    expect(ok).toMatchObject({ title: '改名', version: 2 })
    const stale = await yanta.patch<Problem>(`/api/plans/${plan.id}`, { version: 1, title: '再改' })
    expect(stale.status).toBe(409)
    expect(stale.body.errors?.[0]?.field).toBe('version')
  })

  it('imports a Markdown body as a new draft and keeps the file', async () => {
    const plan = await made<Plan>(
      yanta.post('/api/plans', {
        level: 'county',
        kind: 'special',
        regionCode: '610113',
        title: uniqueName('预案'),
        steps,
      }),
    )
    const text = '# 雁塔区危化品泄漏专项应急预案\n\n## 1 总则\n'
    const res = await made<Plan>(
      yanta.post(`/api/plans/${plan.id}/import`, {
        version: plan.version,
        fileName: '专项预案.md',
        mediaType: 'text/markdown',
        base64: Buffer.from(text).toString('base64'),
      }),
    )
    expect(res.versions[0]).toMatchObject({ number: 2, body: text, steps })
    expect(res.versions[0]!.attachment).toMatchObject({
      name: '专项预案.md',
      size: Buffer.byteLength(text),
    })
    const file = await t.app.request(`/api/plans/${plan.id}/versions/2/attachment`, {
      headers: { cookie: '' },
    })
    expect(file.status).toBe(401)
  })

  it('scopes plans: outside read 404, outside write 403 or 404, higher levels readable', async () => {
    const county = await made<Plan>(
      yuyang.post('/api/plans', {
        level: 'county',
        kind: 'comprehensive',
        regionCode: '610802',
        title: uniqueName('榆阳预案'),
      }),
    )
    expect((await yanta.get(`/api/plans/${county.id}`)).status).toBe(404)
    expect((await yanta.patch(`/api/plans/${county.id}`, { version: 1, title: 'x' })).status).toBe(
      404,
    )
    expect((await tianhe.get(`/api/plans/${county.id}`)).status).toBe(404)
    const province = await made<Plan>(
      shaanxi.post('/api/plans', {
        level: 'province',
        kind: 'comprehensive',
        regionCode: '610000',
        title: uniqueName('省预案'),
      }),
    )
    expect((await yanta.get(`/api/plans/${province.id}`)).status).toBe(200)
    expect(
      (await yanta.patch(`/api/plans/${province.id}`, { version: 1, title: 'x' })).status,
    ).toBe(403)
    expect((await tianhe.get(`/api/plans/${province.id}`)).status).toBe(404)
    const outside = await yanta.post('/api/plans', {
      level: 'county',
      kind: 'special',
      regionCode: '610802',
      title: 'x',
    })
    expect(outside.status).toBe(403)
    const ro = await viewer.post('/api/plans', {
      level: 'county',
      kind: 'special',
      regionCode: '610113',
      title: 'x',
    })
    expect(ro.status).toBe(403)
    const wrongLevel = await yanta.post<Problem>('/api/plans', {
      level: 'city',
      kind: 'special',
      regionCode: '610113',
      title: 'x',
    })
    expect(wrongLevel.status).toBe(422)
  })
})

describe('plans: matching and activation', () => {
  let enterpriseId = ''
  let hazardSourceId = ''
  let incidentId = ''
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    enterpriseId = (
      await made<{ id: string }>(
        national.post('/api/enterprises', {
          name: uniqueName('预案测试化工有限公司'),
          uscc: testUscc('610113'),
          industry: '危险化学品',
          location: places.yanta,
          employees: 50,
        }),
      )
    ).id
    hazardSourceId = (
      await made<{ id: string }>(
        national.post('/api/hazard-sources', {
          enterpriseId,
          name: uniqueName('液氯储罐区'),
          unitKind: '储罐区',
          location: places.yanta,
          substances: [{ name: '氯', quantityTonnes: 50 }],
          peopleWithin500m: 100,
        }),
      )
    ).id
    const p = (key: string, client: ApiClient, body: Record<string, unknown>) =>
      planInForce(client, body).then((plan) => (ids[key] = plan.id))
    await p('source', national, {
      level: 'enterprise',
      kind: 'onsite',
      enterpriseId,
      hazardSourceIds: [hazardSourceId],
    })
    await p('enterprise', national, { level: 'enterprise', kind: 'comprehensive', enterpriseId })
    await p('substance', shaanxi, {
      level: 'province',
      kind: 'special',
      regionCode: '610000',
      substances: ['7782-50-5'],
    })
    await p('type', national, {
      level: 'city',
      kind: 'special',
      regionCode: '610100',
      incidentTypes: ['泄漏'],
    })
    await p('county', yanta, { level: 'county', kind: 'comprehensive', regionCode: '610113' })
    await p('national', national, {
      level: 'national',
      kind: 'comprehensive',
      regionCode: '100000',
    })
    await p('yuyang', yuyang, { level: 'county', kind: 'comprehensive', regionCode: '610802' })
    incidentId = (
      await made<{ id: string }>(
        yanta.post('/api/incidents', {
          type: '泄漏',
          occurredAt: new Date(Date.now() - 600_000).toISOString(),
          location: places.yanta,
          enterpriseId,
          hazardSourceId,
          deaths: 0,
          seriousInjuries: 0,
          substance: '液氯',
          reporterName: '值班员',
        }),
      )
    ).id
  }, 120_000)

  it('ranks the plans that apply and says why', async () => {
    const res = await made<{
      matches: { plan: { id: string }; reasons: { code: string }[] }[]
    }>(yanta.get(`/api/incidents/${incidentId}/plan-matches`), 200)
    const mine = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]))
    const order = res.matches.map((m) => mine[m.plan.id]).filter(Boolean)
    expect(order).toEqual(['source', 'enterprise', 'substance', 'type', 'county', 'national'])
    const reasons = (k: string) =>
      res.matches.find((m) => m.plan.id === ids[k])!.reasons.map((r) => r.code)
    expect(reasons('source')).toEqual(['hazard_source', 'enterprise'])
    expect(reasons('substance')).toEqual(['substance', 'province'])
    expect(reasons('type')).toEqual(['incident_type', 'city'])
    expect(reasons('national')).toEqual(['national'])
  })

  it('turns the steps into a checklist, ticks with who and when, lists the shortfall', async () => {
    const bad = await yanta.post<Problem>(`/api/incidents/${incidentId}/plan-activations`, {
      planId: ids.county,
      responseLevel: 'I',
    })
    expect(bad.status).toBe(422)
    const a = await made<ActivationDetail>(
      yanta.post(`/api/incidents/${incidentId}/plan-activations`, {
        planId: ids.county,
        responseLevel: 'III',
      }),
    )
    expect(a.trigger).toBe('泄漏可控，无人员死亡')
    expect(a.checklist.map((c) => [c.step.key, c.done, c.late])).toEqual([
      ['1', false, false],
      ['2', false, false],
      ['3', false, false],
    ])
    expect(a.shortfall.map((s) => [s.kind, s.required, s.dispatched, s.missing])).toEqual([
      ['危化品救援队', 2, 0, 2],
      ['medical', 1, 0, 1],
    ])
    // Started 10 minutes ago: step 1 (5 min) is late, step 2 (30 min) is not.
    await t.database.db.execute(
      sql`update plan_activations set started_at = now() - interval '10 minutes' where id = ${a.id}`,
    )
    const late = await made<ActivationDetail>(yanta.get(`/api/plan-activations/${a.id}`), 200)
    expect(late.checklist.map((c) => c.late)).toEqual([true, false, false])
    const ticked = await made<ActivationDetail>(
      yanta.post(`/api/plan-activations/${a.id}/steps/1/done`, { note: '已核实' }),
      200,
    )
    expect(ticked.checklist[0]).toMatchObject({
      done: true,
      doneBy: 'yanta',
      late: false,
      doneLate: true,
    })
    // A dispatch of a matching team lowers the shortfall.
    const rec = ticked.shortfall.find((s) => s.kind === 'medical')!.recommendation
    if (rec) {
      await made(
        yanta.post(`/api/incidents/${incidentId}/dispatches`, { resourceIds: [rec.resourceId] }),
      )
      const after = await made<ActivationDetail>(yanta.get(`/api/plan-activations/${a.id}`), 200)
      expect(after.shortfall.find((s) => s.kind === 'medical')).toMatchObject({
        dispatched: 1,
        missing: 0,
      })
    }
    const incident = await made<{ timeline: { kind: string; data: Record<string, unknown> }[] }>(
      yanta.get(`/api/incidents/${incidentId}`),
      200,
    )
    const kinds = incident.timeline.map((e) => e.kind)
    expect(kinds).toContain('plan_activation')
    expect(incident.timeline.find((e) => e.kind === 'plan_step_done')?.data).toMatchObject({
      stepKey: '1',
      late: true,
    })
    const events = await t.database.db.execute(
      sql`select type from events where entity_id = ${a.id} order by id`,
    )
    expect(events.rows.map((r) => (r as { type: string }).type)).toEqual([
      'plan.activation',
      'plan.activation',
    ])
  })

  it('scopes activations: outside read 404, outside write 404', async () => {
    const list = await yuyang.get(`/api/incidents/${incidentId}/plan-activations`)
    expect(list.status).toBe(404)
    expect((await yuyang.get(`/api/incidents/${incidentId}/plan-matches`)).status).toBe(404)
    const start = await yuyang.post(`/api/incidents/${incidentId}/plan-activations`, {
      planId: ids.yuyang,
      responseLevel: 'IV',
    })
    expect(start.status).toBe(404)
    // A plan the actor may not read cannot be started.
    const foreign = await yanta.post<Problem>(`/api/incidents/${incidentId}/plan-activations`, {
      planId: ids.yuyang,
      responseLevel: 'IV',
    })
    expect(foreign.status).toBe(422)
    const viewerStart = await viewer.post(`/api/incidents/${incidentId}/plan-activations`, {
      planId: ids.county,
      responseLevel: 'IV',
    })
    expect(viewerStart.status).toBe(403)
  })
})
