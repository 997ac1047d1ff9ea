import { describe, expect, it } from 'vitest'
import { roundBbox } from './registry-list.ts'

describe('roundBbox', () => {
  it('snaps outward, so the rounded box still covers the viewport', () => {
    const view = [108.93, 34.21, 109.41, 34.52] as const
    const [w, s, e, n] = roundBbox(view, 10.4)
    expect(w).toBeLessThanOrEqual(view[0])
    expect(s).toBeLessThanOrEqual(view[1])
    expect(e).toBeGreaterThanOrEqual(view[2])
    expect(n).toBeGreaterThanOrEqual(view[3])
  })

  it('gives small pans the same key', () => {
    const a = roundBbox([108.93, 34.21, 109.41, 34.52], 10.2)
    const b = roundBbox([108.935, 34.212, 109.415, 34.523], 10.7)
    expect(b).toEqual(a)
  })

  it('stays inside the world', () => {
    expect(roundBbox([-200, -89, 200, 89], 1)).toEqual([-180, -85, 180, 85])
  })
})
