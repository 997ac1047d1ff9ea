import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { actorForUser } from '../../lib/auth/sessions.ts'
import { applyInjection, type DueInjection } from './drills.run.ts'

/** How often the scheduler looks for injected updates that have come due. */
export const DRILL_TICK_MS = 5_000

/**
 * Applies every injected update of a running drill whose minute has come, oldest first, each
 * in its own transaction (its own events, in order). `for update skip locked` lets several
 * API processes run the scheduler at once: each update is applied by exactly one of them.
 * Returns how many were applied.
 */
export async function applyDueInjections(database: Database, now = new Date()): Promise<number> {
  let applied = 0
  for (;;) {
    const done = await database.db.transaction(async (tx) => {
      const r = await tx.execute(sql`select i.id, i.drill_id as "drillId", i.seq, i.minute,
          i.text, i.changes, d.incident_id as "incidentId", d.run_by as "runBy",
          d.region_code as "regionCode"
        from drill_injections i join drills d on d.id = i.drill_id
        where i.applied_at is null and i.due_at <= ${now.toISOString()}
          and d.status = 'running' and d.incident_id is not null
        order by i.due_at, i.drill_id, i.seq
        limit 1 for update of i skip locked`)
      const raw = r.rows[0] as (DueInjection & { changes: unknown }) | undefined
      if (!raw) return false
      const x: DueInjection = {
        ...raw,
        id: Number(raw.id),
        seq: Number(raw.seq),
        minute: Number(raw.minute),
        changes: (typeof raw.changes === 'string'
          ? JSON.parse(raw.changes)
          : raw.changes) as DueInjection['changes'],
      }
      const actor = x.runBy ? await actorForUser(tx, x.runBy) : null
      if (!actor) {
        // Whoever ran the drill is gone: the update is dropped, not retried for ever.
        await tx.execute(sql`update drill_injections set applied_at = now() where id = ${x.id}`)
        return true
      }
      await applyInjection(tx, actor, x)
      return true
    })
    if (!done) return applied
    applied += 1
  }
}

export interface DrillScheduler {
  stop(): Promise<void>
}

/**
 * On start, applies what fell due while the server was down; then every `tickMs`. A failed
 * tick is logged and retried on the next one.
 */
export function startDrillScheduler(
  database: Database,
  { tickMs = DRILL_TICK_MS, log = (line: string) => console.error(line) } = {},
): DrillScheduler {
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  let busy = false
  const tick = () => {
    if (busy) return // the previous tick is still applying
    busy = true
    running = applyDueInjections(database)
      .catch((error: unknown) => log(`[jinan] drill injections: ${String(error)}`))
      .finally(() => {
        busy = false
      })
  }
  tick()
  const timer = setInterval(() => {
    if (!stopped) tick()
  }, tickMs)
  timer.unref?.()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
