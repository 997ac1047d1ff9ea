import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { inScope } from '../../lib/registry/scope.ts'
import type { NearbyItem, NearbyQuery, NearbyResult } from './nearby.schemas.ts'

interface Row extends Omit<NearbyItem, 'location' | 'distanceM'> {
  lng: number
  lat: number
  distance_m: number | string
}

/** Metres per degree of latitude, rounded down so the box below errs on the large side. */
const METRES_PER_DEGREE = 110_500

/**
 * A lng/lat box that surely holds the circle: it lets the geometry GiST index pick the
 * candidates (the geography cast in ST_DWithin cannot use it); ST_DWithin then decides.
 */
export function boxAround(lng: number, lat: number, metres: number) {
  const dLat = metres / METRES_PER_DEGREE + 0.001
  const cos = Math.max(0.01, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180))
  const dLng = Math.min(180, dLat / cos)
  return {
    west: Math.max(-180, lng - dLng),
    south: Math.max(-90, lat - dLat),
    east: Math.min(180, lng + dLng),
    north: Math.min(90, lat + dLat),
  }
}

/**
 * One pass over hazard sources and resources. The box narrows the candidates by index;
 * ST_DWithin on geography then measures on the spheroid, so the circle is true metres at any
 * latitude, and the distance shown is the same ST_Distance the filter used.
 */
export async function nearby(db: Queryable, actor: Actor, q: NearbyQuery): Promise<NearbyResult> {
  const center = sql`ST_SetSRID(ST_MakePoint(${q.lng}, ${q.lat}), 4326)::geography`
  const metres = q.radiusKm * 1000
  const b = boxAround(q.lng, q.lat, metres)
  const box = sql`ST_MakeEnvelope(${b.west}, ${b.south}, ${b.east}, ${b.north}, 4326)`
  const result = await db.execute(sql`
    select * from (
      select 'hazard_source' as kind, h.id::text as id, h.name, h.grade,
        null::text as "resourceKind", null::text as status, h.region_code as "regionCode",
        ST_X(h.location) as lng, ST_Y(h.location) as lat,
        ST_Distance(h.location::geography, ${center}) as distance_m
      from hazard_sources h
      where h.retired_at is null and ${inScope(actor, sql`h.region_code`)}
        and h.location && ${box} and ST_DWithin(h.location::geography, ${center}, ${metres})
      union all
      select 'resource', s.id::text, s.name, null, s.kind, s.status, s.region_code,
        ST_X(s.location), ST_Y(s.location), ST_Distance(s.location::geography, ${center})
      from resources s
      where s.retired_at is null and ${inScope(actor, sql`s.region_code`)}
        and s.location && ${box} and ST_DWithin(s.location::geography, ${center}, ${metres})
    ) n
    order by n.distance_m, n.id
    limit ${q.limit + 1}`)
  const rows = result.rows as unknown as Row[]
  return {
    center: [q.lng, q.lat],
    radiusKm: q.radiusKm,
    truncated: rows.length > q.limit,
    items: rows.slice(0, q.limit).map((r) => ({
      kind: r.kind,
      id: r.id,
      name: r.name,
      grade: r.grade ?? null,
      resourceKind: r.resourceKind ?? null,
      status: r.status ?? null,
      regionCode: r.regionCode,
      location: [Number(r.lng), Number(r.lat)],
      distanceM: Number(r.distance_m),
    })),
  }
}
