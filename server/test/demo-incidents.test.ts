import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { demoIncidents } from '../../data/demo/incident-fixtures.ts'
import { demoAgencies } from '../../data/accounts/demo-accounts.ts'
import { accidentGrade, type AccidentGrade } from '../domain/incidents/accident-grade.ts'
import {
  reportingObligations,
  type ReportingLevel,
  type ReportReceipts,
} from '../domain/incidents/accident-reporting.ts'
import { openTestContext, type TestContext } from './test-database.ts'

// The template is seeded by data/seed.ts in demo mode: registry, then data/demo/incidents.ts.
let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await t.database.db.execute(query)).rows as T[]
}

interface IncidentRow {
  id: string
  type: string
  grade: AccidentGrade
  status: string
  occurredAt: string
  deaths: number
  seriousInjuries: number
  directLossYuan: string
  createdBy: string | null
}

const incidents = () =>
  rows<IncidentRow>(sql`select id, type, grade, status, occurred_at as "occurredAt", deaths,
    serious_injuries as "seriousInjuries", direct_loss_yuan as "directLossYuan",
    created_by as "createdBy" from incidents where not exercise order by occurred_at`)

describe('demo drills in the seeded database', () => {
  it('two finished drills with evaluations; their exercise incidents closed, owing nothing', async () => {
    const drills = await rows<{ status: string; score: number; incidentId: string; steps: number }>(
      sql`select status, score, incident_id as "incidentId",
        jsonb_array_length(evaluation->'steps') as steps from drills order by started_at`,
    )
    expect(drills).toHaveLength(2)
    expect(drills.every((d) => d.status === 'finished' && d.steps > 0)).toBe(true)
    expect(drills.map((d) => Number(d.score))).toEqual([50, 71])
    const [exercises] = await rows<{ n: number; open: number; owed: number }>(sql`select
        count(*)::int as n, count(*) filter (where status <> 'closed')::int as open,
        (select count(*)::int from reporting_obligations o join incidents x on x.id = o.incident_id
          where x.exercise) as owed
      from incidents where exercise`)
    expect(exercises).toEqual({ n: 2, open: 0, owed: 0 })
  })
})

describe('demo incidents in the seeded database', () => {
  it('are the planned set, system-written, in the 陕西 county containing each point', async () => {
    const all = await incidents()
    expect(all).toHaveLength(demoIncidents.length)
    expect(all.every((i) => i.createdBy === null)).toBe(true)
    expect(new Set(all.map((i) => i.type))).toEqual(new Set(demoIncidents.map((d) => d.type)))
    const [outside] = await rows<{ n: number }>(sql`select count(*)::int as n from incidents x
      left join regions r on r.code = x.region_code and r.level = 'county' and r.code like '61%'
      where r.code is null or not ST_Intersects(r.boundary, x.location)`)
    expect(outside?.n).toBe(0)
    const [shared] = await rows<{ n: number }>(sql`select count(*)::int as n from (
      select enterprise_id from incidents where enterprise_id is not null
      group by 1 having count(*) > 1) x`)
    expect(shared?.n).toBe(0) // one demo incident per enterprise
    const statuses = new Set(all.map((i) => i.status))
    expect(statuses).toEqual(new Set(['reported', 'responding', 'controlled', 'closed']))
  })

  it('carry the grade the domain function gives their figures, 一般 to 重大', async () => {
    const all = await incidents()
    for (const i of all) {
      const figures = {
        deaths: Number(i.deaths),
        seriousInjuries: Number(i.seriousInjuries),
        directLossYuan: Number(i.directLossYuan),
      }
      expect(i.grade, i.type).toBe(accidentGrade(figures))
    }
    expect(new Set(all.map((i) => i.grade))).toEqual(new Set(['一般', '较大', '重大']))
  })

  it('have the obligations of their grade, due as the receipts below them say', async () => {
    const all = await incidents()
    let done = 0
    let overdue = 0
    let pending = 0
    for (const i of all) {
      const obligations = await rows<{ level: ReportingLevel; dueAt: string; doneAt: string }>(
        sql`select level, due_at as "dueAt", done_at as "doneAt" from reporting_obligations
            where incident_id = ${i.id}`,
      )
      const receipts: ReportReceipts = {}
      for (const o of obligations) if (o.doneAt) receipts[o.level] = new Date(o.doneAt)
      const expected = reportingObligations(i.grade, new Date(i.occurredAt), receipts)
      const got = Object.fromEntries(
        obligations.map((o) => [o.level, new Date(o.dueAt).toISOString()]),
      )
      expect(got, i.type).toEqual(
        Object.fromEntries(expected.map((o) => [o.level, o.dueAt.toISOString()])),
      )
      // Told in order: no level is done while one below it is not.
      const levels = expected.map((o) => o.level)
      const doneFlags = levels.map((l) => Boolean(receipts[l]))
      expect(doneFlags, i.type).toEqual([...doneFlags].sort((a, b) => Number(b) - Number(a)))
      const events = await rows<{ level: string; late: boolean }>(
        sql`select data->>'level' as level, (data->>'late')::boolean as late from incident_events
            where incident_id = ${i.id} and kind = 'obligation_done'`,
      )
      expect(events.map((e) => e.level).sort()).toEqual(Object.keys(receipts).sort())
      for (const e of events) {
        const o = obligations.find((x) => x.level === e.level)!
        expect(e.late).toBe(Date.parse(o.doneAt) > Date.parse(o.dueAt))
      }
      done += events.length
      for (const o of obligations.filter((x) => !x.doneAt)) {
        if (Date.parse(o.dueAt) < Date.now()) overdue++
        else pending++
      }
    }
    expect(done).toBeGreaterThan(0)
    expect(overdue).toBeGreaterThan(0) // the demo shows a late report…
    expect(pending).toBeGreaterThan(0) // …and one still running
  })

  it('dispatch resources that are marked dispatched while live, with timeline steps', async () => {
    const live = await rows<{ status: string; resourceStatus: string }>(
      sql`select d.status, r.status as "resourceStatus" from dispatches d
          join resources r on r.id = d.resource_id`,
    )
    expect(live.length).toBeGreaterThan(5)
    for (const d of live) {
      expect(d.resourceStatus).toBe(d.status === 'withdrawn' ? 'available' : 'dispatched')
    }
    expect(new Set(live.map((d) => d.status))).toEqual(
      new Set(['dispatched', 'en_route', 'on_scene', 'withdrawn']),
    )
    const [closedLive] = await rows<{ n: number }>(
      sql`select count(*)::int as n from dispatches d join incidents i on i.id = d.incident_id
          where i.status = 'closed' and d.status <> 'withdrawn'`,
    )
    expect(closedLive?.n).toBe(0) // a closed incident has nothing left on scene
    const [steps] = await rows<{ n: number }>(
      sql`select count(*)::int as n from incident_events where kind = 'dispatch_status'`,
    )
    expect(steps?.n).toBeGreaterThan(0)
  })

  it('give every demo agency a roster covering the next 7 days', async () => {
    for (const agency of demoAgencies) {
      const [row] = await rows<{ now: number; gap: number; until: string }>(sql`
        with s as (select s.starts_at, s.ends_at from duty_shifts s
          join agencies a on a.id = s.agency_id where a.region_code = ${agency.regionCode}
          and s.retired_at is null)
        select (select count(*)::int from s where starts_at <= now() and ends_at > now()) as now,
          (select count(*)::int from s a where a.ends_at < now() + interval '7 days'
            and not exists (select 1 from s b where b.starts_at = a.ends_at)) as gap,
          (select max(ends_at) from s) as until`)
      expect(row?.now, agency.key).toBe(1)
      expect(row?.gap, agency.key).toBe(0)
      expect(Date.parse(row!.until) - Date.now(), agency.key).toBeGreaterThan(
        7 * 86_400_000 - 3_600_000,
      )
    }
  })
})
