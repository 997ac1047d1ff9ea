import type { DrillReplay } from './drills-api.ts'

export interface ReplayFrame {
  at: number
  /** Before the start the incident is not on the map yet. */
  started: boolean
  status: string
  grade: string | null
  deaths: number
  /** Timeline entries up to the moment, newest first. */
  entries: DrillReplay['timeline']
  dispatches: (DrillReplay['dispatches'][number] & { state: string })[]
  steps: (DrillReplay['steps'][number] & { state: 'done' | 'late' | 'pending' })[]
}

const num = (v: unknown) => (typeof v === 'number' ? v : null)
const str = (v: unknown) => (typeof v === 'string' ? v : null)
const upTo = (iso: string | null, at: number) => iso !== null && Date.parse(iso) <= at

/** The drill as it was at `at`: incident state, dispatch lines, steps done or late. */
export function replayFrame(replay: DrillReplay, at: number): ReplayFrame {
  let status = 'reported'
  let grade: string | null = null
  let deaths = 0
  const entries = replay.timeline.filter((e) => Date.parse(e.at) <= at)
  for (const e of entries) {
    if (e.kind === 'report') {
      grade = str(e.data.grade) ?? grade
      deaths = num(e.data.deaths) ?? deaths
    } else if (e.kind === 'status') {
      status = str(e.data.to) ?? status
    } else if (e.kind === 'grade_change') {
      grade = str(e.data.to) ?? grade
    } else if (e.kind === 'update') {
      const changes = e.data.changes as Record<string, { to?: unknown }> | undefined
      deaths = num(changes?.deaths?.to) ?? deaths
    }
  }
  const dispatches = replay.dispatches
    .filter((d) => upTo(d.dispatchedAt, at) && !upTo(d.withdrawnAt, at))
    .map((d) => ({
      ...d,
      state: upTo(d.onSceneAt, at) ? 'on_scene' : upTo(d.enRouteAt, at) ? 'en_route' : 'dispatched',
    }))
  const steps = replay.steps.map((s) => ({
    ...s,
    state: upTo(s.doneAt, at)
      ? ('done' as const)
      : Date.parse(s.dueAt) < at
        ? ('late' as const)
        : ('pending' as const),
  }))
  return {
    at,
    started: at >= Date.parse(replay.start),
    status,
    grade,
    deaths,
    entries: [...entries].reverse(),
    dispatches,
    steps,
  }
}

/**
 * The slider's range: from the start to the end, stretched to cover every step's moment
 * (a tabletop drill finished in an hour may record a step at minute 90).
 */
export function replaySpan(replay: DrillReplay): { from: number; to: number } {
  const from = Date.parse(replay.start)
  const moments = [
    Date.parse(replay.end),
    ...replay.timeline.map((e) => Date.parse(e.at)),
    ...replay.steps.flatMap((s) => (s.doneAt ? [Date.parse(s.doneAt)] : [])),
  ]
  return { from, to: Math.max(from + 60_000, ...moments) }
}
