import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import type { Bbox } from '../../lib/geo/bbox.ts'
import { featureCollection } from '../../lib/registry/feature-list.ts'
import { pointSql } from '../../lib/registry/location.ts'
import { recordMetaSql, withRecordMeta, type RecordMetaRow } from '../../lib/registry/record-sql.ts'
import { inRegion, inScope } from '../../lib/registry/scope.ts'
import { textSearch } from '../../lib/registry/text-search.ts'
import type { ResourceCreate, ResourceDetail } from './resources.schemas.ts'

export type ResourceRow = RecordMetaRow &
  Omit<ResourceDetail, 'location' | 'canEdit' | keyof RecordMetaRow>

/** Every stored field a create or update writes. */
export type ResourceValues = ResourceCreate

/** The record as stored: what the audit log keeps as before/after. */
export async function findResourceRow(
  db: Queryable,
  id: string,
  lock = false,
): Promise<ResourceRow | null> {
  const result = await db.execute(sql`
    select t.id, t.kind, t.name, t.category, t.capabilities, t.inventory, t.capacity,
           t.headcount, t.contact_name as "contactName", t.contact_phone as "contactPhone",
           t.status, ${recordMetaSql}
    from resources t where t.id = ${id} ${lock ? sql`for update` : sql``}`)
  return (result.rows[0] as ResourceRow | undefined) ?? null
}

export const resourceDetail = (actor: Actor, row: ResourceRow): ResourceDetail =>
  withRecordMeta(actor, row)

export interface ResourceListFilter {
  bbox?: Bbox | undefined
  region?: string | undefined
  q?: string | undefined
  kind?: string[] | undefined
  status?: string | undefined
  category?: string | undefined
  includeRetired: boolean
  limit?: number | undefined
}

/** The list's filters as SQL over `resourceListFrom` (shared with the vector tiles). */
export function resourceListWhere(
  actor: Actor,
  f: Omit<ResourceListFilter, 'bbox' | 'limit'>,
): SQL[] {
  const where: SQL[] = [inScope(actor, sql`t.region_code`)]
  if (!f.includeRetired) where.push(sql`t.retired_at is null`)
  if (f.region) where.push(inRegion(f.region, sql`t.region_code`))
  if (f.kind) {
    where.push(
      sql`t.kind in (${sql.join(
        f.kind.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    )
  }
  if (f.status) where.push(sql`t.status = ${f.status}`)
  if (f.category) where.push(sql`t.category = ${f.category}`)
  if (f.q) where.push(textSearch(f.q, [sql`t.name`, sql`t.category`]))
  return where
}

export const resourceListFrom = sql`resources t`

export function listResources(
  db: Queryable,
  actor: Actor,
  f: ResourceListFilter,
): Promise<Uint8Array<ArrayBuffer>> {
  const where = resourceListWhere(actor, f)
  return featureCollection(db, {
    from: resourceListFrom,
    properties: sql`json_build_object('name', t.name, 'kind', t.kind, 'category', t.category,
      'status', t.status, 'capacity', t.capacity, 'regionCode', t.region_code,
      'retired', t.retired_at is not null)`,
    where,
    orderBy: sql`t.kind, t.name, t.id`,
    bbox: f.bbox,
    limit: f.limit,
  })
}

const jsonb = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`

export async function insertResource(
  tx: Queryable,
  actor: Actor,
  v: ResourceValues,
  regionCode: string,
): Promise<string> {
  const result = await tx.execute(sql`
    insert into resources (kind, name, category, capabilities, inventory, capacity, headcount,
      contact_name, contact_phone, status, location, region_code, created_by, updated_by)
    values (${v.kind}, ${v.name}, ${v.category}, ${jsonb(v.capabilities)}, ${jsonb(v.inventory)},
      ${v.capacity}, ${v.headcount}, ${v.contactName}, ${v.contactPhone}, ${v.status},
      ${pointSql(v.location)}, ${regionCode}, ${actor.id}, ${actor.id})
    returning id`)
  return (result.rows[0] as { id: string }).id
}

export async function updateResource(
  tx: Queryable,
  actor: Actor,
  id: string,
  v: ResourceValues,
  regionCode: string,
): Promise<void> {
  await tx.execute(sql`
    update resources set kind = ${v.kind}, name = ${v.name}, category = ${v.category},
      capabilities = ${jsonb(v.capabilities)}, inventory = ${jsonb(v.inventory)},
      capacity = ${v.capacity}, headcount = ${v.headcount}, contact_name = ${v.contactName},
      contact_phone = ${v.contactPhone}, status = ${v.status}, location = ${pointSql(v.location)},
      region_code = ${regionCode}, version = version + 1, updated_at = now(),
      updated_by = ${actor.id}
    where id = ${id}`)
}
