import { sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../auth/actor.ts'
import { canWriteRegistry, isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import { HttpProblem } from '../problem.ts'

/** SQL filter keeping rows inside the actor's jurisdiction (a prefix match on GB/T 2260 codes). */
export const inScope = (actor: Actor, column: SQL = sql.raw('region_code')): SQL =>
  actor.scopePrefix === '' ? sql`true` : sql`${column} like ${actor.scopePrefix + '%'}`

/** Outside scope on read is 404: do not reveal that the record exists. */
export function assertReadable(actor: Actor, regionCode: string, what: string): void {
  if (!isWithinJurisdiction(actor.scopePrefix, regionCode)) {
    throw new HttpProblem(404, 'Not Found', `No ${what} with that id.`)
  }
}

export function assertWriterRole(actor: Actor): void {
  if (!canWriteRegistry(actor.role)) {
    throw new HttpProblem(403, 'Forbidden', `Role ${actor.role} is read-only.`)
  }
}

/** Outside scope on write is 403; so is a read-only role. */
export function assertWritable(actor: Actor, regionCode: string): void {
  assertWriterRole(actor)
  if (!isWithinJurisdiction(actor.scopePrefix, regionCode)) {
    throw new HttpProblem(
      403,
      'Forbidden',
      `This record is outside your jurisdiction (${actor.regionName}).`,
    )
  }
}

export const canEdit = (actor: Actor, regionCode: string, retired: boolean) =>
  !retired && canWriteRegistry(actor.role) && isWithinJurisdiction(actor.scopePrefix, regionCode)

/** Rows in region `code` and below (by the region's level), for the `region=` list filter. */
export const inRegion = (code: string, column: SQL = sql.raw('region_code')): SQL =>
  sql`${column} like (select substr(code, 1, case level when 'national' then 0 when 'province' then 2
    when 'city' then 4 else 6 end) || '%' from regions where code = ${code})`
