import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import type { IncidentDetail } from '../incidents/incidents.schemas.ts'
import { candidatesSql } from './dispatches.queries.ts'
import type { DispatchDetail, Recommendation } from './dispatches.schemas.ts'

interface Problem {
  errors?: { field: string; message: string }[]
}
interface Recs {
  considered: number
  candidates: Recommendation[]
}

let t: TestContext
let yanta: ApiClient
let yuyang: ApiClient
let shaanxi: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, shaanxi] = await signInMany(t, 'yanta', 'yuyang', 'shaanxi')
})
afterAll(async () => {
  await t?.close()
})

const report = (location: [number, number], overrides: Record<string, unknown> = {}) => ({
  type: '泄漏',
  occurredAt: new Date(Date.now() - 600_000).toISOString(),
  location,
  deaths: 0,
  seriousInjuries: 0,
  substance: '氯',
  reporterName: '测试',
  ...overrides,
})

async function incidentAt(as: ApiClient, location: [number, number], overrides = {}) {
  const res = await as.post<IncidentDetail>('/api/incidents', report(location, overrides))
  expect(res.status).toBe(201)
  return res.body
}

/** An available resource of a category in 陕西, with its location. */
async function resourceOf(category: string, offset = 0) {
  const r = await t.database.db.execute(sql`select id, ST_X(location) as lng, ST_Y(location) as lat
    from resources where category = ${category} and status = 'available' and retired_at is null
      and region_code like '61%' order by id offset ${offset} limit 1`)
  const row = r.rows[0] as { id: string; lng: number; lat: number }
  return { id: row.id, location: [Number(row.lng), Number(row.lat)] as [number, number] }
}

const liveDispatches = async (resourceId: string) =>
  (
    await t.database.db.execute(sql`select count(*)::int as n from dispatches
      where resource_id = ${resourceId} and status <> 'withdrawn'`)
  ).rows[0]

describe('recommendations', () => {
  it('a chlorine leak ranks a 危化品救援队 first among near candidates', async () => {
    const team = await resourceOf('危化品救援队')
    const at: [number, number] = [team.location[0] + 0.01, team.location[1] + 0.01]
    const incident = await incidentAt(shaanxi, at)
    const res = await shaanxi.get<Recs>(`/api/incidents/${incident.id}/recommendations?limit=10`)
    expect(res.status).toBe(200)
    expect(res.body.considered).toBe(200)
    expect(res.body.candidates).toHaveLength(10)
    const first = res.body.candidates[0]!
    expect(first).toMatchObject({ category: '危化品救援队', fitness: 1 })
    expect(first.distanceKm).toBeLessThan(5)
    expect(first.location).toHaveLength(2)
    expect(first.reason).toContain('危化品')
    expect(first.etaMinutes).toBeCloseTo(((first.distanceKm * 1.3) / 40) * 60, 0)
    // Within one category (same fitness and speed), nearer comes first.
    const byCategory = new Map<string, number[]>()
    for (const c of res.body.candidates) {
      byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c.distanceKm])
    }
    for (const distances of byCategory.values()) {
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
    }
  })

  it('the candidate query is a KNN over the GiST index (<->), filtered to the jurisdiction', async () => {
    const actor = { scopePrefix: '6108' } as Actor
    const query = new PgDialect().sqlToQuery(candidatesSql(actor, places.yuyang))
    expect(query.sql).toMatch(/order by location <-> ST_SetSRID/)
    const incident = await incidentAt(yuyang, places.yuyang, { type: '透水', substance: null })
    const res = await yuyang.get<Recs>(`/api/incidents/${incident.id}/recommendations`)
    expect(res.body.candidates.every((c) => c.regionCode.startsWith('6108'))).toBe(true)
    expect(res.body.candidates[0]?.category).toBe('矿山救护队')
    expect((await yanta.get(`/api/incidents/${incident.id}/recommendations`)).status).toBe(404)
  })
})

describe('dispatch', () => {
  it('dispatches, marks the resource, records timeline, audit and events; a second is 409', async () => {
    const team = await resourceOf('危化品救援队', 1)
    const incident = await incidentAt(shaanxi, team.location)
    const res = await shaanxi.post<{ dispatches: DispatchDetail[] }>(
      `/api/incidents/${incident.id}/dispatches`,
      { resourceIds: [team.id], note: '立即出动' },
    )
    expect(res.status).toBe(201)
    const d = res.body.dispatches[0]!
    expect(d).toMatchObject({ resourceId: team.id, status: 'dispatched', note: '立即出动' })
    expect(d.etaMinutes).toBe(0)
    const resource = await t.database.db.execute(
      sql`select status, version from resources where id = ${team.id}`,
    )
    expect(resource.rows[0]).toMatchObject({ status: 'dispatched', version: 2 })
    const detail = (await shaanxi.get<IncidentDetail>(`/api/incidents/${incident.id}`)).body
    expect(detail.dispatches.map((x) => x.id)).toEqual([d.id])
    expect(detail.timeline[0]!.kind).toBe('dispatch')
    const events = await t.database.db.execute(sql`select type from events
      where entity_id in (${d.id}, ${team.id}) order by id`)
    expect(events.rows.map((e) => (e as { type: string }).type)).toEqual([
      'dispatch.changed',
      'resource.status',
    ])
    const again = await shaanxi.post<Problem>(`/api/incidents/${incident.id}/dispatches`, {
      resourceIds: [team.id],
    })
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.field).toBe('resourceIds.0')
  })

  it('422 naming resourceIds.i for an unknown resource or one outside the jurisdiction', async () => {
    const incident = await incidentAt(yanta, places.yanta)
    const yulin = (
      await t.database.db.execute(sql`select id from resources
        where region_code like '6108%' and status = 'available' limit 1`)
    ).rows[0] as { id: string }
    const local = (
      await t.database.db.execute(sql`select id from resources
        where region_code = '610113' and status = 'available' limit 1`)
    ).rows[0] as { id: string } | undefined
    const ids = [local?.id, '00000000-0000-4000-8000-000000000000', yulin.id].filter(Boolean)
    const res = await yanta.post<Problem>(`/api/incidents/${incident.id}/dispatches`, {
      resourceIds: ids,
    })
    expect(res.status).toBe(422)
    expect(res.body.errors?.[0]?.field).toBe(`resourceIds.${ids.length - 2}`)
    if (local) expect(await liveDispatches(local.id)).toEqual({ n: 0 })
    const dup = await yanta.post(`/api/incidents/${incident.id}/dispatches`, {
      resourceIds: [yulin.id, yulin.id],
    })
    expect(dup.status).toBe(400)
  })

  it('status: dispatched → en_route → on_scene → withdrawn releases the resource', async () => {
    const team = await resourceOf('消防救援队')
    const incident = await incidentAt(shaanxi, team.location, { type: '火灾', substance: null })
    const d = (
      await shaanxi.post<{ dispatches: DispatchDetail[] }>(
        `/api/incidents/${incident.id}/dispatches`,
        { resourceIds: [team.id] },
      )
    ).body.dispatches[0]!
    const move = (status: string) =>
      shaanxi.post<DispatchDetail & Problem>(`/api/dispatches/${d.id}/status`, { status })
    expect((await move('on_scene')).status).toBe(422)
    expect(
      (await yuyang.post(`/api/dispatches/${d.id}/status`, { status: 'en_route' })).status,
    ).toBe(404)
    const enRoute = await move('en_route')
    expect(enRoute.body).toMatchObject({ status: 'en_route', enRouteAt: expect.any(String) })
    expect((await move('on_scene')).body.onSceneAt).toEqual(expect.any(String))
    const withdrawn = await move('withdrawn')
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) })
    expect((await move('en_route')).status).toBe(422)
    const r = await t.database.db.execute(sql`select status from resources where id = ${team.id}`)
    expect(r.rows[0]).toEqual({ status: 'available' })
    const detail = (await shaanxi.get<IncidentDetail>(`/api/incidents/${incident.id}`)).body
    expect(detail.timeline.filter((e) => e.kind === 'dispatch_status')).toHaveLength(3)
    // Released: it can be sent again.
    const again = await shaanxi.post(`/api/incidents/${incident.id}/dispatches`, {
      resourceIds: [team.id],
    })
    expect(again.status).toBe(201)
  })

  it('two concurrent dispatches of one resource: exactly one 201 and one 409', async () => {
    const team = await resourceOf('矿山救护队')
    const [a, b] = await Promise.all([
      incidentAt(shaanxi, team.location, { type: '透水', substance: null }),
      incidentAt(shaanxi, team.location, { type: '瓦斯', substance: null }),
    ])
    const results = await Promise.all(
      [a, b, a].map((i) =>
        shaanxi.post(`/api/incidents/${i.id}/dispatches`, { resourceIds: [team.id] }),
      ),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 409, 409])
    expect(await liveDispatches(team.id)).toEqual({ n: 1 })
  })
})
