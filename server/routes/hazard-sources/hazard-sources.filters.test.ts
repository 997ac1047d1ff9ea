import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FeatureCollection, Point } from 'geojson'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { ResourceFeatureProperties } from '../resources/resources.schemas.ts'
import type { HazardSourceFeatureProperties } from './hazard-sources.schemas.ts'

let t: TestContext
let shaanxi: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[shaanxi] = await signInMany(t, 'shaanxi')
})
afterAll(async () => {
  await t?.close()
})

const sources = async (query: string) => {
  const res = await shaanxi.get<FeatureCollection<Point, HazardSourceFeatureProperties>>(
    `/api/hazard-sources?${query}`,
  )
  expect(res.status, query).toBe(200)
  return res.body.features.map((f) => f.properties)
}

describe('list filters the map workspace sends', () => {
  it('grade=未定级 selects the units below S = 1, alone or with graded ones', async () => {
    const all = await sources('region=610100')
    const ungraded = all.filter((p) => p.grade === null).length
    const first = all.filter((p) => p.grade === '一级').length
    expect(ungraded).toBeGreaterThan(0)
    expect(first).toBeGreaterThan(0)
    const only = await sources('region=610100&grade=未定级')
    expect(only).toHaveLength(ungraded)
    expect(only.every((p) => p.grade === null)).toBe(true)
    const both = await sources(`region=610100&grade=${encodeURIComponent('一级,未定级')}`)
    expect(both).toHaveLength(ungraded + first)
  })

  it('refuses an unknown grade with 400 naming grade', async () => {
    const res = await shaanxi.get<{ errors?: { field: string }[] }>(
      `/api/hazard-sources?grade=${encodeURIComponent('五级')}`,
    )
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.field).toBe('grade')
  })

  it('region= keeps resources to that region and below', async () => {
    const res = await shaanxi.get<FeatureCollection<Point, ResourceFeatureProperties>>(
      '/api/resources?region=610113',
    )
    expect(res.status).toBe(200)
    const codes = res.body.features.map((f) => f.properties.regionCode)
    expect(codes.length).toBeGreaterThan(0)
    expect(codes.every((c) => c.startsWith('610113'))).toBe(true)
    const province = await shaanxi.get<FeatureCollection<Point, ResourceFeatureProperties>>(
      '/api/resources?region=610000',
    )
    expect(province.body.features.length).toBeGreaterThan(codes.length)
  })
})
