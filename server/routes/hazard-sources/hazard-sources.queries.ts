import { overdueSql } from '../../lib/registry/overdue.ts'
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import type { Bbox } from '../../lib/geo/bbox.ts'
import { featureCollection } from '../../lib/registry/feature-list.ts'
import { pointSql, type LngLat } from '../../lib/registry/location.ts'
import { recordMetaSql, withRecordMeta, type RecordMetaRow } from '../../lib/registry/record-sql.ts'
import { registryChangeCtes } from '../../lib/registry/record-change.ts'
import { inRegion, inScope } from '../../lib/registry/scope.ts'
import { textSearch } from '../../lib/registry/text-search.ts'
import {
  UNGRADED,
  type GradeFilterValue,
  type HazardSourceDetail,
} from './hazard-sources.schemas.ts'

/** The record as stored (no related lists): what the audit log keeps as before/after. */
export type HazardSourceRow = RecordMetaRow &
  Omit<
    HazardSourceDetail,
    'location' | 'canEdit' | 'enterprise' | 'hiddenDangers' | keyof RecordMetaRow
  >

/** What a write stores: the fields plus the server-computed assessment. */
export type HazardSourceValues = Omit<HazardSourceRow, keyof RecordMetaRow | 'id' | 'location'> & {
  location: LngLat
}

/** The stored record's columns of alias `t`: what a find selects and an update returns. */
const hazardSourceColumns = sql`t.id, t.enterprise_id as "enterpriseId", t.name,
  t.unit_kind as "unitKind", t.substances, t.people_within_500m as "peopleWithin500m", t.s, t.r,
  t.alpha, t.grade, t.is_major as "isMajor", t.assessment, ${recordMetaSql}`

export async function findHazardSourceRow(
  db: Queryable,
  id: string,
  lock = false,
): Promise<HazardSourceRow | null> {
  const result = await db.execute(sql`
    select ${hazardSourceColumns}
    from hazard_sources t where t.id = ${id} ${lock ? sql`for update` : sql``}`)
  return (result.rows[0] as HazardSourceRow | undefined) ?? null
}

export interface EnterpriseRef {
  id: string
  name: string
  regionCode: string
  retired: boolean
}

export async function findEnterpriseRef(db: Queryable, id: string): Promise<EnterpriseRef | null> {
  const result = await db.execute(sql`
    select id, name, region_code as "regionCode", retired_at is not null as retired
    from enterprises where id = ${id}`)
  return (result.rows[0] as EnterpriseRef | undefined) ?? null
}

/** json columns arrive parsed from node-postgres; parse them where a driver hands text. */
const fromJson = <T>(value: T | string): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value

/** The detail's related parts (enterprise, open dangers in scope) of row alias `row`. */
const relatedSql = (actor: Actor, row: SQL) => sql`
  (select json_build_object('id', e.id, 'name', e.name)
     from enterprises e where e.id = ${row}."enterpriseId") as enterprise,
  coalesce((select json_agg(json_build_object('id', d.id, 'title', d.title,
              'severity', d.severity, 'status', d.status, 'overdue', d.overdue)
              order by d.deadline)
            from (select id, title, severity, status, deadline,
                    ${overdueSql('hidden_dangers')} as overdue
                  from hidden_dangers
                  where hazard_source_id = ${row}.id and retired_at is null
                    and ${inScope(actor)}) d), '[]'::json) as dangers`

interface RelatedParts {
  enterprise: HazardSourceDetail['enterprise'] | string
  dangers: HazardSourceDetail['hiddenDangers'] | string
}

function detailOf(actor: Actor, row: HazardSourceRow, related: RelatedParts): HazardSourceDetail {
  return {
    ...withRecordMeta(actor, row),
    s: Number(row.s),
    r: Number(row.r),
    alpha: Number(row.alpha),
    peopleWithin500m: Number(row.peopleWithin500m),
    enterprise: fromJson(related.enterprise),
    hiddenDangers: fromJson(related.dangers),
  }
}

export async function hazardSourceDetail(
  db: Queryable,
  actor: Actor,
  row: HazardSourceRow,
): Promise<HazardSourceDetail> {
  // One round trip for both related parts.
  const related = await db.execute(sql`
    select ${relatedSql(actor, sql`r`)}
    from (select ${row.id}::uuid as id, ${row.enterpriseId}::uuid as "enterpriseId") r`)
  return detailOf(actor, row, related.rows[0] as unknown as RelatedParts)
}

export interface HazardSourceListFilter {
  bbox?: Bbox | undefined
  region?: string | undefined
  q?: string | undefined
  grade?: GradeFilterValue[] | undefined
  isMajor?: boolean | undefined
  enterpriseId?: string | undefined
  includeRetired: boolean
  limit?: number | undefined
}

/** The list's filters as SQL over `hazardSourceListFrom` (shared with the vector tiles). */
export function hazardSourceListWhere(
  actor: Actor,
  f: Omit<HazardSourceListFilter, 'bbox' | 'limit'>,
): SQL[] {
  const where: SQL[] = [inScope(actor, sql`t.region_code`)]
  if (!f.includeRetired) where.push(sql`t.retired_at is null`)
  if (f.region) where.push(inRegion(f.region, sql`t.region_code`))
  if (f.grade?.length) {
    const graded = f.grade.filter((g) => g !== UNGRADED)
    const anyOf: SQL[] = []
    if (graded.length) {
      anyOf.push(
        sql`t.grade in (${sql.join(
          graded.map((g) => sql`${g}`),
          sql`, `,
        )})`,
      )
    }
    if (graded.length < f.grade.length) anyOf.push(sql`t.grade is null`)
    where.push(sql`(${sql.join(anyOf, sql` or `)})`)
  }
  if (f.isMajor !== undefined) where.push(sql`t.is_major = ${f.isMajor}`)
  if (f.enterpriseId) where.push(sql`t.enterprise_id = ${f.enterpriseId}`)
  if (f.q) where.push(textSearch(f.q, [sql`t.name`, sql`e.name`]))
  return where
}

export const hazardSourceListFrom = sql`hazard_sources t join enterprises e on e.id = t.enterprise_id`

export function listHazardSources(
  db: Queryable,
  actor: Actor,
  f: HazardSourceListFilter,
): Promise<Uint8Array<ArrayBuffer>> {
  const where = hazardSourceListWhere(actor, f)
  return featureCollection(db, {
    from: hazardSourceListFrom,
    properties: sql`json_build_object('name', t.name, 'enterpriseId', t.enterprise_id,
      'enterpriseName', e.name, 'unitKind', t.unit_kind, 'grade', t.grade, 'isMajor', t.is_major,
      's', t.s, 'r', t.r, 'regionCode', t.region_code, 'retired', t.retired_at is not null)`,
    where,
    orderBy: sql`t.r desc, t.name, t.id`,
    bbox: f.bbox,
    limit: f.limit,
  })
}

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

export async function insertHazardSource(
  tx: Queryable,
  actor: Actor,
  v: HazardSourceValues,
  regionCode: string,
): Promise<string> {
  const result = await tx.execute(sql`
    insert into hazard_sources (enterprise_id, name, unit_kind, location, substances,
      people_within_500m, s, r, alpha, grade, is_major, assessment, region_code, created_by,
      updated_by)
    values (${v.enterpriseId}, ${v.name}, ${v.unitKind}, ${pointSql(v.location)},
      ${jsonb(v.substances)}, ${v.peopleWithin500m}, ${v.s}, ${v.r}, ${v.alpha}, ${v.grade},
      ${v.isMajor}, ${jsonb(v.assessment)}, ${regionCode}, ${actor.id}, ${actor.id})
    returning id`)
  return (result.rows[0] as { id: string }).id
}

/**
 * The whole write of a PATCH as one statement (one round trip, one implicit transaction):
 * the UPDATE, guarded by the version the client read (`before` is that version's row), its
 * audit entry and event with NOTIFY, and the answer's related parts. Null when no row was
 * written: the record changed or was retired since `before` was read (the caller answers 409).
 */
export async function writeHazardSourceUpdate(
  db: Queryable,
  actor: Actor,
  w: {
    id: string
    version: number
    before: HazardSourceRow
    values: HazardSourceValues
    regionCode: string
  },
): Promise<HazardSourceDetail | null> {
  const v = w.values
  const result = await db.execute(sql`
    with updated as (
      update hazard_sources t set enterprise_id = ${v.enterpriseId}, name = ${v.name},
        unit_kind = ${v.unitKind}, location = ${pointSql(v.location)},
        substances = ${jsonb(v.substances)}, people_within_500m = ${v.peopleWithin500m},
        s = ${v.s}, r = ${v.r}, alpha = ${v.alpha}, grade = ${v.grade}, is_major = ${v.isMajor},
        assessment = ${jsonb(v.assessment)}, region_code = ${w.regionCode}, version = version + 1,
        updated_at = now(), updated_by = ${actor.id}
      where t.id = ${w.id} and t.version = ${w.version} and t.retired_at is null
      returning ${hazardSourceColumns}),
    ${registryChangeCtes(
      actor,
      {
        entity: 'hazard_source',
        entityId: w.id,
        action: 'update',
        regionCode: w.regionCode,
        previousRegionCode: w.before.regionCode,
        version: w.version + 1,
        before: w.before,
      },
      sql`updated`,
    )}
    select u.*, ${relatedSql(actor, sql`u`)}, (select n from notified) as notified
    from updated u`)
  const row = result.rows[0] as (HazardSourceRow & RelatedParts & { notified: number }) | undefined
  if (!row) return null
  const { enterprise, dangers, notified: _notified, ...stored } = row
  return detailOf(actor, stored as HazardSourceRow, { enterprise, dangers })
}
