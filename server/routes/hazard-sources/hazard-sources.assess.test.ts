import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type ApiClient } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { AssessmentResult } from './hazard-sources.schemas.ts'

// GB 18218-2018 golden values through the API; the domain's own tests cover the tables.
interface Problem {
  errors?: { field: string; message: string }[]
}

let t: TestContext
let yanta: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  yanta = await signIn(t, 'yanta')
})
afterAll(async () => {
  await t?.close()
})

const chlorine = (quantityTonnes: number) => ({ name: '氯', quantityTonnes })

describe('POST /api/hazard-sources/assess (GB 18218-2018, nothing saved)', () => {
  const assess = (body: unknown) =>
    yanta.post<AssessmentResult & Problem>('/api/hazard-sources/assess', body)

  it('氯 5 t is exactly S = 1: a major hazard source', async () => {
    const res = await assess({ substances: [chlorine(5)], peopleWithin500m: 0 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ S: 1, alpha: 0.5, R: 2, isMajor: true, grade: '四级' })
  })

  it('氯 4.99 t is not: grade null', async () => {
    const res = await assess({ substances: [chlorine(4.99)], peopleWithin500m: 0 })
    expect(res.body).toMatchObject({ S: 0.998, isMajor: false, grade: null })
  })

  it('氯 50 t with 100 people: α 2, β 4, R = 2·4·10 = 80 → 二级', async () => {
    const res = await assess({ substances: [chlorine(50)], peopleWithin500m: 100 })
    expect(res.body).toMatchObject({ S: 10, alpha: 2, R: 80, grade: '二级', isMajor: true })
    expect(res.body.terms[0]).toMatchObject({ Q: 5, q: 50, beta: 4, betaSource: 'table3' })
  })

  it('a chlorine + LPG unit sums every term: 1.2·(4·2 + 1.5·2) = 13.2 → 三级', async () => {
    const res = await assess({
      substances: [chlorine(10), { name: '液化石油气', quantityTonnes: 100 }],
      peopleWithin500m: 30,
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ S: 4, alpha: 1.2, grade: '三级', isMajor: true })
    expect(res.body.R).toBeCloseTo(13.2, 9)
    expect(res.body.terms.map((x) => [x.Q, x.beta])).toEqual([
      [5, 4],
      [50, 1.5],
    ])
  })

  it('422 naming substances.0.category for a substance GB 18218 does not list', async () => {
    const res = await assess({
      substances: [{ name: '某种溶剂X', quantityTonnes: 10 }],
      peopleWithin500m: 0,
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.errors).toEqual([
      {
        field: 'substances.0.category',
        code: 'invalid_value',
        message: expect.stringContaining('某种溶剂X'),
      },
    ])
  })

  it('with category W5.2 the same substance takes Q 50 from Table 2', async () => {
    const res = await assess({
      substances: [{ name: '某种溶剂X', category: 'W5.2', quantityTonnes: 25 }],
      peopleWithin500m: 0,
    })
    expect(res.status).toBe(200)
    expect(res.body.terms[0]).toMatchObject({ matched: 'category', Q: 50, beta: 1 })
    expect(res.body).toMatchObject({ S: 0.5, isMajor: false, grade: null })
  })

  it.each([
    [{ substances: [chlorine(-1)], peopleWithin500m: 0 }, 'substances.0.quantityTonnes'],
    [
      { substances: [{ name: '氯', quantityTonnes: '5' }], peopleWithin500m: 0 },
      'substances.0.quantityTonnes',
    ],
    [
      { substances: [chlorine(1), { name: '氯' }], peopleWithin500m: 0 },
      'substances.1.quantityTonnes',
    ],
    [
      { substances: [{ name: '氯', category: 'X9', quantityTonnes: 1 }], peopleWithin500m: 0 },
      'substances.0.category',
    ],
    [{ substances: [], peopleWithin500m: 0 }, 'substances'],
    [{ substances: [chlorine(1)], peopleWithin500m: 1.5 }, 'peopleWithin500m'],
    [{ substances: [chlorine(1)], peopleWithin500m: -1 }, 'peopleWithin500m'],
  ])('400 for %j naming %s', async (body, field) => {
    const res = await assess(body)
    expect(res.status).toBe(400)
    expect(res.body.errors?.map((e) => e.field)).toContain(field)
  })

  it('requires sign-in', async () => {
    const res = await t.app.request('/api/hazard-sources/assess', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ substances: [chlorine(5)], peopleWithin500m: 0 }),
    })
    expect(res.status).toBe(401)
  })
})

describe('hazard sources: documents and health', () => {
  it('is in the OpenAPI document and counted by /api/health', async () => {
    const doc = await yanta.get<{ paths: Record<string, unknown> }>('/api/openapi.json')
    expect(doc.status).toBe(200)
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/hazard-sources',
        '/api/hazard-sources/assess',
        '/api/hazard-sources/{id}',
      ]),
    )
    const health = await yanta.get<{ counts: Record<string, number> }>('/api/health')
    expect(health.body.counts.hazard_sources).toBeTypeOf('number')
  })
})
