import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { PlanSummary } from './plans.schemas.ts'

let t: TestContext
let national: ApiClient
let yanta: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[national, yanta] = await signInMany(t, 'national', 'yanta')
})
afterAll(async () => {
  await t?.close()
})

describe('demo plans', () => {
  it('cover every level, keep superseded versions and flag one overdue for review', async () => {
    const res = await national.get<{ plans: PlanSummary[] }>('/api/plans')
    expect(res.status).toBe(200)
    const plans = res.body.plans
    expect(new Set(plans.map((p) => p.level))).toEqual(
      new Set(['national', 'province', 'city', 'county', 'enterprise']),
    )
    expect(plans.every((p) => p.inForce !== null)).toBe(true)
    expect(plans.filter((p) => p.overdue).map((p) => p.title)).toEqual([
      '西安市生产安全事故应急预案',
    ])
    const v = await t.database.db.execute(sql`select status, count(*)::int as n from plan_versions
      group by status order by status`)
    const byStatus = Object.fromEntries(
      (v.rows as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    )
    expect(byStatus.superseded).toBeGreaterThanOrEqual(3)
    expect(byStatus.draft).toBeGreaterThanOrEqual(1)
  })

  it('match the demo chlorine leak: its on-site procedure first, then the chain upward', async () => {
    const r = await t.database.db.execute(sql`select id from incidents
      where created_by is null and type = '泄漏' and substance = '液氯' limit 1`)
    const id = (r.rows[0] as { id: string }).id
    const res = await national.get<{
      matches: { plan: { level: string; kind: string }; reasons: { code: string }[] }[]
    }>(`/api/incidents/${id}/plan-matches`)
    expect(res.status).toBe(200)
    const first = res.body.matches[0]!
    expect(first.plan).toMatchObject({ level: 'enterprise', kind: 'onsite' })
    expect(first.reasons.map((x) => x.code)).toEqual([
      'hazard_source',
      'enterprise',
      'substance',
      'incident_type',
    ])
    expect(res.body.matches.at(-1)!.plan.level).toBe('national')
    // A county user reads the plans above it that apply to it.
    const county = await yanta.get<{ plans: PlanSummary[] }>('/api/plans')
    expect(county.body.plans.map((p) => p.level)).toContain('national')
    expect(county.body.plans.some((p) => p.title.startsWith('榆阳区'))).toBe(false)
  })
})
