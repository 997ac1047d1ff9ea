import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places } from '../../test/fixtures.ts'
import { insertPlanVersion } from '../../test/security/matrix-fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { IncidentDetail } from '../incidents/incidents.schemas.ts'
import type { DrillDetail, DrillReplay } from './drills.schemas.ts'
import { applyDueInjections, startDrillScheduler } from './index.ts'

interface FC {
  features: { id: string; properties: Record<string, unknown> }[]
}
interface Problem {
  errors?: { field: string; code: string }[]
}

let t: TestContext
let yanta: ApiClient
let yuyang: ApiClient
let shaanxi: ApiClient
let viewer: ApiClient
let planVersionId: string
let yulinPlanVersionId: string
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi, viewer] = await signInMany(t, 'yanta', 'yuyang', 'shaanxi', 'viewer')
  planVersionId = await insertPlanVersion(t, '610113', '雁塔区液氯泄漏现场处置方案')
  yulinPlanVersionId = await insertPlanVersion(t, '610802', '榆阳区现场处置方案')
})
afterAll(async () => {
  await t?.close()
})

const MINUTE = 60_000
const drillBody = (overrides: Record<string, unknown> = {}) => ({
  planVersionId,
  kind: 'combined',
  title: '液氯储罐泄漏综合演练',
  scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
  place: places.yanta,
  address: '雁塔区演练场',
  scenario: {
    type: '泄漏',
    title: '液氯储罐阀门泄漏',
    substanceCas: '7782-50-5',
    substance: '氯',
    deaths: 0,
    seriousInjuries: 1,
    injections: [
      { minute: 0, text: '现场报告：储罐区出现黄绿色气体' },
      { minute: 1, text: '续报：发现3名遇难人员', deaths: 3, status: 'responding' },
      { minute: 120, text: '泄漏点已封堵', status: 'controlled' },
    ],
  },
  participants: { agencies: ['610113', '610100'], teams: [] },
  ...overrides,
})

const ids = (fc: FC) => fc.features.map((f) => f.id)
const sqlRows = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows as T[]

let drill: DrillDetail
let exerciseId: string
let realId: string

describe('drills: schedule and edit', () => {
  it('schedules a drill of a plan version; its steps come from the plan', async () => {
    const res = await yanta.post<DrillDetail>('/api/drills', drillBody())
    expect(res.status).toBe(201)
    drill = res.body
    expect(drill).toMatchObject({ status: 'scheduled', regionCode: '610113', incidentId: null })
    expect(drill.steps.map((s) => s.key)).toEqual(['receive', 'arrive', 'contain'])
    expect(drill.injections).toHaveLength(3)
    const audit = await sqlRows<{ action: string }>(
      sql`select action from audit_log where entity = 'drill' and entity_id = ${drill.id}`,
    )
    expect(audit.map((a) => a.action)).toEqual(['create'])
  })

  it('refuses a plan version outside the jurisdiction, a bad CAS, unknown fields', async () => {
    const outside = await yanta.post<Problem>(
      '/api/drills',
      drillBody({ planVersionId: yulinPlanVersionId }),
    )
    expect(outside.status).toBe(422)
    expect(outside.body.errors?.[0]).toMatchObject({
      field: 'planVersionId',
      code: 'not_in_jurisdiction',
    })
    const cas = await yanta.post('/api/drills', {
      ...drillBody(),
      scenario: { ...drillBody().scenario, substanceCas: '7782-50-4' },
    })
    expect(cas.status).toBe(400)
    expect((await yanta.post('/api/drills', { ...drillBody(), extra: 1 })).status).toBe(400)
    const place = await yanta.post('/api/drills', drillBody({ place: places.yuyang }))
    expect(place.status).toBe(403)
  })

  it('PATCH is version-checked; other jurisdictions get 404, viewers 403', async () => {
    const ok = await yanta.patch<DrillDetail>(`/api/drills/${drill.id}`, {
      version: drill.version,
      title: '液氯储罐泄漏综合演练（修订）',
    })
    expect(ok.status).toBe(200)
    expect(ok.body.version).toBe(drill.version + 1)
    const stale = await yanta.patch(`/api/drills/${drill.id}`, { version: drill.version })
    expect(stale.status).toBe(409)
    drill = ok.body
    expect((await yuyang.get(`/api/drills/${drill.id}`)).status).toBe(404)
    expect((await yuyang.patch(`/api/drills/${drill.id}`, { version: 2 })).status).toBe(404)
    expect((await viewer.patch(`/api/drills/${drill.id}`, { version: 2 })).status).toBe(403)
    expect((await shaanxi.get(`/api/drills/${drill.id}`)).status).toBe(200)
    const list = await yuyang.get<{ drills: { id: string }[] }>('/api/drills')
    expect(list.body.drills.map((d) => d.id)).not.toContain(drill.id)
    const own = await yanta.get<{ drills: { id: string }[] }>('/api/drills?status=scheduled')
    expect(own.body.drills.map((d) => d.id)).toContain(drill.id)
  })

  it('replay before the drill ran is a conflict', async () => {
    expect((await yanta.get(`/api/drills/${drill.id}/replay`)).status).toBe(409)
  })
})

describe('drills: running creates an isolated exercise incident', () => {
  it('run reports the exercise incident (演练) with no reporting obligations', async () => {
    const real = await yanta.post<IncidentDetail>('/api/incidents', {
      type: '泄漏',
      occurredAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
      location: places.yanta,
      deaths: 0,
      seriousInjuries: 0,
      reporterName: '王五',
    })
    realId = real.body.id
    const res = await yanta.post<DrillDetail>(`/api/drills/${drill.id}/run`, {
      version: drill.version,
    })
    expect(res.status).toBe(200)
    drill = res.body
    expect(drill.status).toBe('running')
    exerciseId = drill.incidentId!
    const incident = (await yanta.get<IncidentDetail>(`/api/incidents/${exerciseId}`)).body
    expect(incident).toMatchObject({ exercise: true, seriousInjuries: 1, obligations: [] })
    expect(incident.description).toContain('【演练】')
    expect(drill.injections.every((x) => x.dueAt && !x.appliedAt)).toBe(true)
    const again = await yanta.post(`/api/drills/${drill.id}/run`, { version: drill.version })
    expect(again.status).toBe(422)
  })

  it('never appears in default lists, obligations or the duty inbox', async () => {
    const plain = (await yanta.get<FC>('/api/incidents')).body
    expect(ids(plain)).toContain(realId)
    expect(ids(plain)).not.toContain(exerciseId)
    const open = (await yanta.get<FC>('/api/incidents?status=reported,responding')).body
    expect(ids(open)).not.toContain(exerciseId)
    const include = (await yanta.get<FC>('/api/incidents?exercise=include')).body
    expect(ids(include)).toEqual(expect.arrayContaining([realId, exerciseId]))
    const only = (await yanta.get<FC>('/api/incidents?exercise=only')).body
    expect(ids(only)).toContain(exerciseId)
    expect(ids(only)).not.toContain(realId)
    expect(only.features.every((f) => f.properties.exercise === true)).toBe(true)
    expect((await yanta.get('/api/incidents?exercise=yes')).status).toBe(400)
    const owed = await sqlRows<{ n: number }>(sql`select count(*)::int as n
      from reporting_obligations where incident_id = ${exerciseId}`)
    expect(owed[0]!.n).toBe(0)
    const inbox = (await yanta.get<{ items: { id: string }[] }>('/api/duty/inbox')).body
    expect(inbox.items.map((i) => i.id)).not.toContain(exerciseId)
    expect(inbox.items.map((i) => i.id)).toContain(realId)
  })

  it('every event about it carries exercise: true', async () => {
    const events = await sqlRows<{ type: string; payload: { exercise?: boolean } }>(
      sql`select type, payload from events where entity_id = ${exerciseId} order by id`,
    )
    expect(events.map((e) => e.type)).toContain('incident.created')
    expect(events.every((e) => e.payload.exercise === true)).toBe(true)
    const drillEvents = await sqlRows<{ payload: { action: string; exercise?: boolean } }>(
      sql`select payload from events where entity_id = ${drill.id} order by id`,
    )
    expect(drillEvents.at(-1)!.payload).toMatchObject({ action: 'run', exercise: true })
  })
})

describe('drills: injected updates arrive on schedule, also after a restart', () => {
  const timeline = async () =>
    (await yanta.get<IncidentDetail>(`/api/incidents/${exerciseId}`)).body

  it('applies only what is due, through the incident update and status paths', async () => {
    expect(await applyDueInjections(t.database)).toBe(1)
    let incident = await timeline()
    expect(incident.timeline.filter((e) => e.kind === 'injection')).toHaveLength(1)
    expect(incident.deaths).toBe(0)
    // Nothing new until the next minute comes.
    expect(await applyDueInjections(t.database)).toBe(0)
    const later = new Date(Date.parse(drill.startedAt!) + 2 * MINUTE)
    expect(await applyDueInjections(t.database, later)).toBe(1)
    incident = await timeline()
    expect(incident).toMatchObject({ deaths: 3, grade: '较大', status: 'responding' })
    // 较大 would owe the province a report; an exercise owes no one.
    expect(incident.obligations).toEqual([])
    expect(incident.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['injection', 'update', 'grade_change', 'status']),
    )
    const events = await sqlRows<{ payload: { exercise?: boolean } }>(
      sql`select payload from events where entity_id = ${exerciseId} and type = 'incident.updated'`,
    )
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((e) => e.payload.exercise === true)).toBe(true)
  })

  it('a restarted server applies the updates that fell due while it was down', async () => {
    // The 120-minute update came due while no server ran.
    await t.database.db.execute(sql`update drill_injections set due_at = now() - interval '1 minute'
      where drill_id = ${drill.id} and seq = 2`)
    const scheduler = startDrillScheduler(t.database, { tickMs: 60_000 })
    await scheduler.stop()
    const incident = await timeline()
    expect(incident.status).toBe('controlled')
    const rows = await sqlRows<{ n: number }>(sql`select count(*)::int as n from drill_injections
      where drill_id = ${drill.id} and applied_at is null`)
    expect(rows[0]!.n).toBe(0)
    // Applied once only: a second start finds nothing.
    expect(await applyDueInjections(t.database, new Date(Date.now() + 86_400_000))).toBe(0)
  })
})

describe('drills: evaluation and replay', () => {
  it('finish scores each step from the checklist tick or the form, and closes the incident', async () => {
    const startedAt = Date.parse(drill.startedAt!)
    // The plan was started on the drill incident and its 泄漏控制 step ticked at minute 50.
    const activation = await sqlRows<{ id: string }>(sql`insert into plan_activations
        (incident_id, plan_version_id, response_level, started_by, exercise)
      values (${exerciseId}, ${planVersionId}, 'III', 'yanta', true) returning id`)
    await t.database.db
      .execute(sql`insert into plan_activation_steps (activation_id, step_key, done_by, done_at)
      values (${activation[0]!.id}, 'contain', 'yanta', ${new Date(startedAt + 50 * MINUTE).toISOString()})`)
    const current = (await yanta.get<DrillDetail>(`/api/drills/${drill.id}`)).body
    expect((await viewer.post(`/api/drills/${drill.id}/finish`, { version: 1 })).status).toBe(403)
    const res = await yanta.post<DrillDetail>(`/api/drills/${drill.id}/finish`, {
      version: current.version,
      stepMinutes: { receive: 0, arrive: 40, contain: 90 },
      problems: ['警戒区设置偏小'],
      improvements: ['增设下风向监测点'],
      summary: '总体有序',
    })
    expect(res.status).toBe(200)
    drill = res.body
    const steps = drill.evaluation!.steps
    expect(steps.map((s) => [s.key, s.actualMinutes, s.verdict, s.source])).toEqual([
      ['receive', 0, 'on_time', 'form'],
      ['arrive', 40, 'late', 'form'],
      ['contain', 50, 'on_time', 'checklist'],
    ])
    expect(drill.evaluation).toMatchObject({ score: 83, rating: 'good', evaluatedBy: 'yanta' })
    expect(drill).toMatchObject({ status: 'finished', score: 83, canEdit: false })
    expect((await yanta.get<IncidentDetail>(`/api/incidents/${exerciseId}`)).body.status).toBe(
      'closed',
    )
    const again = await yanta.post(`/api/drills/${drill.id}/finish`, { version: drill.version })
    expect(again.status).toBe(422)
    const patch = await yanta.patch(`/api/drills/${drill.id}`, { version: drill.version })
    expect(patch.status).toBe(422)
  })

  it('replay: the timeline oldest first with states, steps with their moments', async () => {
    const res = await yanta.get<DrillReplay>(`/api/drills/${drill.id}/replay`)
    expect(res.status).toBe(200)
    const r = res.body
    expect(r.incidentId).toBe(exerciseId)
    expect(r.timeline[0]!.kind).toBe('report')
    const times = r.timeline.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(r.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['injection', 'status', 'grade_change']),
    )
    expect(r.steps.find((s) => s.key === 'contain')!.doneAt).toBe(
      new Date(Date.parse(r.start) + 50 * MINUTE).toISOString(),
    )
    expect(r.steps.find((s) => s.key === 'arrive')!.dueAt).toBe(
      new Date(Date.parse(r.start) + 30 * MINUTE).toISOString(),
    )
    expect(Date.parse(r.end)).toBeGreaterThanOrEqual(Date.parse(r.start))
    expect((await yuyang.get(`/api/drills/${drill.id}/replay`)).status).toBe(404)
  })
})
