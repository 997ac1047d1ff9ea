import { describe, expect, it } from 'vitest'
import { formatDistance, metresBetween } from './distance.ts'

describe('distance moved', () => {
  it('measures a metre-scale move along a meridian (1e-3° of latitude ≈ 111 m)', () => {
    const m = metresBetween([108.95, 34.22], [108.95, 34.221])
    expect(m).toBeGreaterThan(110)
    expect(m).toBeLessThan(112)
  })

  it('writes metres below a kilometre and kilometres above', () => {
    expect(formatDistance(35.4, 'zh-CN')).toBe('35 m')
    expect(formatDistance(999.4, 'en')).toBe('999 m')
    expect(formatDistance(1236, 'en')).toBe('1.24 km')
    expect(formatDistance(12_500, 'zh-CN')).toBe('12.5 km')
  })
})
