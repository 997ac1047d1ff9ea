import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { FieldError } from '../lib/problem.ts'
import { signInMany, type ApiClient } from './client.ts'
import { places, testUscc } from './fixtures.ts'
import { openTestContext, type TestContext } from './test-database.ts'

// #18: values no real record holds are refused at the edge with the field named, and a
// refused request writes nothing (the audit log does not grow).

interface Problem {
  status: number
  errors?: FieldError[]
}

let t: TestContext
let yanta: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta] = await signInMany(t, 'yanta')
})
afterAll(async () => {
  await t?.close()
})

const auditCount = async () =>
  Number(
    (
      (await t.database.db.execute(sql`select count(*) as n from audit_log`)).rows[0] as {
        n: string
      }
    ).n,
  )

/** The first error naming `field`, after checking the answer is a 400 that wrote nothing. */
async function refused(send: () => Promise<{ status: number; body: Problem }>, field: string) {
  const before = await auditCount()
  const res = await send()
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(await auditCount()).toBe(before)
  const error = res.body.errors?.find((e) => e.field === field)
  expect(error, JSON.stringify(res.body.errors)).toBeDefined()
  return error!
}

const report = {
  type: '火灾',
  occurredAt: new Date(Date.now() - 600_000).toISOString(),
  location: places.yanta,
  deaths: 0,
  seriousInjuries: 0,
  reporterName: '值班测试',
}

describe('input bounds', () => {
  it('people counts stop at 10,000,000: 2^31 deaths is too_big, not a database error', async () => {
    const error = await refused(
      () => yanta.post('/api/incidents', { ...report, deaths: 2 ** 31 }),
      'deaths',
    )
    expect(error).toMatchObject({ code: 'too_big', params: { max: 10_000_000 } })
    const ok = await yanta.post('/api/incidents/classify', {
      deaths: 10_000_000,
      seriousInjuries: 0,
      directLossYuan: 0,
    })
    expect(ok.status).toBe(200)
  })

  it('quantityTonnes 1e308 is refused instead of graded 一级', async () => {
    const error = await refused(
      () =>
        yanta.post('/api/hazard-sources/assess', {
          substances: [{ name: '液氯', quantityTonnes: 1e308 }],
          peopleWithin500m: 0,
        }),
      'substances.0.quantityTonnes',
    )
    expect(error.code).toBe('too_big')
  })

  it('an accident before 1949-10-01 is too_early; that day itself is accepted', async () => {
    const error = await refused(
      () => yanta.post('/api/incidents', { ...report, occurredAt: '0001-01-01T00:00:00Z' }),
      'occurredAt',
    )
    expect(error).toMatchObject({ code: 'too_early', params: { min: '1949-10-01' } })
    await refused(
      () => yanta.post('/api/incidents', { ...report, occurredAt: '1949-09-30T23:59:59+08:00' }),
      'occurredAt',
    )
    const first = await yanta.post('/api/incidents/classify', {
      deaths: 0,
      seriousInjuries: 0,
      directLossYuan: 0,
      occurredAt: '1949-10-01T00:00:00+08:00',
    })
    expect(first.status).toBe(200)
  })

  it('hidden-danger dates: found in year 1 or a deadline in 9999 are refused', async () => {
    const enterprise = (
      await t.database.db.execute(
        sql`select id from enterprises where region_code = '610113' and retired_at is null limit 1`,
      )
    ).rows[0] as { id: string }
    const danger = {
      enterpriseId: enterprise.id,
      title: '测试隐患',
      severity: 'general',
      foundOn: '2026-01-05',
      deadline: '2026-02-05',
      responsiblePerson: '张三',
    }
    const early = await refused(
      () => yanta.post('/api/hidden-dangers', { ...danger, foundOn: '0001-01-01' }),
      'foundOn',
    )
    expect(early.code).toBe('too_early')
    const late = await refused(
      () => yanta.post('/api/hidden-dangers', { ...danger, deadline: '9999-12-31' }),
      'deadline',
    )
    expect(late.code).toBe('too_far_ahead')
    const found = await refused(
      () =>
        yanta.post('/api/hidden-dangers', {
          ...danger,
          foundOn: '2999-01-01',
          deadline: '2999-02-01',
        }),
      'foundOn',
    )
    expect(found.code).toBe('in_future')
  })

  it('a duty shift lasts at most 24 hours', async () => {
    const me = (await yanta.get<{ id: string }>('/api/me')).body.id
    const start = new Date(Date.now() + 3600_000)
    const shift = (hours: number) =>
      yanta.post<Problem>('/api/duty/shifts', {
        userId: me,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + hours * 3600_000).toISOString(),
      })
    const error = await refused(() => shift(24 * 365 * 10), 'endsAt')
    expect(error).toMatchObject({ code: 'too_long', params: { max: 24 } })
    expect((await shift(24)).status).toBe(201)
  })

  it('the enterprise batch is strict about unknown fields like every other body', async () => {
    const one = {
      name: '边界测试企业',
      uscc: testUscc(),
      industry: '危险化学品',
      location: places.yanta,
    }
    const error = await refused(
      () => yanta.post('/api/enterprises/batch', { enterprises: [one], dryRun: true }),
      '',
    )
    expect(error).toMatchObject({ code: 'unknown_field', params: { keys: 'dryRun' } })
  })

  it('NUL and lone surrogates in any text field are a field error, even before sign-in', async () => {
    const nul = await refused(
      () => yanta.post('/api/incidents', { ...report, description: 'a\u0000b' }),
      'description',
    )
    expect(nul).toMatchObject({ code: 'invalid_format', params: { format: 'text' } })
    await refused(
      () => yanta.post<Problem>('/api/duty/log', { kind: 'note', text: '\ud800' }),
      'text',
    )
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'yanta\u0000', password: 'x' }),
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })
})
