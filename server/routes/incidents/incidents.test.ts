import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { IncidentDetail } from './incidents.schemas.ts'

interface Problem {
  title: string
  errors?: { field: string; message: string }[]
  current?: IncidentDetail
}
interface FC {
  features: { id: string; properties: Record<string, unknown> }[]
}

let t: TestContext
let yanta: ApiClient
let yuyang: ApiClient
let shaanxi: ApiClient
let viewer: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi, viewer] = await signInMany(t, 'yanta', 'yuyang', 'shaanxi', 'viewer')
})
afterAll(async () => {
  await t?.close()
})

const HOUR = 3_600_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
export const report = (overrides: Record<string, unknown> = {}) => ({
  type: '泄漏',
  occurredAt: ago(HOUR / 2),
  location: places.yanta,
  address: '雁塔区测试路1号',
  deaths: 0,
  seriousInjuries: 0,
  substance: '氯',
  description: '储罐阀门泄漏',
  reporterName: '王五',
  reporterContact: '13800000000',
  ...overrides,
})
const levels = (i: IncidentDetail) => i.obligations.map((o) => o.level)

describe('incidents: classify', () => {
  it('grades without saving: golden cases by deaths', async () => {
    const before = await t.database.db.execute(sql`select count(*)::int as n from incidents`)
    const cases = [
      [2, '一般', ['county', 'city']],
      [3, '较大', ['county', 'city', 'province']],
      [10, '重大', ['county', 'city', 'province', 'national']],
      [30, '特别重大', ['county', 'city', 'province', 'national']],
    ] as const
    const occurredAt = '2026-01-01T00:00:00.000Z'
    for (const [deaths, grade, expected] of cases) {
      const res = await yanta.post<{
        grade: string
        obligations: { level: string; dueAt: string }[]
      }>('/api/incidents/classify', { deaths, seriousInjuries: 0, directLossYuan: 0, occurredAt })
      expect(res.status).toBe(200)
      expect(res.body.grade).toBe(grade)
      expect(res.body.obligations.map((o) => o.level)).toEqual(expected)
      expect(res.body.obligations[0]!.dueAt).toBe('2026-01-01T01:00:00.000Z')
    }
    const after = await t.database.db.execute(sql`select count(*)::int as n from incidents`)
    expect(after.rows).toEqual(before.rows)
  })

  it('400 for negative or fractional casualties', async () => {
    const res = await yanta.post<Problem>('/api/incidents/classify', {
      deaths: -1,
      seriousInjuries: 1.5,
      directLossYuan: 0,
    })
    expect(res.status).toBe(400)
    expect(res.body.errors?.map((e) => e.field).sort()).toEqual(['deaths', 'seriousInjuries'])
  })
})

describe('incidents: report and read', () => {
  it('creates with grade, obligations, timeline, audit and event; region from the point', async () => {
    const res = await yanta.post<IncidentDetail>('/api/incidents', report({ deaths: 2 }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ grade: '一般', status: 'reported', regionCode: '610113' })
    expect(levels(res.body)).toEqual(['county', 'city'])
    expect(res.body.obligations.every((o) => !o.late && o.doneAt === null)).toBe(true)
    expect(res.body.timeline.map((e) => e.kind)).toEqual(['report'])
    const id = res.body.id
    const audit = await t.database.db.execute(
      sql`select action from audit_log where entity = 'incident' and entity_id = ${id}`,
    )
    expect(audit.rows).toEqual([{ action: 'create' }])
    const events = await t.database.db.execute(
      sql`select type, region_code as "regionCode" from events where entity_id = ${id}`,
    )
    expect(events.rows).toEqual([{ type: 'incident.created', regionCode: '610113' }])
  })

  it('refuses a future occurredAt, a client grade, and an unreadable enterprise (422 naming it)', async () => {
    const future = await yanta.post<Problem>(
      '/api/incidents',
      report({ occurredAt: new Date(Date.now() + 2 * HOUR).toISOString() }),
    )
    expect(future.status).toBe(400)
    expect(future.body.errors?.[0]?.field).toBe('occurredAt')
    expect((await yanta.post('/api/incidents', report({ grade: '一般' }))).status).toBe(400)
    const yulinEnterprise = await t.database.db.execute(
      sql`select id from enterprises where region_code like '6108%' limit 1`,
    )
    const enterpriseId = (yulinEnterprise.rows[0] as { id: string }).id
    const res = await yanta.post<Problem>('/api/incidents', report({ enterpriseId }))
    expect(res.status).toBe(422)
    expect(res.body.errors?.[0]?.field).toBe('enterpriseId')
  })

  it('late obligations are computed at read time', async () => {
    const res = await yanta.post<IncidentDetail>(
      '/api/incidents',
      report({ occurredAt: ago(2 * HOUR), deaths: 1 }),
    )
    const byLevel = Object.fromEntries(res.body.obligations.map((o) => [o.level, o.late]))
    expect(byLevel).toEqual({ county: true, city: false })
  })

  it('scope: a 榆林 officer cannot see a 西安 incident; out-of-jurisdiction report is 403', async () => {
    const res = await yanta.post<IncidentDetail>('/api/incidents', report())
    expect((await yuyang.get(`/api/incidents/${res.body.id}`)).status).toBe(404)
    const list = await yuyang.get<FC>('/api/incidents')
    expect(list.body.features.some((f) => f.id === res.body.id)).toBe(false)
    expect((await shaanxi.get(`/api/incidents/${res.body.id}`)).status).toBe(200)
    const outside = await yanta.post<Problem>('/api/incidents', report({ location: places.yuyang }))
    expect(outside.status).toBe(403)
    expect(outside.body.errors?.[0]?.field).toBe('location')
    expect((await viewer.post('/api/incidents', report())).status).toBe(403)
    const note = await yuyang.post(`/api/incidents/${res.body.id}/notes`, { text: 'x' })
    expect(note.status).toBe(404)
  })

  it('lists as GeoJSON with grade, type, status and since filters', async () => {
    const fire = await yanta.post<IncidentDetail>(
      '/api/incidents',
      report({ type: '火灾', deaths: 4, substance: null }),
    )
    const list = await yanta.get<FC>('/api/incidents?grade=较大&type=火灾&status=reported')
    expect(list.status).toBe(200)
    const f = list.body.features.find((x) => x.id === fire.body.id)
    expect(f?.properties).toMatchObject({
      type: '火灾',
      grade: '较大',
      deaths: 4,
      regionCode: '610113',
    })
    expect(list.body.features.every((x) => x.properties.grade === '较大')).toBe(true)
    const future = await yanta.get<FC>(`/api/incidents?since=${encodeURIComponent(ago(-HOUR))}`)
    expect(future.body.features).toHaveLength(0)
    expect((await yanta.get('/api/incidents?grade=大')).status).toBe(400)
  })
})

describe('incidents: follow-up reports (续报)', () => {
  it('2 → 12 deaths re-grades to 重大, adds province and national, keeps the old', async () => {
    const created = (await yanta.post<IncidentDetail>('/api/incidents', report({ deaths: 2 }))).body
    const dueBefore = created.obligations.map((o) => o.dueAt)
    const res = await yanta.patch<IncidentDetail>(`/api/incidents/${created.id}`, {
      version: created.version,
      deaths: 12,
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ grade: '重大', deaths: 12, version: 2 })
    expect(levels(res.body)).toEqual(['county', 'city', 'province', 'national'])
    expect(res.body.obligations.slice(0, 2).map((o) => o.dueAt)).toEqual(dueBefore)
    expect(res.body.obligations.map((o) => o.grade)).toEqual(['一般', '一般', '重大', '重大'])
    expect(res.body.timeline.map((e) => e.kind)).toEqual(['grade_change', 'update', 'report'])
    expect(res.body.timeline[0]!.data).toMatchObject({
      from: '一般',
      to: '重大',
      addedLevels: ['province', 'national'],
    })
    // Falling back never removes an obligation.
    const down = await yanta.patch<IncidentDetail>(`/api/incidents/${created.id}`, {
      version: 2,
      deaths: 1,
    })
    expect(down.body.grade).toBe('一般')
    expect(levels(down.body)).toHaveLength(4)
  })

  it('409 with the current record for a stale version', async () => {
    const created = (await yanta.post<IncidentDetail>('/api/incidents', report())).body
    await yanta.patch(`/api/incidents/${created.id}`, { version: 1, description: '更新' })
    const stale = await shaanxi.patch<Problem>(`/api/incidents/${created.id}`, {
      version: 1,
      deaths: 1,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current?.version).toBe(2)
  })

  it('casualty figures only within the supplement window (7 days for 火灾, 30 otherwise)', async () => {
    const fire = (
      await yanta.post<IncidentDetail>(
        '/api/incidents',
        report({ type: '火灾', occurredAt: ago(8 * 24 * HOUR), substance: null }),
      )
    ).body
    const late = await yanta.patch<Problem>(`/api/incidents/${fire.id}`, {
      version: 1,
      seriousInjuries: 3,
    })
    expect(late.status).toBe(422)
    expect(late.body.errors?.[0]?.field).toBe('seriousInjuries')
    const text = await yanta.patch(`/api/incidents/${fire.id}`, { version: 1, description: '补充' })
    expect(text.status).toBe(200)
    const leak = (
      await yanta.post<IncidentDetail>('/api/incidents', report({ occurredAt: ago(8 * 24 * HOUR) }))
    ).body
    const ok = await yanta.patch(`/api/incidents/${leak.id}`, { version: 1, seriousInjuries: 3 })
    expect(ok.status).toBe(200)
  })
})

describe('incidents: status, notes, obligations', () => {
  it('advances one step at a time; skipping or going back is 422', async () => {
    const i = (await yanta.post<IncidentDetail>('/api/incidents', report())).body
    const skip = await yanta.post<Problem>(`/api/incidents/${i.id}/status`, {
      version: 1,
      status: 'controlled',
    })
    expect(skip.status).toBe(422)
    expect(skip.body.errors?.[0]?.field).toBe('status')
    let version = 1
    for (const status of ['responding', 'controlled', 'closed']) {
      const res = await yanta.post<IncidentDetail>(`/api/incidents/${i.id}/status`, {
        version,
        status,
      })
      expect(res.status).toBe(200)
      expect(res.body.status).toBe(status)
      version = res.body.version
    }
    const back = await yanta.post(`/api/incidents/${i.id}/status`, { version, status: 'reported' })
    expect(back.status).toBe(422)
    const stale = await yanta.post(`/api/incidents/${i.id}/status`, {
      version: 1,
      status: 'closed',
    })
    expect(stale.status).toBe(409)
  })

  it('notes go on the timeline, newest first', async () => {
    const i = (await yanta.post<IncidentDetail>('/api/incidents', report())).body
    await yanta.post(`/api/incidents/${i.id}/notes`, { text: '第一条' })
    const res = await yanta.post<IncidentDetail>(`/api/incidents/${i.id}/notes`, { text: '第二条' })
    expect(res.status).toBe(201)
    expect(res.body.timeline.map((e) => e.data.text ?? e.kind)).toEqual([
      '第二条',
      '第一条',
      'report',
    ])
  })

  it('marking an obligation done records who and when, once', async () => {
    const i = (await yanta.post<IncidentDetail>('/api/incidents', report())).body
    const path = `/api/incidents/${i.id}/obligations/county/done`
    const first = await yanta.post<{ doneAt: string; doneBy: string; late: boolean }>(path, {})
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ doneBy: 'yanta', late: false })
    const again = await shaanxi.post<{ doneAt: string; doneBy: string }>(path, {})
    expect(again.body).toMatchObject({ doneAt: first.body.doneAt, doneBy: 'yanta' })
    const detail = (await yanta.get<IncidentDetail>(`/api/incidents/${i.id}`)).body
    expect(detail.timeline.filter((e) => e.kind === 'obligation_done')).toHaveLength(1)
    const missing = await yanta.post(`/api/incidents/${i.id}/obligations/national/done`, {})
    expect(missing.status).toBe(404)
  })

  it('the level above gets 2 h from when the level below was told (Art. 11), and so on up', async () => {
    // 较大 (3 deaths), 30 min ago: provisional county +1 h, city +3 h, province +5 h.
    const i = (await yanta.post<IncidentDetail>('/api/incidents', report({ deaths: 3 }))).body
    const due = (d: IncidentDetail, level: string) =>
      Date.parse(d.obligations.find((o) => o.level === level)!.dueAt)
    const occurred = Date.parse(i.occurredAt)
    expect(due(i, 'city') - occurred).toBe(3 * HOUR)

    const told = await yanta.post<{ doneAt: string }>(
      `/api/incidents/${i.id}/obligations/county/done`,
      {},
    )
    const toldAt = Date.parse(told.body.doneAt)
    const after = (await yanta.get<IncidentDetail>(`/api/incidents/${i.id}`)).body
    expect(due(after, 'county') - occurred).toBe(HOUR) // the county's own deadline stays
    expect(due(after, 'city')).toBe(toldAt + 2 * HOUR)
    expect(due(after, 'province')).toBe(toldAt + 4 * HOUR)
  })
})
