import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { shaanxiGeography } from '../../data/demo/anchors.ts'
import { generateDemo, summarise } from '../../data/demo/generate.ts'
import { outsideShaanxiPlan, writeOutsideShaanxi } from '../../data/demo/outside-shaanxi.ts'
import { seedDemoIncidents } from '../../data/demo/incidents.ts'
import { DEFAULT_SEED, planDemo } from '../../data/demo/plan.ts'
import type { Queryable } from '../db/database.ts'
import { isValidUscc } from '../domain/registry/uscc.ts'
import { openTestContext, type TestContext } from './test-database.ts'

// The template is seeded by data/seed.ts in demo mode at scale 1 with the default seed.
const plan = planDemo(DEFAULT_SEED, 1)
const expected = summarise(plan)
const tables = ['enterprises', 'hazard_sources', 'hidden_dangers', 'resources'] as const

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

async function rows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[]
}

/** md5 over every column of every row of the four tables, in id order. */
async function checksums(db: Queryable): Promise<string[]> {
  const out: string[] = []
  for (const table of tables) {
    const [row] = await rows<{ h: string }>(
      db,
      sql`select md5(string_agg(t::text, '|' order by t.id)) as h from ${sql.identifier(table)} t`,
    )
    out.push(row?.h ?? '')
  }
  return out
}

describe('demo data in the seeded database', () => {
  it('holds exactly the planned rows, written by the system', async () => {
    const counts: Record<string, number> = {}
    for (const table of tables) {
      const [row] = await rows<{ n: number; system: number }>(
        t.database.db,
        sql`select count(*)::int as n, count(*) filter (where created_by is null and updated_by is null)::int as system
            from ${sql.identifier(table)}`,
      )
      counts[table] = row?.n ?? 0
      expect(row?.system).toBe(row?.n)
    }
    // The 陕西 plan plus the four 天河 records of the demo agency outside 陕西.
    const outside = summarise(outsideShaanxiPlan)
    expect(counts).toEqual({
      enterprises: expected.enterprises + outside.enterprises,
      hazard_sources: expected.hazardSources + outside.hazardSources,
      hidden_dangers: expected.hiddenDangers + outside.hiddenDangers,
      resources: expected.resources + outside.resources,
    })
    const ids = await rows<{ id: string }>(
      t.database.db,
      sql`select id from enterprises order by id`,
    )
    const planned = [...plan.enterprises, ...outsideShaanxiPlan.enterprises].map((e) => e.id)
    expect(ids.map((r) => r.id)).toEqual(planned.sort())
  })

  it('puts every row in a 陕西 county (or the one 天河 demo county) whose polygon contains it', async () => {
    for (const table of tables) {
      const [row] = await rows<{ outside: number }>(
        t.database.db,
        sql`select count(*)::int as outside from ${sql.identifier(table)} x
            left join regions r on r.code = x.region_code and r.level = 'county'
              and (r.code like '61%' or r.code = '440106')
            where r.code is null or not ST_Intersects(r.boundary, x.location)`,
      )
      expect(row?.outside, table).toBe(0)
    }
  })

  it('has records of every table in 雁塔区 (610113) and 榆阳区 (610802)', async () => {
    for (const table of tables) {
      for (const county of ['610113', '610802']) {
        const [row] = await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from ${sql.identifier(table)} where region_code = ${county}`,
        )
        expect(row?.n, `${table} in ${county}`).toBeGreaterThan(0)
      }
    }
  })

  it('grades hazard sources one to four as planned, below-threshold units ungraded', async () => {
    const found = await rows<{ grade: string | null; n: number; major: boolean }>(
      t.database.db,
      sql`select grade, is_major as major, count(*)::int as n from hazard_sources group by 1, 2`,
    )
    const byGrade = Object.fromEntries(found.map((r) => [r.grade ?? 'none', r.n]))
    const grades = { ...expected.grades }
    for (const h of outsideShaanxiPlan.hazardSources) {
      grades[h.grade ?? 'none'] = (grades[h.grade ?? 'none'] ?? 0) + 1
    }
    expect(byGrade).toEqual(grades)
    for (const grade of ['一级', '二级', '三级', '四级']) expect(byGrade[grade]).toBeGreaterThan(0)
    expect(found.every((r) => (r.grade === null) === !r.major)).toBe(true)
  })

  it('keeps units and dangers in their enterprise’s county, USCCs naming that county', async () => {
    const [mismatch] = await rows<{ units: number; dangers: number; uscc: number }>(
      t.database.db,
      sql`select
        (select count(*)::int from hazard_sources h join enterprises e on e.id = h.enterprise_id
          where h.region_code <> e.region_code) as units,
        (select count(*)::int from hidden_dangers d join enterprises e on e.id = d.enterprise_id
          where d.region_code <> e.region_code) as dangers,
        (select count(*)::int from enterprises where substr(uscc, 3, 6) <> region_code) as uscc`,
    )
    expect(mismatch).toEqual({ units: 0, dangers: 0, uscc: 0 })
    const codes = await rows<{ uscc: string }>(t.database.db, sql`select uscc from enterprises`)
    expect(codes.filter((c) => !isValidUscc(c.uscc))).toEqual([])
  })

  it('has anchors inside the counties they name', async () => {
    const anchors = shaanxiGeography.anchors.map((a) => ({
      key: a.key,
      county: a.county,
      lng: a.lng,
      lat: a.lat,
    }))
    const wrong = await rows<{ key: string; county: string; actual: string | null }>(
      t.database.db,
      sql`select x.key, x.county, c.code as actual
          from json_to_recordset(${JSON.stringify(anchors)}::json)
            as x(key text, county text, lng float8, lat float8)
          left join lateral (select code from regions where level = 'county'
            and ST_Intersects(boundary, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326)) limit 1) c on true
          where c.code is distinct from x.county`,
    )
    expect(wrong).toEqual([])
  })

  it('regenerates byte for byte from the same seed', async () => {
    const before = await checksums(t.database.db)
    const rollback = new Error('rollback')
    let after: string[] = []
    await t.database.db
      .transaction(async (tx) => {
        // The demo incidents refer to enterprises and resources: regenerated with them.
        // The demo plans refer to the enterprises and incidents too (data/demo/emergency-plans.ts).
        for (const table of [
          'plan_activation_steps',
          'plan_activations',
          'plan_versions',
          'plans',
          'dispatches',
          'reporting_obligations',
          'incident_events',
          'incidents',
        ]) {
          await tx.execute(sql`delete from ${sql.identifier(table)}`)
        }
        await tx.execute(sql`delete from hidden_dangers`)
        await tx.execute(sql`delete from hazard_sources`)
        await tx.execute(sql`delete from enterprises`)
        await tx.execute(sql`delete from resources`)
        await generateDemo(tx, { seed: DEFAULT_SEED, scale: 1 })
        await writeOutsideShaanxi(tx)
        await seedDemoIncidents(tx, { now: new Date() })
        after = await checksums(tx)
        throw rollback
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error
      })
    expect(after).toEqual(before)
  })
})
