import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../test-database.ts'
import { places } from '../fixtures.ts'
import { type Caller, call, matrixCallers, MatrixRecords, TAG } from './matrix-fixtures.ts'
import { uniqueName } from '../fixtures.ts'

/*
 * A record's related lists obey the same jurisdiction as the lists themselves: an enterprise
 * of 雁塔区 whose second site lies in 榆阳区 shows 西安's callers only the 雁塔 unit and danger.
 * The owning enterprise's id and name stay on a unit's detail (it is part of the unit).
 */
let t: TestContext
let callers: Caller[]
let records: MatrixRecords
let enterpriseId: string
const units: Record<'in' | 'out', string> = { in: '', out: '' }
const dangers: Record<'in' | 'out', string> = { in: '', out: '' }

beforeAll(async () => {
  t = await openTestContext()
  callers = await matrixCallers(t)
  records = await MatrixRecords.open(t)
  enterpriseId = (await records.enterprise('in')).id
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  for (const scope of ['in', 'out'] as const) {
    const unit = await records.national.post<{ id: string }>('/api/hazard-sources', {
      ...records.hazardSourceBody(enterpriseId, 'in'),
      location: scope === 'in' ? places.yanta : places.yuyang,
    })
    expect(unit.status).toBe(201)
    units[scope] = unit.body.id
    const danger = await records.national.post<{ id: string }>('/api/hidden-dangers', {
      enterpriseId,
      hazardSourceId: unit.body.id,
      title: uniqueName(`${TAG}关联隐患`),
      severity: 'general',
      foundOn: today,
      deadline: today,
      responsiblePerson: '张三',
      location: scope === 'in' ? places.yanta : places.yuyang,
    })
    expect(danger.status, JSON.stringify(danger.body)).toBe(201)
    dangers[scope] = danger.body.id
  }
}, 120_000)
afterAll(async () => {
  await t?.close()
})

interface EnterpriseView {
  hazardSources: { id: string }[]
  hiddenDangers: { id: string }[]
}

describe('related lists on a detail', () => {
  it('the national commander sees both sites of the enterprise', async () => {
    const res = await records.national.get<EnterpriseView>(`/api/enterprises/${enterpriseId}`)
    expect(res.body.hazardSources.map((s) => s.id).sort()).toEqual([units.in, units.out].sort())
    expect(res.body.hiddenDangers.map((d) => d.id).sort()).toEqual([dangers.in, dangers.out].sort())
  })

  it('every role of 西安 sees only the 雁塔 unit and danger of the enterprise', async () => {
    for (const caller of callers) {
      const res = await call(t, caller.cookie, 'GET', `/api/enterprises/${enterpriseId}`)
      expect(res.status, caller.role).toBe(200)
      const body = JSON.parse(res.text) as EnterpriseView
      expect(
        body.hazardSources.map((s) => s.id),
        caller.role,
      ).toEqual([units.in])
      expect(
        body.hiddenDangers.map((d) => d.id),
        caller.role,
      ).toEqual([dangers.in])
    }
  })

  it('the outside unit itself and its danger stay 404 for them', async () => {
    for (const caller of callers) {
      const unit = await call(t, caller.cookie, 'GET', `/api/hazard-sources/${units.out}`)
      expect(unit.status, caller.role).toBe(404)
      const danger = await call(t, caller.cookie, 'GET', `/api/hidden-dangers/${dangers.out}`)
      expect(danger.status, caller.role).toBe(404)
    }
  })

  it('the 雁塔 unit lists its own danger only', async () => {
    for (const caller of callers) {
      const res = await call(t, caller.cookie, 'GET', `/api/hazard-sources/${units.in}`)
      expect(res.status, caller.role).toBe(200)
      const body = JSON.parse(res.text) as { hiddenDangers: { id: string }[] }
      expect(body.hiddenDangers.map((d) => d.id)).toEqual([dangers.in])
    }
  })
})
