import { describe, expect, it, beforeAll } from 'vitest'
import { sql } from 'drizzle-orm'
import { places } from '../../test/fixtures.ts'
import type { AuditEntry } from '../audit/index.ts'
import { dangerWorld, type Problem } from './hidden-dangers.fixtures.ts'
import type { HiddenDangerDetail } from './hidden-dangers.schemas.ts'

const w = dangerWorld()

describe('hidden dangers: w.create, read, list', () => {
  it('records a major w.danger against the sector w.list, at the enterprise by default', async () => {
    const res = await w.create(w.yanta)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      severity: 'major',
      majorListId: 'chemicals-2017',
      majorItem: '12',
      status: 'open',
      closedAt: null,
      overdue: false,
      enterprise: { id: w.chem.id, name: w.chem.name },
      hazardSource: null,
      regionCode: '610113',
      version: 1,
      canEdit: true,
    })
    expect(res.body.majorItemText).toContain('检测报警')
    expect(res.body.location).toEqual(w.chem.location)
    const got = await w.yanta.get<HiddenDangerDetail>(`/api/hidden-dangers/${res.body.id}`)
    expect(got.status).toBe(200)
    expect(got.body).toEqual(res.body)
  })

  it('links a hazard source of the same enterprise and lists by filters', async () => {
    const res = await w.create(w.yanta, {
      hazardSourceId: w.sourceId,
      severity: 'general',
      majorItem: undefined,
    })
    expect(res.status).toBe(201)
    expect(res.body.hazardSource).toEqual({ id: w.sourceId, name: '1号液氨储罐区', grade: '三级' })
    expect(res.body.majorListId).toBeNull()
    const fc = await w.list(w.yanta, `hazardSourceId=${w.sourceId}`)
    expect(fc.headers.get('content-type')).toContain('application/geo+json')
    expect(fc.body.features.map((f) => f.id)).toEqual([res.body.id])
    expect(fc.body.features[0]!.properties).toEqual({
      title: res.body.title,
      severity: 'general',
      status: 'open',
      overdue: false,
      deadline: res.body.deadline,
      enterpriseName: w.chem.name,
      regionCode: '610113',
      majorItem: null,
      retired: false,
    })
    const byName = await w.list(w.yanta, `q=${encodeURIComponent(w.chem.name)}&severity=general`)
    expect(byName.body.features.map((f) => f.id)).toEqual([res.body.id])
    const byStatus = await w.list(w.yanta, `enterpriseId=${w.chem.id}&status=rectifying,closed`)
    expect(byStatus.body.features).toHaveLength(0)
    const open = await w.list(w.yanta, `enterpriseId=${w.chem.id}&status=open,rectifying`)
    expect(open.body.features.map((f) => f.id)).toContain(res.body.id)
  })

  it('400 naming the field for a malformed status filter or date', async () => {
    const bad = await w.yanta.get<Problem>('/api/hidden-dangers?status=open,done')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.errors)).toContain('status')
    const date = await w.create(w.yanta, { foundOn: '2024-02-30' })
    expect(date.status).toBe(400)
    expect(date.body as unknown as Problem).toMatchObject({
      errors: [expect.objectContaining({ field: 'foundOn' })],
    })
  })
})

describe('hidden dangers: jurisdiction', () => {
  let yulin: HiddenDangerDetail
  beforeAll(async () => {
    const res = await w.create(w.yuyang, {
      enterpriseId: w.coal.id,
      majorItem: '2',
      title: '瓦斯超限作业',
    })
    expect(res.status).toBe(201)
    yulin = res.body
    expect(yulin).toMatchObject({ regionCode: '610802', majorListId: 'coal-2020' })
    expect(yulin.location).toEqual(places.yuyang)
  })

  it('雁塔 cannot read, edit or w.list the 榆林 w.danger (404, absent)', async () => {
    expect((await w.yanta.get(`/api/hidden-dangers/${yulin.id}`)).status).toBe(404)
    const patch = await w.yanta.patch(`/api/hidden-dangers/${yulin.id}`, { version: 1, title: 'x' })
    expect(patch.status).toBe(404)
    const fc = await w.list(w.yanta, `q=${encodeURIComponent(w.coal.name)}`)
    expect(fc.body.features).toHaveLength(0)
    const all = await w.list(w.yanta, 'status=open,rectifying,verified,closed&includeRetired=true')
    expect(all.body.features.map((f) => f.id)).not.toContain(yulin.id)
  })

  it('the province reads and edits it', async () => {
    const read = await w.shaanxi.get<HiddenDangerDetail>(`/api/hidden-dangers/${yulin.id}`)
    expect(read.status).toBe(200)
    expect(read.body.canEdit).toBe(true)
    const res = await w.shaanxi.patch<HiddenDangerDetail>(`/api/hidden-dangers/${yulin.id}`, {
      version: read.body.version,
      status: 'rectifying',
      responsiblePerson: '李矿长',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'rectifying', responsiblePerson: '李矿长' })
    const fc = await w.list(w.shaanxi, `q=${encodeURIComponent(w.coal.name)}`)
    expect(fc.body.features.map((f) => f.id)).toEqual([yulin.id])
  })
})

describe('hidden dangers: concurrency, retire, audit', () => {
  it('409 on a stale version, carrying the current record', async () => {
    const d = (await w.create(w.yanta)).body
    expect(
      (await w.yanta.patch(`/api/hidden-dangers/${d.id}`, { version: 1, title: '新' })).status,
    ).toBe(200)
    const stale = await w.yanta.patch<Problem>(`/api/hidden-dangers/${d.id}`, {
      version: 1,
      title: '旧',
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current).toMatchObject({ id: d.id, version: 2, title: '新' })
  })

  it('audits w.create, update and retire; retire keeps the row and hides it from lists', async () => {
    const d = (await w.create(w.yanta)).body
    await w.yanta.patch(`/api/hidden-dangers/${d.id}`, { version: 1, status: 'rectifying' })
    const retired = await w.yanta.post<HiddenDangerDetail>(`/api/hidden-dangers/${d.id}/retire`, {
      version: 2,
      reason: '重复录入',
    })
    expect(retired.status).toBe(200)
    expect(retired.body).toMatchObject({ retiredReason: '重复录入', canEdit: false })
    const history = await w.yanta.get<AuditEntry[]>(`/api/audit?entity=hidden_danger&id=${d.id}`)
    expect(history.body.map((h) => h.action)).toEqual(['retire', 'update', 'create'])
    expect((history.body[1]!.before as { status: string }).status).toBe('open')
    expect((history.body[1]!.after as { status: string }).status).toBe('rectifying')
    const q = `q=${encodeURIComponent(d.title)}`
    expect((await w.list(w.yanta, q)).body.features).toHaveLength(0)
    const withRetired = await w.list(w.yanta, `${q}&includeRetired=true`)
    expect(withRetired.body.features[0]?.properties.retired).toBe(true)
    const rows = await w.t.database.db.execute(
      sql`select count(*)::int as n from hidden_dangers where id = ${d.id}`,
    )
    expect((rows.rows[0] as { n: number }).n).toBe(1)
    expect(
      (await w.yanta.patch(`/api/hidden-dangers/${d.id}`, { version: 3, title: 'x' })).status,
    ).toBe(409)
  })
})

describe('hidden dangers and resources: OpenAPI', () => {
  it('documents both registries, list filters included', async () => {
    const doc = await w.yanta.get<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>
    }>('/api/openapi.json')
    expect(doc.status).toBe(200)
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/hidden-dangers',
        '/api/hidden-dangers/{id}',
        '/api/hidden-dangers/{id}/retire',
        '/api/resources',
        '/api/resources/{id}',
        '/api/resources/{id}/retire',
      ]),
    )
    const params = doc.body.paths['/api/hidden-dangers']?.get?.parameters?.map((p) => p.name)
    expect(params).toEqual(expect.arrayContaining(['status', 'overdue', 'hazardSourceId']))
  })
})
