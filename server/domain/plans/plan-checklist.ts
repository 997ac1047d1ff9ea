import type { PlanStep } from './plan-shape.ts'

export interface StepTick {
  stepKey: string
  doneBy: string
  doneAt: string
  note: string
}

export interface ChecklistItem {
  step: PlanStep
  /** When the step should be done: activation + targetMinutes. */
  dueAt: string
  done: boolean
  doneBy: string | null
  doneAt: string | null
  note: string
  /** Not done and the time target has passed. */
  late: boolean
  /** Done, but after its time target. */
  doneLate: boolean
}

const MINUTE = 60_000

/**
 * One step's state at `now`. Exactly at the target the step is still on time; one
 * millisecond after it, an unticked step is late.
 */
export function checklistItem(
  step: PlanStep,
  startedAt: Date,
  tick: StepTick | undefined,
  now: Date,
): ChecklistItem {
  const due = startedAt.getTime() + step.targetMinutes * MINUTE
  return {
    step,
    dueAt: new Date(due).toISOString(),
    done: tick !== undefined,
    doneBy: tick?.doneBy ?? null,
    doneAt: tick?.doneAt ?? null,
    note: tick?.note ?? '',
    late: tick === undefined && now.getTime() > due,
    doneLate: tick !== undefined && Date.parse(tick.doneAt) > due,
  }
}

/** The plan's steps, in order, as a checklist of an activation started at `startedAt`. */
export function checklist(
  steps: readonly PlanStep[],
  startedAt: Date,
  ticks: readonly StepTick[],
  now: Date,
): ChecklistItem[] {
  const byKey = new Map(ticks.map((t) => [t.stepKey, t]))
  return steps.map((s) => checklistItem(s, startedAt, byKey.get(s.key), now))
}

/** Resources a plan needs, by kind: the sum of every step's resources. */
export function requiredResources(steps: readonly PlanStep[]): Map<string, number> {
  const need = new Map<string, number>()
  for (const step of steps) {
    for (const r of step.resources) need.set(r.kind, (need.get(r.kind) ?? 0) + r.quantity)
  }
  return need
}

/** A live dispatch to the incident, by its resource's kind and category. */
export interface DispatchedResource {
  kind: string
  category: string
}

export interface ShortfallLine {
  /** A resource kind (team, warehouse …) or category (危化品救援队 …), as the plan names it. */
  kind: string
  required: number
  dispatched: number
  missing: number
}

/**
 * Required minus dispatched, per kind the plan names. A dispatch counts toward a requirement
 * when its resource's kind or category is that name; each dispatch counts once, toward the
 * most specific requirement (a category before a bare kind).
 */
export function shortfall(
  steps: readonly PlanStep[],
  dispatched: readonly DispatchedResource[],
): ShortfallLine[] {
  const need = requiredResources(steps)
  const have = new Map<string, number>([...need.keys()].map((k) => [k, 0]))
  for (const d of dispatched) {
    const byCategory = need.has(d.category) && have.get(d.category)! < need.get(d.category)!
    const key = byCategory
      ? d.category
      : need.has(d.kind)
        ? d.kind
        : need.has(d.category)
          ? d.category
          : null
    if (key !== null) have.set(key, have.get(key)! + 1)
  }
  return [...need.entries()].map(([kind, required]) => {
    const got = have.get(kind) ?? 0
    return { kind, required, dispatched: got, missing: Math.max(0, required - got) }
  })
}
