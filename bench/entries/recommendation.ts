import { Hono } from 'hono'
import type { Actor } from '../../server/lib/auth/actor.ts'
import { candidatesSql } from '../../server/routes/dispatches/dispatches.queries.ts'
import { apiAs } from '../lib/session.ts'
import { summarise } from '../lib/stats.ts'
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
    // #19's reference: a bare Hono handler that runs the same KNN SQL (the 200 candidates
    // with the same columns and scope) and answers them as JSON: no session, no incident
    // lookup, no ranking.
    const actor = { scopePrefix: '61' } as Actor
    const bareApp = new Hono().get('/knn', async (c) => {
      const result = await ctx.database.db.execute(candidatesSql(actor, [AT[0], AT[1]]))
      return c.json(result.rows)
    })
    const bare = async () => (await bareApp.request('/knn')).arrayBuffer()
    const apiSamples: number[] = []
    const bareSamples: number[] = []
    // Interleaved, so drift on a shared machine falls on both alike.
    for (let i = -3; i < runs; i++) {
      const t0 = performance.now()
      await api.request(path)
      const t1 = performance.now()
      await bare()
      const t2 = performance.now()
      if (i < 0) continue
      apiSamples.push(t1 - t0)
      bareSamples.push(t2 - t1)
    }
    const measured = summarise(apiSamples)
    const reference = summarise(bareSamples)
    const ratio = measured.p50 / reference.p50
    return [
      {
        entry: `${this.name} (top 10 of 200 nearest, ${ctx.dataset.resources ?? 0} resources)`,
        engine: ctx.database.engine,
        metric: 'latency',
        measured,
        reference: { label: 'bare Hono handler running the same KNN SQL', value: reference },
        ratio,
        unit: 'ms',
        target: { text: '≤ 1.5× (p50)', pass: ratio <= 1.5 },
      },
    ]
  },
}
