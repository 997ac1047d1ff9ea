import { describe, expect, it } from 'vitest'
import type { DrillReplay } from './drills-api.ts'
import { replayFrame, replaySpan } from './replay-frame.ts'

const t0 = Date.parse('2026-06-01T02:00:00.000Z')
const at = (min: number) => new Date(t0 + min * 60_000).toISOString()
const replay: DrillReplay = {
  drillId: 'd',
  incidentId: 'i',
  start: at(0),
  end: at(60),
  location: [108.9, 34.2],
  timeline: [
    { at: at(0), kind: 'report', username: 'yanta', data: { grade: '一般', deaths: 0 } },
    {
      at: at(5),
      kind: 'update',
      username: 'yanta',
      data: { changes: { deaths: { from: 0, to: 3 } } },
    },
    { at: at(5), kind: 'grade_change', username: 'yanta', data: { from: '一般', to: '较大' } },
    { at: at(6), kind: 'status', username: 'yanta', data: { from: 'reported', to: 'responding' } },
  ],
  dispatches: [
    {
      id: 'x',
      resourceName: '危化救援队',
      location: [108.8, 34.1],
      dispatchedAt: at(10),
      enRouteAt: at(12),
      onSceneAt: at(30),
      withdrawnAt: at(50),
    },
  ],
  steps: [
    { key: 'a', title: '接报', role: '值班室', targetMinutes: 0, dueAt: at(0), doneAt: at(1) },
    { key: 'b', title: '到场', role: '指挥部', targetMinutes: 30, dueAt: at(30), doneAt: null },
  ],
}

describe('replay frame', () => {
  it('before the start nothing has happened', () => {
    const f = replayFrame(replay, t0 - 1)
    expect(f.started).toBe(false)
    expect(f.entries).toEqual([])
  })
  it('states, dispatch lines and steps as they were at each moment', () => {
    expect(replayFrame(replay, t0 + 4 * 60_000)).toMatchObject({ grade: '一般', deaths: 0 })
    expect(replayFrame(replay, t0 + 6 * 60_000)).toMatchObject({
      grade: '较大',
      deaths: 3,
      status: 'responding',
    })
    expect(replayFrame(replay, t0 + 9 * 60_000).dispatches).toEqual([])
    expect(replayFrame(replay, t0 + 12 * 60_000).dispatches[0]!.state).toBe('en_route')
    expect(replayFrame(replay, t0 + 30 * 60_000).dispatches[0]!.state).toBe('on_scene')
    expect(replayFrame(replay, t0 + 50 * 60_000).dispatches).toEqual([])
    const steps = (min: number) => replayFrame(replay, t0 + min * 60_000).steps.map((s) => s.state)
    expect(steps(0)).toEqual(['pending', 'pending'])
    expect(steps(1)).toEqual(['done', 'pending'])
    expect(steps(31)).toEqual(['done', 'late'])
  })
  it('the span covers the start to the last moment', () => {
    expect(replaySpan(replay)).toEqual({ from: t0, to: t0 + 60 * 60_000 })
  })
})
