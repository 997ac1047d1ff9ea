import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import {
  circleRing,
  commonJurisdictionPrefix,
  fullRegionCode,
  phaseAt,
  prefixOfRegionCode,
  type AlertArea,
  type AlertStatus,
} from '../../domain/alerts/index.ts'
import { isWithinJurisdiction } from '../../domain/geo/jurisdiction.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import { featureCollection } from '../../lib/registry/feature-list.ts'
import { isoSql } from '../../lib/registry/record-sql.ts'
import { HttpProblem } from '../../lib/problem.ts'
import type { AlertAreaInput, AlertDetail, AlertListQuery } from './alerts.schemas.ts'

/** The alert as stored: what the audit log keeps as before/after. */
export type AlertRow = Omit<AlertDetail, 'canEdit' | 'history' | 'phase'>

export const ENTITY = 'alert'

/** Read scope: the issuer's jurisdiction, and every jurisdiction whose counties the area touches. */
export function alertReadScope(actor: Actor, alias = sql`t`): SQL {
  if (actor.scopePrefix === '') return sql`true`
  const p = actor.scopePrefix + '%'
  return sql`(${alias}.region_code like ${p}
    or exists (select 1 from unnest(${alias}.county_codes) c where c like ${p}))`
}

export const canReadAlert = (actor: Actor, row: Pick<AlertRow, 'regionCode' | 'countyCodes'>) =>
  isWithinJurisdiction(actor.scopePrefix, row.regionCode) ||
  row.countyCodes.some((c) => isWithinJurisdiction(actor.scopePrefix, c))

const unprocessable = (field: string, message: string, code: string) =>
  new HttpProblem(422, 'Unprocessable Content', message, {
    errors: [{ field, code, message }],
  })

export interface ResolvedArea {
  /** MultiPolygon GeoJSON text. */
  geoJson: string
  kind: AlertArea['kind']
  circle: { center: [number, number]; radiusM: number } | null
  areaRegionCodes: string[]
  countyCodes: string[]
  /** The issuing jurisdiction: the region holding every county touched. */
  regionCode: string
}

const multi = (polygons: number[][][][]) =>
  JSON.stringify({ type: 'MultiPolygon', coordinates: polygons })
const geomOf = (geoJson: string) => sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geoJson}), 4326))`

/**
 * The area as stored: its MultiPolygon, the counties it touches and the jurisdiction that
 * holds them. Drawn areas must be valid polygons inside China's regions; chosen regions must
 * exist. `field` names the request field for errors (`area`, or a CAP element on import).
 */
export async function resolveArea(
  db: Queryable,
  area: AlertAreaInput | AlertArea,
  field = 'area',
  codesFromCap: string[] = [],
): Promise<ResolvedArea> {
  if (area.kind === 'regions') {
    const found = await db.execute(sql`select code, ST_AsGeoJSON(ST_Multi(boundary), 6) as g
      from regions where code in (${sql.join(
        area.codes.map((c) => sql`${c}`),
        sql`, `,
      )})`)
    const known = new Set((found.rows as { code: string }[]).map((r) => r.code))
    const missing = area.codes.filter((c) => !known.has(c))
    if (missing.length > 0) {
      throw unprocessable(
        `${field}.codes`,
        `no region with code ${missing.join(', ')}`,
        'invalid_value',
      )
    }
    const prefixes = [...new Set(area.codes.map(prefixOfRegionCode))]
    const counties = await db.execute(sql`select code from regions where level = 'county'
      and (${sql.join(
        prefixes.map((p) => sql`code like ${p + '%'}`),
        sql` or `,
      )}) order by code`)
    const union = await db.execute(sql`select ST_AsGeoJSON(ST_Multi(ST_Union(boundary)), 6) as g
      from regions where code in (${sql.join(
        area.codes.map((c) => sql`${c}`),
        sql`, `,
      )})`)
    const countyCodes = (counties.rows as { code: string }[]).map((r) => r.code)
    return {
      geoJson: (union.rows[0] as { g: string }).g,
      kind: 'regions',
      circle: null,
      areaRegionCodes: [...area.codes].sort(),
      countyCodes: countyCodes.length > 0 ? countyCodes : [...area.codes],
      regionCode: fullRegionCode(commonJurisdictionPrefix(area.codes)),
    }
  }
  const geoJson =
    area.kind === 'circle'
      ? multi([[circleRing(area.center, area.radiusM)]])
      : multi(area.polygons as number[][][][])
  const check = await db.execute(sql`select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason
    from (select ${geomOf(geoJson)} as g) x`)
  const { valid, reason } = check.rows[0] as { valid: boolean; reason: string }
  if (!valid) throw unprocessable(field, `the area is not a valid polygon: ${reason}`, 'invalid')
  const counties = await db.execute(sql`select code from regions
    where level = 'county' and ST_Intersects(boundary, ${geomOf(geoJson)})
      and not ST_Touches(boundary, ${geomOf(geoJson)}) order by code`)
  const countyCodes = (counties.rows as { code: string }[]).map((r) => r.code)
  if (countyCodes.length === 0) {
    throw unprocessable(
      field,
      'the area lies in no administrative region of China',
      'outside_regions',
    )
  }
  return {
    geoJson,
    kind: area.kind,
    circle: area.kind === 'circle' ? { center: area.center, radiusM: area.radiusM } : null,
    areaRegionCodes: codesFromCap.length > 0 ? [...codesFromCap].sort() : countyCodes,
    countyCodes,
    regionCode: fullRegionCode(commonJurisdictionPrefix(countyCodes)),
  }
}

const rowColumns = sql`t.id, t.identifier, t.sender, t.sender_name as "senderName", t.source,
  t.level, t.event_type as "eventType", t.title, t.text, t.instructions, t.audience,
  t.area_kind as "areaKind", ST_AsGeoJSON(t.area, 6) as "areaJson",
  ST_X(t.circle_center) as "circleLng", ST_Y(t.circle_center) as "circleLat",
  t.circle_radius_m as "circleRadiusM", t.area_desc as "areaDesc",
  t.area_region_codes as "areaRegionCodes", t.county_codes as "countyCodes",
  ${isoSql(sql`t.onset`)} as onset, ${isoSql(sql`t.expires_at`)} as "expiresAt",
  ${isoSql(sql`t.issued_at`)} as "issuedAt", t.status, ${isoSql(sql`t.lifted_at`)} as "liftedAt",
  t.lift_reason as "liftReason", t.exercise, t.region_code as "regionCode",
  coalesce((select name from regions where code = t.region_code), t.region_code) as "regionName",
  t.version, ${isoSql(sql`t.created_at`)} as "createdAt", ${isoSql(sql`t.updated_at`)} as "updatedAt"`

interface RawRow extends Omit<AlertRow, 'area' | 'circle'> {
  areaJson: string
  circleLng: number | null
  circleLat: number | null
  circleRadiusM: number | null
}

const arrayOf = (v: unknown): string[] =>
  Array.isArray(v)
    ? (v as string[])
    : String(v ?? '{}')
        .replace(/[{}]/g, '')
        .split(',')
        .filter(Boolean)

function toRow(raw: RawRow): AlertRow {
  const { areaJson, circleLng, circleLat, circleRadiusM, ...rest } = raw
  return {
    ...rest,
    area: JSON.parse(areaJson) as AlertRow['area'],
    circle:
      circleLng === null || circleLat === null || circleRadiusM === null
        ? null
        : { center: [Number(circleLng), Number(circleLat)], radiusM: Number(circleRadiusM) },
    areaRegionCodes: arrayOf(raw.areaRegionCodes),
    countyCodes: arrayOf(raw.countyCodes),
    version: Number(raw.version),
  }
}

export async function findAlertRow(db: Queryable, id: string, lock = false) {
  const r = await db.execute(
    sql`select ${rowColumns} from alerts t where t.id = ${id} ${lock ? sql`for update` : sql``}`,
  )
  const raw = r.rows[0] as RawRow | undefined
  return raw ? toRow(raw) : null
}

export async function findExternalAlert(db: Queryable, sender: string, identifier: string) {
  const r = await db.execute(sql`select ${rowColumns} from alerts t
    where t.source = 'external' and t.sender = ${sender} and t.identifier = ${identifier}`)
  const raw = r.rows[0] as RawRow | undefined
  return raw ? toRow(raw) : null
}

export async function identifierTaken(db: Queryable, identifier: string): Promise<boolean> {
  const r = await db.execute(
    sql`select 1 from alerts where source = 'ours' and identifier = ${identifier}`,
  )
  return r.rows.length > 0
}

/** Who changed the alert and when, from the audit log (each entry keeps the whole row). */
export async function alertHistory(db: Queryable, id: string) {
  const r = await db.execute(sql`select ${isoSql(sql`at`)} as at, username, action,
      (after->>'version')::int as version, after->>'status' as status
    from audit_log where entity = ${ENTITY} and entity_id = ${id} order by at desc, id desc`)
  return r.rows as AlertDetail['history']
}

export async function alertDetail(
  db: Queryable,
  actor: Actor,
  row: AlertRow,
  canWrite: (actor: Actor, row: AlertRow) => boolean,
): Promise<AlertDetail> {
  const phase = phaseAt(
    {
      status: row.status,
      onset: new Date(row.onset),
      expiresAt: new Date(row.expiresAt),
      liftedAt: row.liftedAt ? new Date(row.liftedAt) : null,
    },
    new Date(),
  )
  const canEdit = canWrite(actor, row) && (phase === 'active' || phase === 'pending')
  return { ...row, phase, canEdit, history: await alertHistory(db, row.id) }
}

export interface AlertValues {
  identifier: string
  sender: string
  senderName: string
  source: 'ours' | 'external'
  level: string
  eventType: string
  title: string
  text: string
  instructions: string
  audience: string
  areaDesc: string
  onset: Date
  expiresAt: Date
  issuedAt: Date
  exercise: boolean
  capXml: string | null
}

export async function insertAlert(
  tx: Queryable,
  actor: Actor,
  v: AlertValues,
  area: ResolvedArea,
): Promise<string> {
  const codes = (list: string[]) => sql`${`{${list.join(',')}}`}::text[]`
  const r = await tx.execute(sql`insert into alerts (identifier, sender, sender_name, source,
      level, event_type, title, text, instructions, audience, area_kind, area, circle_center,
      circle_radius_m, area_desc, area_region_codes, county_codes, onset, expires_at, issued_at,
      exercise, cap_xml, region_code, created_by, updated_by)
    values (${v.identifier}, ${v.sender}, ${v.senderName}, ${v.source}, ${v.level},
      ${v.eventType}, ${v.title}, ${v.text}, ${v.instructions}, ${v.audience}, ${area.kind},
      ${geomOf(area.geoJson)},
      ${area.circle ? sql`ST_SetSRID(ST_MakePoint(${area.circle.center[0]}, ${area.circle.center[1]}), 4326)` : null},
      ${area.circle?.radiusM ?? null}, ${v.areaDesc}, ${codes(area.areaRegionCodes)},
      ${codes(area.countyCodes)}, ${v.onset.toISOString()}, ${v.expiresAt.toISOString()},
      ${v.issuedAt.toISOString()}, ${v.exercise}, ${v.capXml}, ${area.regionCode},
      ${actor.id}, ${actor.id})
    returning id`)
  return (r.rows[0] as { id: string }).id
}

export interface AlertChange {
  level?: string | undefined
  eventType?: string | undefined
  title?: string | undefined
  text?: string | undefined
  instructions?: string | undefined
  audience?: string | undefined
  areaDesc?: string | undefined
  onset?: Date | undefined
  expiresAt?: Date | undefined
}

export async function updateAlert(
  tx: Queryable,
  actor: Actor,
  id: string,
  change: AlertChange,
  area: ResolvedArea | null,
  status: AlertStatus,
  lift?: { reason: string },
) {
  const sets: SQL[] = [sql`status = ${status}`]
  const put = (column: string, value: unknown) => {
    if (value !== undefined) sets.push(sql`${sql.identifier(column)} = ${value}`)
  }
  put('level', change.level)
  put('event_type', change.eventType)
  put('title', change.title)
  put('text', change.text)
  put('instructions', change.instructions)
  put('audience', change.audience)
  put('area_desc', change.areaDesc)
  put('onset', change.onset?.toISOString())
  put('expires_at', change.expiresAt?.toISOString())
  if (area) {
    const codes = (list: string[]) => sql`${`{${list.join(',')}}`}::text[]`
    sets.push(sql`area_kind = ${area.kind}, area = ${geomOf(area.geoJson)},
      circle_center = ${area.circle ? sql`ST_SetSRID(ST_MakePoint(${area.circle.center[0]}, ${area.circle.center[1]}), 4326)` : null},
      circle_radius_m = ${area.circle?.radiusM ?? null},
      area_region_codes = ${codes(area.areaRegionCodes)}, county_codes = ${codes(area.countyCodes)},
      region_code = ${area.regionCode}`)
  }
  if (lift) sets.push(sql`lifted_at = now(), lift_reason = ${lift.reason}`)
  await tx.execute(sql`update alerts set ${sql.join(sets, sql`, `)}, version = version + 1,
    updated_at = now(), updated_by = ${actor.id} where id = ${id}`)
}

export function listAlerts(db: Queryable, actor: Actor, f: AlertListQuery) {
  const where: SQL[] = [alertReadScope(actor), sql`t.retired_at is null`]
  if (f.region) {
    where.push(sql`(t.region_code like (select substr(code, 1, case level when 'national' then 0
      when 'province' then 2 when 'city' then 4 else 6 end) || '%' from regions where code = ${f.region})
      or exists (select 1 from unnest(t.county_codes) c where c like (select substr(code, 1,
      case level when 'national' then 0 when 'province' then 2 when 'city' then 4 else 6 end) || '%'
      from regions where code = ${f.region})))`)
  }
  if (f.include !== 'expired') where.push(sql`t.status <> 'lifted' and t.expires_at > now()`)
  return featureCollection(db, {
    from: sql`alerts t`,
    geometry: sql`t.area`,
    properties: sql`json_build_object('identifier', t.identifier, 'level', t.level,
      'eventType', t.event_type, 'title', t.title, 'status', t.status,
      'phase', case when t.status = 'lifted' then 'lifted' when t.expires_at <= now() then 'expired'
        when t.onset > now() then 'pending' else 'active' end,
      'onset', ${isoSql(sql`t.onset`)}, 'expiresAt', ${isoSql(sql`t.expires_at`)},
      'exercise', t.exercise, 'source', t.source, 'regionCode', t.region_code)`,
    where,
    orderBy: sql`case t.level when '一级' then 0 when '二级' then 1 when '三级' then 2 else 3 end,
      t.onset desc, t.id`,
    bbox: f.bbox,
    limit: f.limit,
  })
}

/** Alerts in force now in the actor's scope (the Atom feed). */
export async function activeAlertRows(db: Queryable, actor: Actor, limit = 200) {
  const r = await db.execute(sql`select ${rowColumns} from alerts t
    where ${alertReadScope(actor)} and t.retired_at is null and t.status <> 'lifted'
      and t.onset <= now() and t.expires_at > now()
    order by t.updated_at desc, t.id limit ${limit}`)
  return (r.rows as unknown as RawRow[]).map(toRow)
}
