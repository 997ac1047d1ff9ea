import { overdueSql } from '../../lib/registry/overdue.ts'
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { featureCollection } from '../../lib/registry/feature-list.ts'
import { pointSql } from '../../lib/registry/location.ts'
import { recordMetaSql, withRecordMeta, type RecordMetaRow } from '../../lib/registry/record-sql.ts'
import { inRegion, inScope } from '../../lib/registry/scope.ts'
import type { EnterpriseCreate, EnterpriseDetail } from './enterprises.schemas.ts'
import { textSearch } from '../../lib/registry/text-search.ts'

type EnterpriseRow = RecordMetaRow &
  Omit<
    EnterpriseDetail,
    'location' | 'canEdit' | 'hazardSources' | 'hiddenDangers' | keyof RecordMetaRow
  >

/** The record as stored (no related lists): what the audit log keeps as before/after. */
export async function findEnterpriseRow(
  db: Queryable,
  id: string,
  lock = false,
): Promise<EnterpriseRow | null> {
  const result = await db.execute(sql`
    select t.id, t.name, t.uscc, t.industry, t.address, t.employees,
           t.contact_name as "contactName", t.contact_phone as "contactPhone", ${recordMetaSql}
    from enterprises t where t.id = ${id} ${lock ? sql`for update` : sql``}`)
  return (result.rows[0] as EnterpriseRow | undefined) ?? null
}

export async function enterpriseDetail(
  db: Queryable,
  actor: Actor,
  row: EnterpriseRow,
): Promise<EnterpriseDetail> {
  // An enterprise's units and dangers may lie in another county (a pipeline, a branch site):
  // the caller sees only those inside their own jurisdiction, as in every list.
  const [sources, dangers] = await Promise.all([
    db.execute(sql`select id, name, grade, is_major as "isMajor" from hazard_sources
      where enterprise_id = ${row.id} and retired_at is null
        and ${inScope(actor, sql`region_code`)} order by r desc`),
    db.execute(sql`select id, title, severity, status,
        ${overdueSql('hidden_dangers')} as overdue
      from hidden_dangers where enterprise_id = ${row.id} and retired_at is null
        and ${inScope(actor, sql`region_code`)}
      order by deadline`),
  ])
  return {
    ...withRecordMeta(actor, row),
    hazardSources: sources.rows as EnterpriseDetail['hazardSources'],
    hiddenDangers: dangers.rows as EnterpriseDetail['hiddenDangers'],
  }
}

export interface EnterpriseListFilter {
  bbox?: [number, number, number, number] | undefined
  region?: string | undefined
  q?: string | undefined
  industry?: string | undefined
  includeRetired: boolean
  limit?: number | undefined
}

/** The list's filters as SQL over `enterpriseListFrom` (shared with the vector tiles). */
export function enterpriseListWhere(
  actor: Actor,
  f: Omit<EnterpriseListFilter, 'bbox' | 'limit'>,
): SQL[] {
  const where: SQL[] = [inScope(actor, sql`t.region_code`)]
  if (!f.includeRetired) where.push(sql`t.retired_at is null`)
  if (f.region) where.push(inRegion(f.region, sql`t.region_code`))
  if (f.industry) where.push(sql`t.industry = ${f.industry}`)
  if (f.q) where.push(textSearch(f.q, [sql`t.name`, sql`t.uscc`, sql`t.address`]))
  return where
}

export const enterpriseListFrom = sql`enterprises t`

export function listEnterprises(
  db: Queryable,
  actor: Actor,
  f: EnterpriseListFilter,
): Promise<Uint8Array<ArrayBuffer>> {
  const where = enterpriseListWhere(actor, f)
  return featureCollection(db, {
    from: enterpriseListFrom,
    properties: sql`json_build_object('name', t.name, 'industry', t.industry, 'uscc', t.uscc,
      'regionCode', t.region_code, 'employees', t.employees, 'retired', t.retired_at is not null)`,
    where,
    orderBy: sql`t.name`,
    bbox: f.bbox,
    limit: f.limit,
  })
}

export async function insertEnterprise(
  tx: Queryable,
  actor: Actor,
  input: EnterpriseCreate,
  regionCode: string,
): Promise<string> {
  const result = await tx.execute(sql`
    insert into enterprises (name, uscc, industry, address, location, employees, contact_name,
      contact_phone, region_code, created_by, updated_by)
    values (${input.name}, ${input.uscc}, ${input.industry}, ${input.address}, ${pointSql(input.location)},
      ${input.employees}, ${input.contactName}, ${input.contactPhone}, ${regionCode}, ${actor.id}, ${actor.id})
    returning id`)
  return (result.rows[0] as { id: string }).id
}

export async function updateEnterprise(
  tx: Queryable,
  actor: Actor,
  id: string,
  next: Omit<EnterpriseRow, keyof RecordMetaRow | 'id'> & { location: [number, number] },
  regionCode: string,
): Promise<void> {
  await tx.execute(sql`
    update enterprises set name = ${next.name}, uscc = ${next.uscc}, industry = ${next.industry},
      address = ${next.address}, location = ${pointSql(next.location)}, employees = ${next.employees},
      contact_name = ${next.contactName}, contact_phone = ${next.contactPhone},
      region_code = ${regionCode}, version = version + 1, updated_at = now(), updated_by = ${actor.id}
    where id = ${id}`)
}
