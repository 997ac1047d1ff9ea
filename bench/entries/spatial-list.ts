import { sql } from 'drizzle-orm'
import { apiAs } from '../lib/session.ts'
import { summarise, timeRuns } from '../lib/stats.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

/** A city view around 西安 and a province-wide view of 陕西. */
const views = {
  city: [108.6, 34.0, 109.3, 34.5],
  province: [105.4, 31.6, 111.3, 39.6],
} as const

/**
 * Spatial list by bbox through the API (auth, validation, scope filter, GeoJSON assembled in
 * PostgreSQL) against the bare SQL that builds the same FeatureCollection on the same
 * connection: the ratio is the API's own overhead.
 */
export const spatialList: BenchEntry = {
  name: 'spatial list by bbox',
  async run(ctx) {
    const api = await apiAs(ctx.database, 'shaanxi')
    const runs = ctx.quick ? 20 : 60
    const results: BenchResult[] = []
    for (const [view, bbox] of Object.entries(views)) {
      const path = `/api/hazard-sources?bbox=${bbox.join(',')}&limit=100000`
      const features = (JSON.parse(await api.request(path)) as { features: unknown[] }).features
        .length
      const measured = summarise(await timeRuns(runs, () => api.request(path)))
      const [a, b, c, d] = bbox
      const bare = sql`select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
          json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.location, 6)::json,
            'properties', json_build_object('name', t.name, 'grade', t.grade, 'r', t.r))), '[]'::json))::text
        from hazard_sources t
        where t.location && ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326) and t.retired_at is null`
      const reference = summarise(await timeRuns(runs, () => ctx.database.db.execute(bare)))
      results.push({
        entry: `${this.name} (${view}, ${features} features)`,
        engine: ctx.database.engine,
        metric: 'latency',
        measured,
        reference: { label: 'bare bbox SQL, 3 properties, no join', value: reference },
        ratio: measured.p50 / reference.p50,
        unit: 'ms',
      })
    }
    return results
  },
}
