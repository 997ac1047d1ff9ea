import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { writeDemoIncidents } from '../../data/demo/bench-incidents.ts'
import { writeDemoRiskGrid } from '../../data/demo/risk-grid.ts'
import { accidentGrade } from '../domain/incidents/accident-grade.ts'
import { riskLevels } from '../domain/risk/risk-level.ts'
import { openTestContext, type TestContext } from './test-database.ts'

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await t.database.db.execute(query)).rows as T[]

describe('the 1 km risk grid the bench generates', () => {
  it('covers a county with 1 km² cells given to that county, levels from the score', async () => {
    const written = await writeDemoRiskGrid(t.database.db, { region: '610113' })
    const [area] = await rows<{ km2: number }>(sql`select ST_Area(boundary::geography) / 1e6 as km2
      from regions where code = '610113'`)
    // One cell per square kilometre whose centre lies in the county.
    expect(written).toBeGreaterThan(area!.km2 * 0.9 - 5)
    expect(written).toBeLessThan(area!.km2 * 1.1 + 5)
    const cells = await rows<{
      region_code: string
      score: number
      level: string
      m2: number
      inside: boolean
      sources: number
    }>(sql`select c.region_code, c.score, c.level, ST_Area(c.cell::geography) as m2,
        ST_Intersects(r.boundary, c.centroid) as inside,
        (c.factors->>'hazardSources')::int as sources
      from risk_grid_cells c join regions r on r.code = '610113' where c.grid = 'aea-china-1km'`)
    expect(cells.length).toBe(written)
    for (const c of cells) {
      expect(c.region_code).toBe('610113')
      expect(c.inside).toBe(true)
      expect(c.m2).toBeGreaterThan(0.995e6)
      expect(c.m2).toBeLessThan(1.005e6)
      expect(riskLevels).toContain(c.level)
      const expected =
        c.score >= 75
          ? '重大风险'
          : c.score >= 50
            ? '较大风险'
            : c.score >= 25
              ? '一般风险'
              : '低风险'
      expect(c.level).toBe(expected)
    }
    // Every hazard source counted lies in the county, none twice.
    const [inCounty] = await rows<{ n: number }>(sql`select count(*)::int as n from hazard_sources
      where retired_at is null and region_code like '610113%'`)
    const counted = cells.reduce((n, c) => n + c.sources, 0)
    expect(counted).toBeLessThanOrEqual(inCounty!.n)
    if (inCounty!.n > 0) expect(counted).toBeGreaterThan(0)
    // Cells are addressed by (grid, i, j): generating again adds nothing.
    expect(await writeDemoRiskGrid(t.database.db, { region: '610113' })).toBe(0)
  })
})

describe('the incidents the bench generates', () => {
  it('happen at hazard sources, graded by Order 493, the same for the same seed', async () => {
    const existing = new Set(
      (await rows<{ id: string }>(sql`select id from incidents`)).map((r) => r.id),
    )
    expect(await writeDemoIncidents(t.database.db, { count: 60, seed: 7 })).toBe(60)
    expect(await writeDemoIncidents(t.database.db, { count: 60, seed: 7 })).toBe(60)
    const all = await rows<{
      deaths: number
      serious_injuries: number
      direct_loss_yuan: number
      grade: string
      at_source: boolean
      region_ok: boolean
      key: string
      id: string
    }>(sql`select i.id, i.deaths, i.serious_injuries, i.direct_loss_yuan::float8 as direct_loss_yuan,
        i.grade, ST_Equals(i.location, h.location) as at_source,
        i.region_code = h.region_code as region_ok,
        concat_ws('|', i.hazard_source_id, i.type, i.occurred_at, i.deaths, i.status) as key
      from incidents i join hazard_sources h on h.id = i.hazard_source_id
      `)
    const fresh = all.filter((w) => !existing.has(w.id))
    expect(fresh.length).toBe(120)
    for (const w of fresh) {
      expect(w.at_source).toBe(true)
      expect(w.region_ok).toBe(true)
      expect(w.grade).toBe(
        accidentGrade({
          deaths: w.deaths,
          seriousInjuries: w.serious_injuries,
          directLossYuan: w.direct_loss_yuan,
        }),
      )
    }
    // Two runs with one seed: each row twice.
    const counts = new Map<string, number>()
    for (const w of fresh) counts.set(w.key, (counts.get(w.key) ?? 0) + 1)
    for (const n of counts.values()) expect(n % 2).toBe(0)
  })
})
