import { describe, expect, it } from 'vitest'
import { splitAtAntimeridian } from './geo'
import { mesh } from './mesh'

describe('mesh', () => {
  it('emits a shared border once, with both neighbours, and outer edges with one', () => {
    // Two unit squares side by side, sharing the edge x = 1.
    const left = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ]
    const right = [
      [
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 0],
      ],
    ]
    const lines = mesh([
      { id: 1, rings: left },
      { id: 2, rings: right },
    ])
    const shared = lines.filter((l) => l.b !== undefined)
    expect(shared).toHaveLength(1)
    expect(shared[0]?.coordinates).toHaveLength(2)
    expect([shared[0]?.a, shared[0]?.b].sort()).toEqual([1, 2])
    const outerLength = lines
      .filter((l) => l.b === undefined)
      .reduce((n, l) => n + l.coordinates.length - 1, 0)
    expect(outerLength).toBe(6)
  })
})

describe('splitAtAntimeridian', () => {
  it('splits a ring crossing 180° into parts inside -180..180 and keeps holes with their outer', () => {
    const ring = [
      [170, 10],
      [-170, 10],
      [-170, 20],
      [170, 20],
      [170, 10],
    ]
    const parts = splitAtAntimeridian([ring])
    expect(parts).toHaveLength(2)
    for (const part of parts) {
      for (const [x = 0] of part.flat()) expect(Math.abs(x)).toBeLessThanOrEqual(180)
    }
    const withHole = splitAtAntimeridian([
      [
        [-175, 0],
        [-175, 10],
        [175, 10],
        [100, 10],
        [100, 0],
        [175, 0],
        [-175, 0],
      ],
      [
        [110, 2],
        [120, 2],
        [120, 8],
        [110, 8],
        [110, 2],
      ],
    ])
    const holder = withHole.find((p) => p.length === 2)
    expect(holder?.[1]?.every(([x = 0]) => x >= 110 && x <= 120)).toBe(true)
  })
})
