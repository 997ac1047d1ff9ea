/**
 * The database half of the demo generator: writes a plan in batches of set-based inserts
 * (`json_to_recordset`), deriving every region code from the county polygon that contains the
 * point. A planned point outside every county of the province goes back to its anchor; a
 * hazard unit's or hidden danger's offset that would cross into another county than its
 * enterprise's stays on the enterprise instead, so a record and its enterprise share a region.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import { demoUscc } from './place.ts'
import type { DemoPlan } from './plan.ts'

export const BATCH_SIZE = 2000

interface Point {
  lng: number
  lat: number
}

function* batches<T>(rows: readonly T[], size = BATCH_SIZE): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size)
}

/** Code of the county (of the province) containing each point; null when none does. */
async function locate(db: Queryable, points: readonly Point[], province: string) {
  const json = JSON.stringify(points.map((p, i) => ({ i, lng: p.lng, lat: p.lat })))
  const result = await db.execute(sql`
    select x.i, c.code
    from json_to_recordset(${json}::json) as x(i int, lng float8, lat float8)
    left join lateral (
      select r.code from regions r
      where r.level = 'county' and r.code like ${`${province.slice(0, 2)}%`}
        and ST_Intersects(r.boundary, ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326))
      order by r.code limit 1) c on true`)
  const codes: (string | null)[] = points.map(() => null)
  for (const row of result.rows as { i: number; code: string | null }[]) {
    codes[Number(row.i)] = row.code
  }
  return codes
}

interface Placeable extends Point {
  anchorCounty: string
  anchorLng: number
  anchorLat: number
}

/** Final point and county of each row: where planned, or its anchor when that is outside. */
async function place<T extends Placeable>(db: Queryable, rows: readonly T[], province: string) {
  const codes = await locate(db, rows, province)
  let moved = 0
  const placed = rows.map((row, i) => {
    const code = codes[i]
    if (code) return { row, lng: row.lng, lat: row.lat, county: code }
    moved++
    return { row, lng: row.anchorLng, lat: row.anchorLat, county: row.anchorCounty }
  })
  return { placed, moved }
}

async function writeEnterprises(db: Queryable, plan: DemoPlan, province: string) {
  let moved = 0
  for (const batch of batches(plan.enterprises)) {
    const located = await place(db, batch, province)
    moved += located.moved
    const json = JSON.stringify(
      located.placed.map(({ row: e, lng, lat, county }) => ({
        id: e.id,
        name: e.name,
        uscc: county === e.anchorCounty ? e.uscc : demoUscc(county, e.usccSerial),
        industry: e.industry,
        street: e.street,
        lng,
        lat,
        employees: e.employees,
        contact_name: e.contactName,
        contact_phone: e.contactPhone,
        region_code: county,
        created_at: e.createdAt,
      })),
    )
    await db.execute(sql`
      insert into enterprises (id, name, uscc, industry, address, location, employees,
        contact_name, contact_phone, region_code, created_at, updated_at)
      select x.id, x.name, x.uscc, x.industry,
             coalesce(pr.name, '') || coalesce(ci.name, '') || co.name || x.street,
             ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326), x.employees, x.contact_name,
             x.contact_phone, x.region_code, x.created_at, x.created_at
      from json_to_recordset(${json}::json) as x(id uuid, name text, uscc text, industry text,
        street text, lng float8, lat float8, employees int, contact_name text,
        contact_phone text, region_code text, created_at timestamptz)
      join regions co on co.code = x.region_code
      left join regions ci on ci.code = co.parent_code
      left join regions pr on pr.code = ci.parent_code`)
  }
  return moved
}

async function writeHazardSources(db: Queryable, plan: DemoPlan) {
  for (const batch of batches(plan.hazardSources)) {
    const json = JSON.stringify(
      batch.map((h) => ({
        id: h.id,
        enterprise_id: h.enterpriseId,
        name: h.name,
        unit_kind: h.unitKind,
        d_lng: h.dLng,
        d_lat: h.dLat,
        substances: h.substances,
        people: h.peopleWithin500m,
        s: h.s,
        r: h.r,
        alpha: h.alpha,
        grade: h.grade,
        is_major: h.isMajor,
        assessment: h.assessment,
        created_at: h.createdAt,
      })),
    )
    await db.execute(sql`
      insert into hazard_sources (id, enterprise_id, name, unit_kind, location, substances,
        people_within_500m, s, r, alpha, grade, is_major, assessment, region_code, created_at,
        updated_at)
      select x.id, x.enterprise_id, x.name, x.unit_kind,
             case when ST_Intersects(co.boundary, p.g) then p.g else e.location end,
             x.substances, x.people, x.s, x.r, x.alpha, x.grade, x.is_major, x.assessment,
             e.region_code, x.created_at, x.created_at
      from json_to_recordset(${json}::json) as x(id uuid, enterprise_id uuid, name text,
        unit_kind text, d_lng float8, d_lat float8, substances jsonb, people int, s float8,
        r float8, alpha float8, grade text, is_major boolean, assessment jsonb,
        created_at timestamptz)
      join enterprises e on e.id = x.enterprise_id
      join regions co on co.code = e.region_code
      cross join lateral (select ST_Translate(e.location, x.d_lng, x.d_lat) as g) p`)
  }
}

async function writeHiddenDangers(db: Queryable, plan: DemoPlan) {
  for (const batch of batches(plan.hiddenDangers)) {
    const json = JSON.stringify(
      batch.map((d) => ({
        id: d.id,
        enterprise_id: d.enterpriseId,
        hazard_source_id: d.hazardSourceId,
        title: d.title,
        description: d.description,
        severity: d.severity,
        major_list_id: d.majorListId,
        major_item: d.majorItem,
        found_on: d.foundOn,
        deadline: d.deadline,
        responsible_person: d.responsiblePerson,
        status: d.status,
        closed_at: d.closedAt,
        verified: d.verified,
        d_lng: d.dLng,
        d_lat: d.dLat,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      })),
    )
    await db.execute(sql`
      insert into hidden_dangers (id, enterprise_id, hazard_source_id, title, description,
        severity, major_list_id, major_item, found_on, deadline, responsible_person, status,
        closed_at, location, verified, region_code, created_at, updated_at)
      select x.id, x.enterprise_id, x.hazard_source_id, x.title, x.description, x.severity,
             x.major_list_id, x.major_item, x.found_on, x.deadline, x.responsible_person,
             x.status, x.closed_at,
             case when ST_Intersects(co.boundary, p.g) then p.g
                  else coalesce(h.location, e.location) end,
             x.verified, e.region_code, x.created_at, x.updated_at
      from json_to_recordset(${json}::json) as x(id uuid, enterprise_id uuid,
        hazard_source_id uuid, title text, description text, severity text,
        major_list_id text, major_item text, found_on date, deadline date,
        responsible_person text, status text, closed_at timestamptz, verified boolean,
        d_lng float8, d_lat float8, created_at timestamptz, updated_at timestamptz)
      join enterprises e on e.id = x.enterprise_id
      left join hazard_sources h on h.id = x.hazard_source_id
      join regions co on co.code = e.region_code
      cross join lateral (
        select ST_Translate(coalesce(h.location, e.location), x.d_lng, x.d_lat) as g) p`)
  }
}

async function writeResources(db: Queryable, plan: DemoPlan, province: string) {
  let moved = 0
  for (const batch of batches(plan.resources)) {
    const located = await place(db, batch, province)
    moved += located.moved
    const json = JSON.stringify(
      located.placed.map(({ row: r, lng, lat, county }) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        category: r.category,
        capabilities: r.capabilities,
        inventory: r.inventory,
        capacity: r.capacity,
        headcount: r.headcount,
        contact_name: r.contactName,
        contact_phone: r.contactPhone,
        status: r.status,
        lng,
        lat,
        region_code: county,
        created_at: r.createdAt,
      })),
    )
    await db.execute(sql`
      insert into resources (id, kind, name, category, capabilities, inventory, capacity,
        headcount, contact_name, contact_phone, status, location, region_code, created_at,
        updated_at)
      select x.id, x.kind, x.name, x.category, x.capabilities, x.inventory, x.capacity,
             x.headcount, x.contact_name, x.contact_phone, x.status,
             ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326), x.region_code, x.created_at,
             x.created_at
      from json_to_recordset(${json}::json) as x(id uuid, kind text, name text, category text,
        capabilities jsonb, inventory jsonb, capacity int, headcount int, contact_name text,
        contact_phone text, status text, lng float8, lat float8, region_code text,
        created_at timestamptz)`)
  }
  return moved
}

export interface WriteTimings {
  /** Milliseconds per table. */
  enterprises: number
  hazardSources: number
  hiddenDangers: number
  resources: number
  /** Planned points outside every county, moved to their anchor. */
  movedToAnchor: number
}

/** Writes the plan; call inside a transaction so a failure leaves nothing behind. */
export async function writeDemo(
  db: Queryable,
  plan: DemoPlan,
  province = '610000',
  now: () => number = () => performance.now(),
): Promise<WriteTimings> {
  const t0 = now()
  const movedEnterprises = await writeEnterprises(db, plan, province)
  const t1 = now()
  await writeHazardSources(db, plan)
  const t2 = now()
  await writeHiddenDangers(db, plan)
  const t3 = now()
  const movedResources = await writeResources(db, plan, province)
  const t4 = now()
  return {
    enterprises: t1 - t0,
    hazardSources: t2 - t1,
    hiddenDangers: t3 - t2,
    resources: t4 - t3,
    movedToAnchor: movedEnterprises + movedResources,
  }
}
