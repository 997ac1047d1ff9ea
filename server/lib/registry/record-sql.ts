import { sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../auth/actor.ts'
import { canEdit } from './scope.ts'

/** ISO 8601 UTC text of a timestamptz, the same on both engines and both drivers. */
export const isoSql = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The record metadata columns of alias `t`, named as the API returns them. */
export const recordMetaSql = sql`
  t.region_code as "regionCode",
  coalesce((select name from regions where code = t.region_code), t.region_code) as "regionName",
  t.version,
  ${isoSql(sql`t.created_at`)} as "createdAt",
  ${isoSql(sql`t.updated_at`)} as "updatedAt",
  ${isoSql(sql`t.retired_at`)} as "retiredAt",
  t.retired_reason as "retiredReason",
  ST_X(t.location) as lng, ST_Y(t.location) as lat`

export interface RecordMetaRow {
  regionCode: string
  regionName: string
  version: number
  createdAt: string
  updatedAt: string
  retiredAt: string | null
  retiredReason: string | null
  lng: number
  lat: number
}

/** Turns the raw row's lng/lat into `location` and adds what this actor may do. */
export function withRecordMeta<R extends RecordMetaRow>(actor: Actor, row: R) {
  const { lng, lat, ...rest } = row
  return {
    ...rest,
    version: Number(row.version),
    location: [Number(lng), Number(lat)] as [number, number],
    canEdit: canEdit(actor, row.regionCode, row.retiredAt !== null),
  }
}
