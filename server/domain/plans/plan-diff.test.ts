import { describe, expect, it } from 'vitest'
import { sideBySide, stepLine, stepsSideBySide } from './plan-diff.ts'

describe('side-by-side diff', () => {
  it('keeps equal lines on both sides', () => {
    expect(sideBySide('a\nb\n', 'a\nb\n')).toEqual([
      { kind: 'same', left: 'a', right: 'a' },
      { kind: 'same', left: 'b', right: 'b' },
    ])
  })
  it('pairs a replaced line, and shows what was only added or removed', () => {
    expect(sideBySide('# 总则\n旧\n末\n', '# 总则\n新\n加\n末\n')).toEqual([
      { kind: 'same', left: '# 总则', right: '# 总则' },
      { kind: 'changed', left: '旧', right: '新' },
      { kind: 'added', left: null, right: '加' },
      { kind: 'same', left: '末', right: '末' },
    ])
    expect(sideBySide('a\nb\n', 'a\n')).toEqual([
      { kind: 'same', left: 'a', right: 'a' },
      { kind: 'removed', left: 'b', right: null },
    ])
  })
  it('handles empty texts', () => {
    expect(sideBySide('', '')).toEqual([])
    expect(sideBySide('', 'x')).toEqual([{ kind: 'added', left: null, right: 'x' }])
  })
  it('diffs steps as one line each', () => {
    const s = { key: '1', title: '接警', role: '值班室', targetMinutes: 5, resources: [] }
    expect(stepLine({ ...s, resources: [{ kind: 'team', quantity: 2 }] })).toBe(
      '1. 接警 — 值班室 — 5 分钟 — team×2',
    )
    const rows = stepsSideBySide([s], [{ ...s, targetMinutes: 10 }])
    expect(rows).toEqual([
      { kind: 'changed', left: '1. 接警 — 值班室 — 5 分钟', right: '1. 接警 — 值班室 — 10 分钟' },
    ])
  })
})
