import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldErrorCodes } from '../domain/shared/field-error-code.ts'
import type { FieldError } from '../lib/problem.ts'
import type { IncidentDetail } from '../routes/incidents/incidents.schemas.ts'
import { signInMany, type ApiClient } from './client.ts'
import { places } from './fixtures.ts'
import { openTestContext, type TestContext } from './test-database.ts'

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

const report = {
  type: '火灾',
  occurredAt: new Date(Date.now() - 600_000).toISOString(),
  location: places.yanta,
  deaths: 0,
  seriousInjuries: 0,
  reporterName: '值班测试',
}

/** field → { code, params } of the first error naming each field (what a form shows). */
const codes = (p: Problem) =>
  Object.fromEntries(
    [...(p.errors ?? [])].reverse().map((e) => [e.field, { code: e.code, params: e.params }]),
  )

describe('field errors carry a stable code', () => {
  it('required, too_small, too_big, invalid_value, invalid_format, unknown_field (400)', async () => {
    const { reporterName: _omitted, ...withoutName } = report
    const res = await yanta.post<Problem>('/api/incidents', {
      ...withoutName,
      type: '地震',
      deaths: -1,
      occurredAt: 'yesterday',
      description: 'x'.repeat(5001),
      colour: 'red',
    })
    expect(res.status).toBe(400)
    const got = codes(res.body)
    expect(got.reporterName?.code).toBe('required')
    expect(got.deaths).toEqual({ code: 'too_small', params: { min: 0, origin: 'number' } })
    expect(got.description).toEqual({ code: 'too_big', params: { max: 5000, origin: 'string' } })
    expect(got.type?.code).toBe('invalid_value')
    expect(got.occurredAt).toMatchObject({ code: 'invalid_format', params: { format: 'datetime' } })
    expect(got['']).toEqual({ code: 'unknown_field', params: { keys: 'colour' } })
    // The English message stays for API users.
    expect(res.body.errors?.find((e) => e.field === 'deaths')?.message).toBe('deaths must be ≥ 0')
  })

  it('an empty required text is "required"; a wrong type is not', async () => {
    const empty = await yanta.post<Problem>('/api/incidents', { ...report, reporterName: '  ' })
    expect(codes(empty.body).reporterName?.code).toBe('required')
    const wrong = await yanta.post<Problem>('/api/incidents', { ...report, deaths: 'two' })
    expect(codes(wrong.body).deaths).toEqual({
      code: 'invalid_type',
      params: { expected: 'number' },
    })
  })

  it('a refine names its code: in_future, end_before_start', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const res = await yanta.post<Problem>('/api/incidents', { ...report, occurredAt: future })
    expect(codes(res.body).occurredAt?.code).toBe('in_future')
    const backwards = await yanta.post<Problem>('/api/duty/shifts', {
      userId: '00000000-0000-4000-8000-000000000000',
      startsAt: future,
      endsAt: report.occurredAt,
    })
    expect(codes(backwards.body).endsAt?.code).toBe('end_before_start')
  })

  it('domain rules: not_in_jurisdiction (403), outside_regions, stale (409), bad_transition', async () => {
    const away = await yanta.post<Problem>('/api/incidents', { ...report, location: places.yuyang })
    expect(away.status).toBe(403)
    expect(codes(away.body).location).toMatchObject({ code: 'not_in_jurisdiction' })
    const sea = await yanta.post<Problem>('/api/incidents', { ...report, location: places.sea })
    expect(codes(sea.body).location?.code).toBe('outside_regions')

    const incident = (await yanta.post<IncidentDetail>('/api/incidents', report)).body
    const stale = await yanta.patch<Problem>(`/api/incidents/${incident.id}`, {
      version: incident.version + 5,
      address: '新地址',
    })
    expect(stale.status).toBe(409)
    expect(codes(stale.body).version).toEqual({
      code: 'stale',
      params: { current: incident.version },
    })
    const skip = await yanta.post<Problem>(`/api/incidents/${incident.id}/status`, {
      version: incident.version,
      status: 'closed',
    })
    expect(skip.status).toBe(422)
    expect(codes(skip.body).status?.code).toBe('bad_transition')
  })

  it('every error sent has a code from the published list', async () => {
    const res = await yanta.post<Problem>('/api/duty/log', { kind: 'fax', text: '' })
    expect(res.status).toBe(400)
    expect(res.body.errors?.length).toBeGreaterThan(0)
    for (const e of res.body.errors ?? []) expect(fieldErrorCodes).toContain(e.code)
    const doc = await t.app.request('/api/openapi.json')
    const spec = (await doc.json()) as {
      components: { schemas: { Problem: { properties: Record<string, unknown> } } }
    }
    expect(JSON.stringify(spec.components.schemas.Problem.properties.errors)).toContain(
      'not_in_jurisdiction',
    )
  })
})
