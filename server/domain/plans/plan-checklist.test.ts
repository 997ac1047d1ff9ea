import { describe, expect, it } from 'vitest'
import { checklist, checklistItem, requiredResources, shortfall } from './plan-checklist.ts'
import type { PlanStep } from './plan-shape.ts'

const step = (key: string, targetMinutes: number, resources: PlanStep['resources'] = []) => ({
  key,
  title: key,
  role: '现场指挥部',
  targetMinutes,
  resources,
})
const start = new Date('2026-12-07T08:00:00Z')
const at = (minutes: number, ms = 0) => new Date(start.getTime() + minutes * 60_000 + ms)

describe('step lateness', () => {
  it('is on time up to the target and late one instant after', () => {
    expect(checklistItem(step('a', 30), start, undefined, at(30)).late).toBe(false)
    expect(checklistItem(step('a', 30), start, undefined, at(30, 1)).late).toBe(true)
    expect(checklistItem(step('a', 30), start, undefined, at(30)).dueAt).toBe(
      '2026-12-07T08:30:00.000Z',
    )
  })
  it('a ticked step is never late; done late when ticked after its target', () => {
    const tick = (m: number) => ({
      stepKey: 'a',
      doneBy: 'xian',
      doneAt: at(m).toISOString(),
      note: '',
    })
    const onTime = checklistItem(step('a', 30), start, tick(30), at(90))
    expect(onTime).toMatchObject({ done: true, late: false, doneLate: false, doneBy: 'xian' })
    const lateDone = checklistItem(step('a', 30), start, tick(31), at(90))
    expect(lateDone).toMatchObject({ done: true, late: false, doneLate: true })
  })
  it('keeps the plan order and joins ticks by step key', () => {
    const list = checklist(
      [step('a', 10), step('b', 20)],
      start,
      [{ stepKey: 'b', doneBy: 'x', doneAt: at(5).toISOString(), note: 'ok' }],
      at(15),
    )
    expect(list.map((i) => [i.step.key, i.done, i.late, i.note])).toEqual([
      ['a', false, true, ''],
      ['b', true, false, 'ok'],
    ])
  })
})

describe('resource shortfall', () => {
  const steps = [
    step('a', 10, [{ kind: '危化品救援队', quantity: 1 }]),
    step('b', 30, [
      { kind: '危化品救援队', quantity: 1 },
      { kind: 'medical', quantity: 2 },
    ]),
    step('c', 60, [{ kind: 'warehouse', quantity: 1 }]),
  ]
  it('sums what the steps need by kind', () => {
    expect([...requiredResources(steps)]).toEqual([
      ['危化品救援队', 2],
      ['medical', 2],
      ['warehouse', 1],
    ])
  })
  it('subtracts live dispatches by category or kind, never below zero', () => {
    expect(
      shortfall(steps, [
        { kind: 'team', category: '危化品救援队' },
        { kind: 'medical', category: '急救站' },
        { kind: 'medical', category: '医院' },
        { kind: 'medical', category: '医院' },
        { kind: 'expert', category: '化工' },
      ]),
    ).toEqual([
      { kind: '危化品救援队', required: 2, dispatched: 1, missing: 1 },
      { kind: 'medical', required: 2, dispatched: 3, missing: 0 },
      { kind: 'warehouse', required: 1, dispatched: 0, missing: 1 },
    ])
  })
  it('is empty for a plan that names no resources', () => {
    expect(shortfall([step('a', 5)], [{ kind: 'team', category: 'x' }])).toEqual([])
  })
})
