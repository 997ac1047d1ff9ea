import { describe, expect, it } from 'vitest'
import { matchReasonsFor, rankPlans, type MatchablePlan } from './plan-matching.ts'

const incident = {
  type: '泄漏',
  regionCode: '610113',
  enterpriseId: 'e1',
  hazardSourceId: 'h1',
  substanceCas: ['7782-50-5'],
}

const plan = (id: string, p: Partial<MatchablePlan>): MatchablePlan => ({
  id,
  level: 'county',
  kind: 'comprehensive',
  regionCode: '610113',
  incidentTypes: [],
  substances: [],
  enterpriseId: null,
  hazardSourceIds: [],
  ...p,
})

describe('plan matching', () => {
  const plans = [
    plan('national', { level: 'national', regionCode: '100000' }),
    plan('province', { level: 'province', regionCode: '610000' }),
    plan('city', { level: 'city', regionCode: '610100' }),
    plan('county', {}),
    plan('type', { kind: 'special', level: 'city', regionCode: '610100', incidentTypes: ['泄漏'] }),
    plan('substance', {
      kind: 'special',
      level: 'province',
      regionCode: '610000',
      substances: ['7782-50-5'],
    }),
    plan('enterprise', { level: 'enterprise', kind: 'comprehensive', enterpriseId: 'e1' }),
    plan('source', {
      level: 'enterprise',
      kind: 'onsite',
      enterpriseId: 'e1',
      hazardSourceIds: ['h1'],
    }),
  ]

  it('ranks hazard source > enterprise > substance > type > county > city > province > national', () => {
    expect(rankPlans(plans, incident).map((m) => m.plan.id)).toEqual([
      'source',
      'enterprise',
      'substance',
      'type',
      'county',
      'city',
      'province',
      'national',
    ])
  })

  it('says why each matched, strongest reason first', () => {
    const ranked = rankPlans(plans, incident)
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(['hazard_source', 'enterprise'])
    expect(ranked[2]!.reasons).toEqual([
      { code: 'substance', text: '同一危险物质', detail: '7782-50-5' },
      { code: 'province', text: '省级属地预案', detail: '610000' },
    ])
    expect(ranked[3]!.reasons.map((r) => r.code)).toEqual(['incident_type', 'city'])
    expect(ranked.at(-1)!.reasons).toEqual([
      { code: 'national', text: '国家级预案', detail: '100000' },
    ])
  })

  it("leaves out another enterprise's plan and plans of other jurisdictions", () => {
    expect(
      matchReasonsFor(plan('x', { level: 'enterprise', enterpriseId: 'e2' }), incident),
    ).toEqual([])
    expect(matchReasonsFor(plan('x', { regionCode: '610112' }), incident)).toEqual([])
    expect(
      matchReasonsFor(plan('x', { level: 'province', regionCode: '440000' }), incident),
    ).toEqual([])
  })

  it('leaves out a plan for other incident types or other substances', () => {
    expect(matchReasonsFor(plan('x', { incidentTypes: ['透水'] }), incident)).toEqual([])
    expect(
      matchReasonsFor(plan('x', { kind: 'special', substances: ['67-56-1'] }), incident),
    ).toEqual([])
  })

  it('needs the incident hazard source, not just any', () => {
    const other = { ...incident, hazardSourceId: 'h2' }
    const r = matchReasonsFor(plans.at(-1)!, other).map((x) => x.code)
    expect(r).toEqual(['enterprise'])
  })

  it('breaks ties by the nearer level', () => {
    const ranked = rankPlans(
      [
        plan('p', { level: 'province', regionCode: '610000', incidentTypes: ['泄漏'] }),
        plan('c', { level: 'county', incidentTypes: ['泄漏'] }),
      ],
      incident,
    )
    expect(ranked.map((m) => m.plan.id)).toEqual(['c', 'p'])
  })
})
