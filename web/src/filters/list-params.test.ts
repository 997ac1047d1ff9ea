import { describe, expect, it } from 'vitest'
import { enterpriseListQuery } from '../../../server/routes/enterprises/enterprises.schemas.ts'
import { hazardSourceListQuery } from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import { hiddenDangerListQuery } from '../../../server/routes/hidden-dangers/hidden-dangers.schemas.ts'
import { resourceListQuery } from '../../../server/routes/resources/resources.schemas.ts'
import { noFilters, type FiltersState } from '../state/filters.ts'
import { listParamsFor } from './list-params.ts'

const state = (patch: (s: FiltersState) => void): FiltersState => {
  const s: FiltersState = { layers: noFilters(), region: null }
  patch(s)
  return s
}

describe('listParamsFor', () => {
  it('sends nothing when nothing is filtered', () => {
    const empty = state(() => {})
    expect(listParamsFor('hazard-sources', empty)).toEqual({})
    expect(listParamsFor('hidden-dangers', empty)).toEqual({})
    expect(listParamsFor('resources', empty)).toEqual({})
    expect(listParamsFor('enterprises', empty)).toEqual({})
  })

  it('turns each layer’s filters into the parameters its list endpoint parses', () => {
    const s = state((s) => {
      s.region = { code: '610113', name: '雁塔区' }
      s.layers['hazard-sources'].grade = ['二级', '一级', '未定级']
      s.layers['hidden-dangers'] = {
        severity: 'major',
        status: ['rectifying', 'open'],
        overdue: true,
      }
      s.layers.resources = { kind: ['team', 'medical'], status: 'available' }
      s.layers.enterprises.industry = '危险化学品'
    })
    const hazard = listParamsFor('hazard-sources', s)
    expect(hazard).toEqual({ region: '610113', grade: '一级,二级,未定级' })
    expect(hazardSourceListQuery.parse(hazard)).toMatchObject({
      region: '610113',
      grade: ['一级', '二级', '未定级'],
    })
    const dangers = listParamsFor('hidden-dangers', s)
    expect(hiddenDangerListQuery.parse(dangers)).toMatchObject({
      severity: 'major',
      status: ['open', 'rectifying'],
      overdue: true,
      region: '610113',
    })
    expect(resourceListQuery.parse(listParamsFor('resources', s))).toMatchObject({
      kind: ['medical', 'team'],
      status: 'available',
    })
    expect(enterpriseListQuery.parse(listParamsFor('enterprises', s))).toMatchObject({
      industry: '危险化学品',
    })
  })

  it('gives the same parameters for the same filters chosen in another order', () => {
    const a = state((s) => (s.layers.resources.kind = ['team', 'expert']))
    const b = state((s) => (s.layers.resources.kind = ['expert', 'team']))
    expect(listParamsFor('resources', a)).toEqual(listParamsFor('resources', b))
  })

  it('sends overdue=false when only the on-time dangers are wanted', () => {
    const s = state((s) => (s.layers['hidden-dangers'].overdue = false))
    expect(listParamsFor('hidden-dangers', s)).toEqual({ overdue: 'false' })
  })
})
