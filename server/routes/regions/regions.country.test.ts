import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { RegionCollection, RegionDetail } from './regions.schemas.ts'

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

const list = async (query: string) =>
  ((await (await t.app.request(`/api/regions?${query}`)).json()) as RegionCollection).features.map(
    (f) => f.properties,
  )
const detail = async (code: string) =>
  (await (await t.app.request(`/api/regions/${code}`)).json()) as RegionDetail

/** The 31 provinces of the mainland: 台湾 71, 香港 81 and 澳门 82 are the other three. */
const isMainland = (code: string) => !['71', '81', '82'].includes(code.slice(0, 2))

describe('the whole country is loaded', () => {
  it('every mainland province has counties, and every county hangs from a region of its own code', async () => {
    const [provinces, cities, counties] = await Promise.all(
      ['province', 'city', 'county'].map((level) => list(`level=${level}`)),
    )
    const mainland = provinces!.filter((p) => isMainland(p.code))
    expect(mainland).toHaveLength(31)
    const byCode = new Map([...provinces!, ...cities!, ...counties!].map((r) => [r.code, r]))
    const countiesPer = new Map<string, number>()
    for (const county of counties!) {
      // Walk up: county → (city) → province → the national root, every step by its code.
      const chain = [county]
      for (let r = county; r.parentCode !== null && r.parentCode !== '100000';) {
        const parent = byCode.get(r.parentCode)
        expect(parent, `${r.code} ${r.name}: parent ${r.parentCode}`).toBeDefined()
        r = parent!
        chain.push(r)
      }
      const province = chain[chain.length - 1]!
      expect(province.level, `${county.code} ${county.name}`).toBe('province')
      expect(chain.length).toBeLessThanOrEqual(3)
      expect(province.parentCode).toBe('100000')
      expect(county.code.slice(0, 2)).toBe(province.code.slice(0, 2))
      const parent = chain[1]!
      if (parent.level === 'city') expect(county.code.slice(0, 4)).toBe(parent.code.slice(0, 4))
      countiesPer.set(province.code, (countiesPer.get(province.code) ?? 0) + 1)
    }
    for (const p of mainland) expect(countiesPer.get(p.code), p.name).toBeGreaterThan(0)
    // 2,833 packaged counties plus the 30 province-administered units (仙桃, 石河子 …).
    expect(counties).toHaveLength(2_863)
    for (const city of cities!) {
      expect(byCode.get(city.parentCode!)?.level, `${city.code} ${city.name}`).toBe('province')
      expect(city.code.slice(0, 2)).toBe(city.parentCode!.slice(0, 2))
    }
  })

  it('answers the parent chain of one county per mainland province from the national root', async () => {
    const counties = (await list('level=county')).filter((c) => isMainland(c.code))
    const firstPerProvince = new Map<string, string>()
    for (const c of counties) {
      if (!firstPerProvince.has(c.code.slice(0, 2)))
        firstPerProvince.set(c.code.slice(0, 2), c.code)
    }
    expect(firstPerProvince.size).toBe(31)
    for (const [prefix, code] of firstPerProvince) {
      const body = await detail(code)
      expect(body.level).toBe('county')
      expect(body.parents[0]?.code).toBe('100000')
      expect(body.parents[1]).toMatchObject({ code: `${prefix}0000`, level: 'province' })
    }
  })

  it('puts municipality districts and province-administered counties at county level under the province', async () => {
    const chaoyang = await detail('110105')
    expect(chaoyang).toMatchObject({ name: '朝阳区', level: 'county', parentCode: '110000' })
    const xiantao = await detail('429004')
    expect(xiantao).toMatchObject({ name: '仙桃市', level: 'county', parentCode: '420000' })
    expect((await detail('420000')).children.map((c) => c.code)).toContain('429004')
    // A prefecture city without counties stays a city.
    const dongguan = await detail('441900')
    expect(dongguan).toMatchObject({ level: 'city', parentCode: '440000', childrenCount: 0 })
  })

  it('keeps counties the package still carries under old codes under their 2023 codes', async () => {
    expect(await detail('610305')).toMatchObject({ name: '凤翔区', parentCode: '610300' })
    expect(await detail('540481')).toMatchObject({ name: '米林市', parentCode: '540400' })
    expect((await t.app.request('/api/regions/610322')).status).toBe(404)
  })

  it('stores only valid polygons, repaired where the source was not', async () => {
    const { sql } = await import('drizzle-orm')
    const r = await t.database.db.execute(sql`
      select code from regions
      where not ST_IsValid(boundary) or not ST_IsValid(display_low) or not ST_IsValid(display_mid)
         or ST_IsEmpty(display_low)`)
    expect(r.rows.map((row) => (row as { code: string }).code)).toEqual([])
  })
})
