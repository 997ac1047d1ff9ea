import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places } from '../../test/fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { IncidentDetail } from '../incidents/incidents.schemas.ts'
import type { InboxItem, LogEntry, Member, Shift } from './duty.schemas.ts'

interface Problem {
  errors?: { field: string; message: string }[]
}
interface Roster {
  agencyName: string
  onDutyNow: Shift[]
  shifts: Shift[]
}

let t: TestContext
let yanta: ApiClient
let yuyang: ApiClient
let xian: ApiClient
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang, xian] = await signInMany(t, 'yanta', 'yuyang', 'xian')
})
afterAll(async () => {
  await t?.close()
})

const HOUR = 3_600_000
const at = (ms: number) => new Date(Date.now() + ms).toISOString()
const userId = async (username: string) =>
  (
    (await t.database.db.execute(sql`select id from users where username = ${username}`))
      .rows[0] as { id: string }
  ).id

const report = (location: [number, number]) => ({
  type: '火灾',
  occurredAt: at(-HOUR / 4),
  location,
  deaths: 0,
  seriousInjuries: 1,
  reporterName: '值班测试',
})

describe('duty roster', () => {
  it('puts an agency member on duty; the roster says who is on duty now', async () => {
    const before = (await yanta.get<Roster>('/api/duty/shifts')).body.shifts.length
    const res = await yanta.post<Shift>('/api/duty/shifts', {
      userId: await userId('yanta'),
      startsAt: at(-HOUR),
      endsAt: at(8 * HOUR),
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ username: 'yanta', role: '值班员', onDuty: true })
    const later = await yanta.post<Shift>('/api/duty/shifts', {
      userId: await userId('yanta'),
      startsAt: at(24 * HOUR),
      endsAt: at(32 * HOUR),
      role: '带班领导',
    })
    const roster = await yanta.get<Roster>('/api/duty/shifts')
    expect(roster.body.agencyName).toBe('西安市雁塔区应急管理局')
    // The demo roster has someone on duty too: the new shift is on top of it.
    expect(roster.body.onDutyNow.map((s) => s.id)).toContain(res.body.id)
    expect(roster.body.onDutyNow.map((s) => s.id)).not.toContain(later.body.id)
    expect(roster.body.shifts).toHaveLength(before + 2)
    const other = (await yuyang.get<Roster>('/api/duty/shifts')).body.shifts.map((s) => s.id)
    expect(other).not.toContain(res.body.id)
    expect(other).not.toContain(later.body.id)
  })

  it('refuses another agency’s member (422) and an end before the start (400)', async () => {
    const other = await yanta.post<Problem>('/api/duty/shifts', {
      userId: await userId('yuyang'),
      startsAt: at(0),
      endsAt: at(HOUR),
    })
    expect(other.status).toBe(422)
    expect(other.body.errors?.[0]?.field).toBe('userId')
    const backwards = await yanta.post<Problem>('/api/duty/shifts', {
      userId: await userId('yanta'),
      startsAt: at(HOUR),
      endsAt: at(0),
    })
    expect(backwards.status).toBe(400)
    expect(backwards.body.errors?.[0]?.field).toBe('endsAt')
  })
})

describe('duty members', () => {
  it('lists the members of your own agency only, for putting them on the roster', async () => {
    const national = (await signInMany(t, 'national'))[0]
    const names = async (as: ApiClient) =>
      (await as.get<{ members: Member[] }>('/api/duty/members')).body.members.map((m) => m.username)
    expect(await names(yanta)).toEqual(['yanta'])
    expect(await names(xian)).toEqual(['xian']) // the city, not its counties' officers
    expect(await names(national)).toEqual(expect.arrayContaining(['admin', 'national']))
    expect(await names(national)).not.toContain('yanta')
    const [first] = (await national.get<{ members: Member[] }>('/api/duty/members')).body.members
    expect(Object.keys(first!).sort()).toEqual(['displayName', 'id', 'role', 'username'])
    // A member listed here is accepted by the shift API.
    const yantaId = (await yanta.get<{ members: Member[] }>('/api/duty/members')).body.members[0]!
    const res = await yanta.post('/api/duty/shifts', {
      userId: yantaId.id,
      startsAt: at(48 * HOUR),
      endsAt: at(56 * HOUR),
    })
    expect(res.status).toBe(201)
    const anonymous = await t.app.request('/api/duty/members')
    expect(anonymous.status).toBe(401)
  })
})

describe('duty log', () => {
  it('records calls and handovers for the agency, newest first', async () => {
    const call = await yanta.post<LogEntry>('/api/duty/log', { kind: 'call', text: '接群众电话' })
    expect(call.status).toBe(201)
    expect(call.body).toMatchObject({ kind: 'call', username: 'yanta', incidentId: null })
    await yanta.post('/api/duty/log', { kind: 'handover', text: '交班：无异常' })
    const log = await yanta.get<{ entries: LogEntry[] }>('/api/duty/log')
    expect(log.body.entries.slice(0, 2).map((e) => e.kind)).toEqual(['handover', 'call'])
    expect((await yuyang.get<{ entries: LogEntry[] }>('/api/duty/log')).body.entries).toEqual([])
    const history = await yanta.get<{ username: string; action: string }[]>(
      `/api/audit?entity=duty_log&id=${call.body.id}`,
    )
    expect(history.body).toMatchObject([{ username: 'yanta', action: 'create' }])
  })

  it('an incident it names must be in the jurisdiction (422 naming incidentId)', async () => {
    const yulin = (await yuyang.post<IncidentDetail>('/api/incidents', report(places.yuyang))).body
    const res = await yanta.post<Problem>('/api/duty/log', {
      kind: 'note',
      text: '关注',
      incidentId: yulin.id,
    })
    expect(res.status).toBe(422)
    expect(res.body.errors?.[0]?.field).toBe('incidentId')
  })
})

describe('duty inbox and acknowledgement', () => {
  it('lists unacknowledged incidents per agency; ack is idempotent and on the timeline', async () => {
    const incident = (await yanta.post<IncidentDetail>('/api/incidents', report(places.yanta))).body
    const ids = async (as: ApiClient) =>
      (await as.get<{ items: InboxItem[] }>('/api/duty/inbox')).body.items.map((i) => i.id)
    expect(await ids(yanta)).toContain(incident.id)
    expect(await ids(xian)).toContain(incident.id)
    expect(await ids(yuyang)).not.toContain(incident.id)

    const ack = await yanta.post<{ ackedAt: string }>(`/api/incidents/${incident.id}/ack`, {})
    expect(ack.status).toBe(200)
    const again = await yanta.post<{ ackedAt: string }>(`/api/incidents/${incident.id}/ack`, {})
    expect(again.body.ackedAt).toBe(ack.body.ackedAt)
    expect(await ids(yanta)).not.toContain(incident.id)
    expect(await ids(xian)).toContain(incident.id) // the city has not acknowledged it yet

    const detail = (await xian.get<IncidentDetail>(`/api/incidents/${incident.id}`)).body
    const acks = detail.timeline.filter((e) => e.kind === 'ack')
    expect(acks).toHaveLength(1)
    expect(acks[0]!.data).toMatchObject({ agencyName: '西安市雁塔区应急管理局' })
    expect((await yuyang.post(`/api/incidents/${incident.id}/ack`, {})).status).toBe(404)
  })
})
