import { describe, expect, it } from 'vitest'
import {
  BASELINE_FITNESS,
  etaMinutes,
  fitness,
  KIND_SPEED_KMH,
  rankCandidates,
  ROAD_DETOUR_FACTOR,
} from './dispatch-eta.ts'

const leak = { type: '泄漏', substance: '氯', deaths: 0, seriousInjuries: 0, missing: 0 }

describe('ETA', () => {
  it('is km × detour ÷ kind speed, in minutes', () => {
    expect(ROAD_DETOUR_FACTOR).toBe(1.3)
    expect(KIND_SPEED_KMH).toMatchObject({
      team: 40,
      equipment: 35,
      warehouse: 30,
      medical: 45,
      expert: 50,
    })
    expect(etaMinutes(40, 'team')).toBeCloseTo(78)
    expect(etaMinutes(10, 'expert')).toBeCloseTo(15.6)
    expect(etaMinutes(0, 'medical')).toBe(0)
  })

  it('refuses a negative or non-finite distance', () => {
    expect(() => etaMinutes(-1, 'team')).toThrow(RangeError)
    expect(() => etaMinutes(Number.NaN, 'team')).toThrow(RangeError)
  })
})

describe('fitness', () => {
  it('a chemical leak wants the hazmat team first', () => {
    expect(fitness(leak, { kind: 'team', category: '危化品救援队' }).fitness).toBe(1)
    expect(fitness(leak, { kind: 'team', category: '消防救援队' }).fitness).toBe(0.7)
    expect(fitness(leak, { kind: 'team', category: '矿山救护队' }).fitness).toBe(BASELINE_FITNESS)
  })

  it('an explosion counts as chemical only when a substance is named', () => {
    const blast = { ...leak, type: '爆炸' }
    expect(fitness(blast, { kind: 'team', category: '危化品救援队' }).fitness).toBe(1)
    const dust = { ...blast, substance: null }
    expect(fitness(dust, { kind: 'team', category: '消防救援队' }).fitness).toBe(1)
  })

  it('mine types want the mine rescue team; fire wants firefighters', () => {
    for (const type of ['透水', '冒顶片帮', '瓦斯']) {
      const f = fitness(
        { ...leak, type, substance: null },
        { kind: 'team', category: '矿山救护队' },
      )
      expect(f.fitness).toBe(1)
    }
    const fire = { ...leak, type: '火灾', substance: null }
    expect(fitness(fire, { kind: 'team', category: '消防救援队' }).fitness).toBe(1)
  })

  it('casualties raise medical resources; type-specific care beats general', () => {
    const hospital = { kind: 'medical', category: '综合医院' }
    expect(fitness(leak, hospital).fitness).toBe(BASELINE_FITNESS)
    const hurt = { ...leak, seriousInjuries: 4 }
    expect(fitness(hurt, hospital)).toMatchObject({ fitness: 0.7 })
    expect(fitness(hurt, hospital).reason).toContain('4人')
    const burns = { ...hurt, type: '火灾' }
    expect(fitness(burns, { kind: 'medical', category: '烧伤专科医院' }).fitness).toBe(0.8)
  })
})

describe('ranking', () => {
  const at = [108.948, 34.213] as const
  const near = (id: string, dLat: number, category: string, kind = 'team') => ({
    id,
    kind,
    category,
    location: [at[0], at[1] + dLat] as [number, number],
  })

  it('fitness beats a little distance; equal fitness is by distance', () => {
    const ranked = rankCandidates({ ...leak, location: [...at] }, [
      near('fire-1km', 0.009, '消防救援队'),
      near('hazmat-10km', 0.09, '危化品救援队'),
      near('hazmat-5km', 0.045, '危化品救援队'),
      near('mine-0km', 0.001, '矿山救护队'),
    ])
    expect(ranked.map((r) => r.resource.id)).toEqual([
      'hazmat-5km',
      'hazmat-10km',
      'fire-1km',
      'mine-0km',
    ])
    expect(ranked[0]!.distanceKm).toBeCloseTo(5, 0)
    expect(ranked[0]!.etaMinutes).toBeCloseTo(etaMinutes(ranked[0]!.distanceKm, 'team'))
  })

  it('a perfectly fitting resource far away loses to a usable one next door', () => {
    const ranked = rankCandidates({ ...leak, location: [...at] }, [
      near('hazmat-150km', 1.35, '危化品救援队'),
      near('fire-2km', 0.018, '消防救援队'),
    ])
    expect(ranked[0]!.resource.id).toBe('fire-2km')
  })
})
