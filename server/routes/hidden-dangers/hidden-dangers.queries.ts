import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { DangerStatus } from '../../domain/registry/danger-status.ts'
import { findMajorItem } from '../../domain/registry/major-danger-lists.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import type { Bbox } from '../../lib/geo/bbox.ts'
import { featureCollection } from '../../lib/registry/feature-list.ts'
import { pointSql, type LngLat } from '../../lib/registry/location.ts'
import {
  isoSql,
  recordMetaSql,
  withRecordMeta,
  type RecordMetaRow,
} from '../../lib/registry/record-sql.ts'
import { inRegion, inScope } from '../../lib/registry/scope.ts'
import { textSearch } from '../../lib/registry/text-search.ts'
import { overdueSql as overdueFor } from '../../lib/registry/overdue.ts'
import type { HiddenDangerDetail } from './hidden-dangers.schemas.ts'

export const overdueSql = (alias = 't') => overdueFor(alias)

const dateText = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`

export type DangerRow = RecordMetaRow &
  Omit<
    HiddenDangerDetail,
    | 'location'
    | 'canEdit'
    | 'enterprise'
    | 'hazardSource'
    | 'majorItemText'
    | 'overdue'
    | keyof RecordMetaRow
  >

/** The record as stored: what the audit log keeps as before/after (overdue is not stored). */
export async function findDangerRow(
  db: Queryable,
  id: string,
  lock = false,
): Promise<DangerRow | null> {
  const result = await db.execute(sql`
    select t.id, t.enterprise_id as "enterpriseId", t.hazard_source_id as "hazardSourceId",
           t.title, t.description, t.severity, t.major_list_id as "majorListId",
           t.major_item as "majorItem", ${dateText(sql`t.found_on`)} as "foundOn",
           ${dateText(sql`t.deadline`)} as deadline, t.responsible_person as "responsiblePerson",
           t.status, ${isoSql(sql`t.closed_at`)} as "closedAt", ${recordMetaSql}
    from hidden_dangers t where t.id = ${id} ${lock ? sql`for update` : sql``}`)
  return (result.rows[0] as DangerRow | undefined) ?? null
}

export async function dangerDetail(
  db: Queryable,
  actor: Actor,
  row: DangerRow,
): Promise<HiddenDangerDetail> {
  const result = await db.execute(sql`
    select e.name as "enterpriseName", hs.name as "sourceName", hs.grade as "sourceGrade",
           ${overdueSql()} as overdue
    from hidden_dangers t join enterprises e on e.id = t.enterprise_id
      left join hazard_sources hs on hs.id = t.hazard_source_id
    where t.id = ${row.id}`)
  const extra = result.rows[0] as {
    enterpriseName: string
    sourceName: string | null
    sourceGrade: string | null
    overdue: boolean
  }
  const item =
    row.majorListId && row.majorItem ? findMajorItem(row.majorListId, row.majorItem) : null
  return {
    ...withRecordMeta(actor, row),
    enterprise: { id: row.enterpriseId, name: extra.enterpriseName },
    hazardSource: row.hazardSourceId
      ? { id: row.hazardSourceId, name: extra.sourceName ?? '', grade: extra.sourceGrade }
      : null,
    majorItemText: item?.text ?? null,
    overdue: Boolean(extra.overdue),
  }
}

export interface DangerEnterprise {
  id: string
  name: string
  industry: string
  regionCode: string
  location: LngLat
}

/** The enterprise a danger is recorded against, if the actor may see it and it is not retired. */
export async function findReadableEnterprise(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<DangerEnterprise | null> {
  const result = await db.execute(sql`
    select t.id, t.name, t.industry, t.region_code as "regionCode", ST_X(t.location) as lng,
           ST_Y(t.location) as lat
    from enterprises t
    where t.id = ${id} and t.retired_at is null and ${inScope(actor, sql`t.region_code`)}`)
  const row = result.rows[0] as (Omit<DangerEnterprise, 'location'> & LngLatRow) | undefined
  if (!row) return null
  const { lng, lat, ...rest } = row
  return { ...rest, location: [Number(lng), Number(lat)] }
}
interface LngLatRow {
  lng: number
  lat: number
}

export async function enterpriseIndustry(db: Queryable, id: string): Promise<string> {
  const result = await db.execute(sql`select industry from enterprises where id = ${id}`)
  return (result.rows[0] as { industry: string }).industry
}

/** Whether a live hazard source belongs to the enterprise. */
export async function sourceBelongsTo(
  db: Queryable,
  sourceId: string,
  enterpriseId: string,
): Promise<boolean> {
  const result = await db.execute(sql`select 1 from hazard_sources
    where id = ${sourceId} and enterprise_id = ${enterpriseId} and retired_at is null`)
  return result.rows.length > 0
}

export interface DangerListFilter {
  bbox?: Bbox | undefined
  region?: string | undefined
  q?: string | undefined
  severity?: string | undefined
  status?: string[] | undefined
  overdue?: boolean | undefined
  enterpriseId?: string | undefined
  hazardSourceId?: string | undefined
  includeRetired: boolean
  limit?: number | undefined
}

/** The list's filters as SQL over `hiddenDangerListFrom` (shared with the vector tiles). */
export function hiddenDangerListWhere(
  actor: Actor,
  f: Omit<DangerListFilter, 'bbox' | 'limit'>,
): SQL[] {
  const where: SQL[] = [inScope(actor, sql`t.region_code`)]
  if (!f.includeRetired) where.push(sql`t.retired_at is null`)
  if (f.region) where.push(inRegion(f.region, sql`t.region_code`))
  if (f.severity) where.push(sql`t.severity = ${f.severity}`)
  if (f.status) {
    where.push(
      sql`t.status in (${sql.join(
        f.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    )
  }
  if (f.overdue !== undefined) where.push(f.overdue ? overdueSql() : sql`not ${overdueSql()}`)
  if (f.enterpriseId) where.push(sql`t.enterprise_id = ${f.enterpriseId}`)
  if (f.hazardSourceId) where.push(sql`t.hazard_source_id = ${f.hazardSourceId}`)
  if (f.q) where.push(textSearch(f.q, [sql`t.title`, sql`e.name`]))
  return where
}

export const hiddenDangerListFrom = sql`hidden_dangers t join enterprises e on e.id = t.enterprise_id`

export function listDangers(
  db: Queryable,
  actor: Actor,
  f: DangerListFilter,
): Promise<Uint8Array<ArrayBuffer>> {
  const where = hiddenDangerListWhere(actor, f)
  return featureCollection(db, {
    from: hiddenDangerListFrom,
    properties: sql`json_build_object('title', t.title, 'severity', t.severity,
      'status', t.status, 'overdue', ${overdueSql()}, 'deadline', ${dateText(sql`t.deadline`)},
      'enterpriseName', e.name, 'regionCode', t.region_code, 'majorItem', t.major_item,
      'retired', t.retired_at is not null)`,
    where,
    orderBy: sql`t.deadline, t.id`,
    bbox: f.bbox,
    limit: f.limit,
  })
}

/** Every stored field a create or update writes. */
export interface DangerValues {
  hazardSourceId: string | null
  title: string
  description: string
  severity: 'general' | 'major'
  majorListId: string | null
  majorItem: string | null
  foundOn: string
  deadline: string
  responsiblePerson: string
  status: DangerStatus
  location: LngLat
}

export async function insertDanger(
  tx: Queryable,
  actor: Actor,
  enterpriseId: string,
  v: DangerValues,
  regionCode: string,
): Promise<string> {
  const result = await tx.execute(sql`
    insert into hidden_dangers (enterprise_id, hazard_source_id, title, description, severity,
      major_list_id, major_item, found_on, deadline, responsible_person, status, location,
      region_code, created_by, updated_by)
    values (${enterpriseId}, ${v.hazardSourceId}, ${v.title}, ${v.description}, ${v.severity},
      ${v.majorListId}, ${v.majorItem}, ${v.foundOn}::date, ${v.deadline}::date,
      ${v.responsiblePerson}, ${v.status}, ${pointSql(v.location)}, ${regionCode},
      ${actor.id}, ${actor.id})
    returning id`)
  return (result.rows[0] as { id: string }).id
}

export async function updateDanger(
  tx: Queryable,
  actor: Actor,
  id: string,
  v: DangerValues,
  regionCode: string,
): Promise<void> {
  await tx.execute(sql`
    update hidden_dangers set hazard_source_id = ${v.hazardSourceId}, title = ${v.title},
      description = ${v.description}, severity = ${v.severity}, major_list_id = ${v.majorListId},
      major_item = ${v.majorItem}, found_on = ${v.foundOn}::date, deadline = ${v.deadline}::date,
      responsible_person = ${v.responsiblePerson},
      closed_at = case when ${v.status}::text = 'closed' and status <> 'closed' then now()
                       when ${v.status}::text = 'closed' then closed_at end,
      verified = ${v.status}::text in ('verified', 'closed'), status = ${v.status},
      location = ${pointSql(v.location)}, region_code = ${regionCode}, version = version + 1,
      updated_at = now(), updated_by = ${actor.id}
    where id = ${id}`)
}
