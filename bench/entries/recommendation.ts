import { sql } from 'drizzle-orm'
import { apiAs } from '../lib/session.ts'
import { summarise, timeRuns } from '../lib/stats.ts'
import type { BenchEntry } from '../lib/types.ts'

/** 西安 city centre: dense with resources of every kind. */
const AT = [108.94, 34.26] as const

/**
 * Dispatch recommendation through the API (auth, scope, incident lookup, KNN over the GiST
 * index for the 200 nearest available resources, fitness + ETA scoring in Node) against the
 * bare KNN SQL on the same connection: the ratio is what ranking costs on top of the index walk.
 */
export const recommendation: BenchEntry = {
  name: 'nearest-resource recommendation',
  async run(ctx) {
    const api = await apiAs(ctx.database, 'shaanxi')
    const runs = ctx.quick ? 20 : 100
    const created = JSON.parse(
      await api.request('/api/incidents', {
        method: 'POST',
        body: JSON.stringify({
          type: '泄漏',
          occurredAt: new Date(Date.now() - 600_000).toISOString(),
          location: AT,
          deaths: 0,
          seriousInjuries: 2,
          substance: '氯',
          description: 'bench: recommendation timing',
          reporterName: 'bench',
        }),
      }),
    ) as { id: string }
    const path = `/api/incidents/${created.id}/recommendations?limit=10`
    const measured = summarise(await timeRuns(runs, () => api.request(path)))
    const bare = sql`select id from resources where status = 'available' and retired_at is null
      order by location <-> ST_SetSRID(ST_MakePoint(${AT[0]}, ${AT[1]}), 4326) limit 200`
    const reference = summarise(await timeRuns(runs, () => ctx.database.db.execute(bare)))
    return [
      {
        entry: `${this.name} (top 10 of 200 nearest, ${ctx.dataset.resources ?? 0} resources)`,
        engine: ctx.database.engine,
        metric: 'latency',
        measured,
        reference: { label: 'bare KNN SQL, 200 ids', value: reference },
        ratio: measured.p50 / reference.p50,
        unit: 'ms',
      },
    ]
  },
}
