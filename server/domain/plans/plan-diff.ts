import { diffLines } from 'diff'
import type { PlanStep } from './plan-shape.ts'

/** One row of a side-by-side view: the left (older) line, the right (newer) line. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'added' | 'removed'
  left: string | null
  right: string | null
}

const linesOf = (value: string) => {
  const lines = value.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * Side-by-side rows of two texts, line by line (jsdiff's line diff). A run of removed lines
 * followed by added ones pairs up as changed rows; the rest stay removed (right empty) or
 * added (left empty).
 */
export function sideBySide(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = []
  const parts = diffLines(before, after)
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const lines = linesOf(part.value)
    if (part.removed) {
      const next = parts[i + 1]
      const added = next?.added ? linesOf(next.value) : []
      if (next?.added) i++
      const n = Math.max(lines.length, added.length)
      for (let k = 0; k < n; k++) {
        const left = lines[k] ?? null
        const right = added[k] ?? null
        rows.push({
          kind: left === null ? 'added' : right === null ? 'removed' : 'changed',
          left,
          right,
        })
      }
    } else if (part.added) {
      for (const line of lines) rows.push({ kind: 'added', left: null, right: line })
    } else {
      for (const line of lines) rows.push({ kind: 'same', left: line, right: line })
    }
  }
  return rows
}

/** A step as one line, for diffing: key, title, role, time target and resources. */
export function stepLine(s: PlanStep): string {
  const res = s.resources.map((r) => `${r.kind}×${r.quantity}`).join('、')
  return `${s.key}. ${s.title} — ${s.role} — ${s.targetMinutes} 分钟${res ? ` — ${res}` : ''}`
}

export function stepsSideBySide(before: readonly PlanStep[], after: readonly PlanStep[]) {
  const text = (steps: readonly PlanStep[]) => steps.map((s) => stepLine(s) + '\n').join('')
  return sideBySide(text(before), text(after))
}
