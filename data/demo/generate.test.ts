import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { assessHazardSource } from '../../server/domain/registry/gb18218.ts'
import { findMajorItem } from '../../server/domain/registry/major-danger-lists.ts'
import { isValidUscc, parseUscc } from '../../server/domain/registry/uscc.ts'
import { shaanxiGeography } from './anchors.ts'
import { majorLists } from './catalog-dangers.ts'
import { countySeats } from './county-seats.ts'
import { summarise } from './generate.ts'
import { DEFAULT_REFERENCE_DATE, DEFAULT_SEED, planDemo } from './plan.ts'
import { addDays } from './place.ts'
import { Rng } from './random.ts'

const plan = planDemo(DEFAULT_SEED, 1)
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const share = (n: number, of: number) => n / of

describe('random', () => {
  it('repeats per seed and stream, and differs across them', () => {
    const draw = (seed: number, stream: string) => {
      const rng = new Rng(seed, stream)
      return Array.from({ length: 5 }, () => rng.nextUint32())
    }
    expect(draw(1, 'a')).toEqual(draw(1, 'a'))
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'))
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'))
  })

  it('makes version-4 UUIDs', () => {
    const rng = new Rng(7)
    for (let i = 0; i < 100; i++) expect(rng.uuid()).toMatch(UUID_V4)
  })

  it('no source file of the generator reads Math.random or the clock for data', () => {
    const dir = dirname(fileURLToPath(import.meta.url))
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    )) {
      const text = readFileSync(join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
      expect(text, file).not.toMatch(/Math\.random|Date\.now\(|new Date\(\)/)
    }
  })
})

describe('planDemo', () => {
  it('is deterministic: same seed, same rows byte for byte; another seed, other rows', () => {
    const again = planDemo(DEFAULT_SEED, 1)
    expect(again).toEqual(plan)
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan))
    const other = planDemo(DEFAULT_SEED + 1, 1)
    expect(other.enterprises[0]?.id).not.toBe(plan.enterprises[0]?.id)
    expect(JSON.stringify(other.hazardSources)).not.toBe(JSON.stringify(plan.hazardSources))
  })

  it('scales the resources on their own without moving the registry rows', () => {
    const more = planDemo(DEFAULT_SEED, 1, shaanxiGeography, { resourceScale: 2 })
    expect(more.enterprises).toEqual(plan.enterprises)
    expect(more.hiddenDangers).toEqual(plan.hiddenDangers)
    expect(more.resources.length).toBe(2 * plan.resources.length)
  })

  it('has the default demo size at scale 1', () => {
    const s = summarise(plan)
    expect(s.enterprises).toBeGreaterThanOrEqual(1900)
    expect(s.enterprises).toBeLessThanOrEqual(2100)
    expect(s.hazardSources).toBe(600)
    expect(s.hiddenDangers).toBe(1500)
    expect(s.resources).toBe(1200)
    expect(planDemo(DEFAULT_SEED, 0.1).hazardSources.length).toBe(60)
  })

  it('uses unique version-4 ids across all tables', () => {
    const ids = [plan.enterprises, plan.hazardSources, plan.hiddenDangers, plan.resources]
      .flat()
      .map((r) => r.id)
    for (const id of ids) expect(id).toMatch(UUID_V4)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('enterprises', () => {
  it('carry valid, unique USCCs with the county code in positions 3–8', () => {
    const codes = plan.enterprises.map((e) => e.uscc)
    expect(new Set(codes).size).toBe(codes.length)
    for (const e of plan.enterprises) {
      expect(isValidUscc(e.uscc), e.uscc).toBe(true)
      expect(parseUscc(e.uscc)?.regionCode).toBe(e.anchorCounty)
    }
  })

  it('have plainly demo, unique names', () => {
    const names = plan.enterprises.map((e) => e.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^示例\S+-\d{4,}$/)
    expect(names).toContain('示例煤矿-0042')
  })

  it('cluster where the industry is: coal in the north, non-coal mines in the south', () => {
    const of = (industry: string) => plan.enterprises.filter((e) => e.industry === industry)
    const coal = of('煤矿')
    const north = coal.filter((e) => e.lat > 34.6)
    expect(share(north.length, coal.length)).toBeGreaterThan(0.95)
    const yulin = coal.filter((e) => e.anchorCounty.startsWith('6108'))
    expect(share(yulin.length, coal.length)).toBeGreaterThan(0.4)
    const mines = of('非煤矿山')
    const south = mines.filter((e) => /^61(07|09|10|03)/.test(e.anchorCounty) || e.lat < 34.4)
    expect(share(south.length, mines.length)).toBeGreaterThan(0.7)
  })

  it('include enterprises anchored in 雁塔区 and 榆阳区 (the demo county accounts)', () => {
    for (const county of ['610113', '610802']) {
      expect(plan.enterprises.filter((e) => e.anchorCounty === county).length).toBeGreaterThan(20)
    }
  })
})

describe('hazard sources', () => {
  const units = plan.hazardSources
  const major = units.filter((h) => h.isMajor)

  it('show all four grades in roughly 5 / 15 / 40 / 40 %, plus a few below the threshold', () => {
    const count = (grade: string) => major.filter((h) => h.grade === grade).length
    expect(share(count('一级'), major.length)).toBeGreaterThan(0.02)
    expect(share(count('一级'), major.length)).toBeLessThan(0.09)
    expect(share(count('二级'), major.length)).toBeGreaterThan(0.1)
    expect(share(count('二级'), major.length)).toBeLessThan(0.21)
    expect(share(count('三级'), major.length)).toBeGreaterThan(0.32)
    expect(share(count('三级'), major.length)).toBeLessThan(0.48)
    expect(share(count('四级'), major.length)).toBeGreaterThan(0.32)
    expect(share(count('四级'), major.length)).toBeLessThan(0.48)
    const below = units.filter((h) => !h.isMajor)
    expect(below.length).toBeGreaterThan(5)
    expect(share(below.length, units.length)).toBeLessThan(0.08)
    for (const h of below) {
      expect(h.grade).toBeNull()
      expect(h.s).toBeLessThan(1)
    }
  })

  it('store exactly what the GB 18218 function computes from their substances', () => {
    for (const h of units) {
      const a = assessHazardSource({
        substances: h.substances,
        peopleWithin500m: h.peopleWithin500m,
      })
      expect([h.s, h.r, h.alpha, h.grade, h.isMajor]).toEqual([
        a.S,
        a.R,
        a.alpha,
        a.grade,
        a.isMajor,
      ])
      expect(h.assessment.terms.every((t) => t.matched === 'table1' || t.category)).toBe(true)
    }
  })

  it('mostly belong to hazardous-chemical enterprises, some to other industries', () => {
    const industryOf = new Map(plan.enterprises.map((e) => [e.id, e.industry]))
    const chem = units.filter((h) => industryOf.get(h.enterpriseId) === '危险化学品')
    expect(share(chem.length, units.length)).toBeGreaterThan(0.75)
    expect(chem.length).toBeLessThan(units.length)
  })

  it('use real Table 1 substances such as 氯, 氨, 液化石油气, 甲醇', () => {
    const names = new Set(units.flatMap((h) => h.assessment.terms.map((t) => t.matchedName)))
    for (const name of ['氯', '氨', '甲醇', '苯', '氢', '硫化氢', '环氧乙烷']) {
      expect(names.has(name), name).toBe(true)
    }
  })
})

describe('hidden dangers', () => {
  const dangers = plan.hiddenDangers
  const ref = DEFAULT_REFERENCE_DATE

  it('are found in the 18 months before the reference date, deadlines after', () => {
    for (const d of dangers) {
      expect(d.foundOn <= ref && d.foundOn >= addDays(ref, -548)).toBe(true)
      expect(d.deadline > d.foundOn).toBe(true)
      expect(d.closedAt !== null).toBe(d.status === 'closed')
      if (d.closedAt) expect(d.closedAt.slice(0, 10) <= ref).toBe(true)
    }
  })

  it('include every status, and open or rectifying ones past their deadline', () => {
    for (const s of ['open', 'rectifying', 'verified', 'closed']) {
      expect(dangers.some((d) => d.status === s)).toBe(true)
    }
    const overdue = dangers.filter(
      (d) => (d.status === 'open' || d.status === 'rectifying') && d.deadline < ref,
    )
    expect(overdue.length).toBeGreaterThan(50)
  })

  it('are about 10 % major, each citing an item of its industry’s list', () => {
    const industryOf = new Map(plan.enterprises.map((e) => [e.id, e.industry]))
    const major = dangers.filter((d) => d.severity === 'major')
    expect(share(major.length, dangers.length)).toBeGreaterThan(0.07)
    expect(share(major.length, dangers.length)).toBeLessThan(0.13)
    for (const d of major) {
      const list = majorLists[industryOf.get(d.enterpriseId) ?? '其他']
      expect(list?.id).toBe(d.majorListId)
      expect(findMajorItem(d.majorListId ?? '', d.majorItem ?? '')?.text).toBe(d.title)
    }
    expect(new Set(major.map((d) => d.majorListId))).toEqual(
      new Set(['chemicals-2017', 'coal-2020']),
    )
    for (const d of dangers.filter((x) => x.severity === 'general'))
      expect(d.majorListId).toBeNull()
  })
})

describe('resources', () => {
  const resources = plan.resources

  it('cover every kind and the main team categories, with demo names', () => {
    const kinds = new Set(resources.map((r) => r.kind))
    expect(kinds).toEqual(
      new Set(['team', 'warehouse', 'equipment', 'expert', 'shelter', 'medical']),
    )
    const teams = new Set(resources.filter((r) => r.kind === 'team').map((r) => r.category))
    for (const c of ['危化品救援队', '矿山救护队', '消防救援队', '医疗救护队'])
      expect(teams.has(c)).toBe(true)
    for (const r of resources) expect(r.name).toMatch(/^示例\S+-\d{4,}$/)
    expect(resources.map((r) => r.name)).toContain('示例危化品救援队-0007')
  })

  it('stock warehouses only, give shelters a capacity, and are mostly available', () => {
    for (const r of resources) {
      expect(r.inventory.length > 0).toBe(r.kind === 'warehouse')
      if (r.kind === 'shelter') expect(r.capacity).toBeGreaterThan(0)
      if (r.kind === 'team') expect(r.headcount).toBeGreaterThan(0)
    }
    const available = resources.filter((r) => r.status === 'available').length
    expect(share(available, resources.length)).toBeGreaterThan(0.75)
    expect(resources.some((r) => r.status === 'dispatched')).toBe(true)
    expect(resources.some((r) => r.status === 'out_of_service')).toBe(true)
  })

  it('put mine-rescue teams by the coal fields and chemical teams by the parks', () => {
    const teams = (c: string) => resources.filter((r) => r.category === c)
    const mine = teams('矿山救护队')
    expect(share(mine.filter((r) => r.lat > 34.6).length, mine.length)).toBeGreaterThan(0.7)
    const parkCounties = new Set(
      shaanxiGeography.anchors
        .filter((a) => a.key.startsWith('site-') && (a.weights['危险化学品'] ?? 0) > 0)
        .map((a) => a.county),
    )
    const chem = teams('危化品救援队')
    const parks = chem.filter((r) => parkCounties.has(r.anchorCounty))
    expect(share(parks.length, chem.length)).toBeGreaterThan(0.7)
  })
})

describe('field limits of the API schemas', () => {
  it('keep every text within what a client may write back', () => {
    for (const e of plan.enterprises) {
      expect(e.name.length).toBeLessThanOrEqual(200)
      expect(e.street.length).toBeLessThanOrEqual(250)
      expect(e.contactPhone.length).toBeLessThanOrEqual(50)
    }
    for (const d of plan.hiddenDangers) {
      expect(d.title.length).toBeLessThanOrEqual(200)
      expect(d.description.length).toBeLessThanOrEqual(4000)
    }
  })
})

describe('anchors', () => {
  it('name real counties and lie in 陕西', () => {
    const counties = new Set(countySeats.map((s) => s.code))
    expect(counties.size).toBe(107)
    for (const a of shaanxiGeography.anchors) {
      expect(counties.has(a.county), a.key).toBe(true)
      expect(a.lng).toBeGreaterThan(105.4)
      expect(a.lng).toBeLessThan(111.3)
      expect(a.lat).toBeGreaterThan(31.6)
      expect(a.lat).toBeLessThan(39.6)
    }
  })
})
