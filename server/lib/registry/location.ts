import { z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { CHINA_EXTENT, isInChinaExtent } from '../../domain/geo/geo.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../auth/actor.ts'
import { HttpProblem } from '../problem.ts'

/** A point as GeoJSON orders it: [longitude, latitude], WGS84 degrees, inside China's extent. */
export const lngLatSchema = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([lng, lat]) => isInChinaExtent(lng, lat), {
    message: `location must be [lng, lat] inside China's extent (${CHINA_EXTENT.west}–${CHINA_EXTENT.east} E, ${CHINA_EXTENT.south}–${CHINA_EXTENT.north} N); are lng and lat swapped?`,
  })
  .openapi({ example: [108.9402, 34.2612], description: '[lng, lat] WGS84' })

export type LngLat = z.infer<typeof lngLatSchema>

export const pointSql = ([lng, lat]: LngLat) => sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`

export interface Located {
  regionCode: string
  regionName: string
}

/** The most specific region whose polygon contains the point (county, else city, else province). */
export async function locate(db: Queryable, point: LngLat): Promise<Located | null> {
  const result = await db.execute(sql`
    select code as "regionCode", name as "regionName" from regions
    where level <> 'national' and ST_Intersects(boundary, ${pointSql(point)})
    order by case level when 'county' then 0 when 'city' then 1 else 2 end, code
    limit 1`)
  return (result.rows[0] as Located | undefined) ?? null
}

/**
 * Where a record may be written: the server derives its region from the geometry (never
 * from the client) and refuses points outside China's regions or the actor's jurisdiction.
 */
export async function writableLocation(
  db: Queryable,
  actor: Actor,
  point: LngLat,
  field = 'location',
): Promise<Located> {
  const located = await locate(db, point)
  if (!located) {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      'The location is not inside any administrative region.',
      {
        errors: [
          {
            field,
            code: 'outside_regions',
            message: 'not inside any administrative region of China',
          },
        ],
      },
    )
  }
  if (!isWithinJurisdiction(actor.scopePrefix, located.regionCode)) {
    throw new HttpProblem(
      403,
      'Forbidden',
      `The location lies in ${located.regionName} (${located.regionCode}), outside your jurisdiction ${actor.regionName}.`,
      {
        errors: [
          {
            field,
            code: 'not_in_jurisdiction',
            message: `outside your jurisdiction (${actor.regionName})`,
            params: { region: actor.regionName },
          },
        ],
      },
    )
  }
  return located
}
