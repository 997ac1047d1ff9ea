import { sql } from 'drizzle-orm'
import { apiAs } from '../lib/session.ts'
import { summarise } from '../lib/stats.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

/** A city view around 西安 and a province-wide view of 陕西. */
const views = {
  city: [108.6, 34.0, 109.3, 34.5],
  province: [105.4, 31.6, 111.3, 39.6],
} as const

/** #19: a list costs at most this many times the bare SQL that returns the same properties. */
const MAX_RATIO = 1.3

/**
 * Spatial list by bbox through the API (auth, validation, scope filter, GeoJSON assembled in
 * PostgreSQL, timed until the body's bytes are read) against the bare SQL that builds the same FeatureCollection on the same
 * connection: the same ten properties (so the same join for the enterprise's name), the same
 * filter and order, with none of the API's machinery (session, scope, the truncation flag).
 * The ratio is the API's own overhead.
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
      const [a, b, c, d] = bbox
      const bare = sql`select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
          json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.location, 6)::json,
            'properties', json_build_object('name', t.name, 'enterpriseId', t.enterprise_id,
              'enterpriseName', e.name, 'unitKind', t.unit_kind, 'grade', t.grade,
              'isMajor', t.is_major, 's', t.s, 'r', t.r, 'regionCode', t.region_code,
              'retired', t.retired_at is not null))
          order by t.r desc, t.name, t.id), '[]'::json))::text
        from hazard_sources t join enterprises e on e.id = t.enterprise_id
        where t.location && ST_MakeEnvelope(${a}, ${b}, ${c}, ${d}, 4326) and t.retired_at is null`
      // Interleaved, so drift on a shared machine falls on both alike.
      const apiSamples: number[] = []
      const bareSamples: number[] = []
      for (let i = -2; i < runs; i++) {
        const t0 = performance.now()
        await api.requestBytes(path)
        const t1 = performance.now()
        await ctx.database.db.execute(bare)
        const t2 = performance.now()
        if (i < 0) continue
        apiSamples.push(t1 - t0)
        bareSamples.push(t2 - t1)
      }
      const measured = summarise(apiSamples)
      const reference = summarise(bareSamples)
      const ratio = measured.p50 / reference.p50
      results.push({
        entry: `${this.name} (${view}, ${features} features)`,
        engine: ctx.database.engine,
        metric: 'latency',
        measured,
        reference: {
          label: 'bare bbox SQL: same 10 properties, same join and order',
          value: reference,
        },
        ratio,
        unit: 'ms',
        target: { text: `≤ ${MAX_RATIO}× (p50)`, pass: ratio <= MAX_RATIO },
      })
    }
    return results
  },
}
