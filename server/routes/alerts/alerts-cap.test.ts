import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { places } from '../../test/fixtures.ts'
import { sessionCookie } from '../../test/security/matrix-fixtures.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { AlertDetail } from './alerts.schemas.ts'
import { xmllintCap } from './cap/xmllint.ts'

interface Problem {
  status: number
  errors?: { field: string; code: string; message: string }[]
}
interface FC {
  features: { id: string; properties: Record<string, unknown> }[]
}

let t: TestContext
let yanta: ApiClient, yuyang: ApiClient
let yantaCookie = ''
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, yuyang] = await signInMany(t, 'yanta', 'yuyang')
  yantaCookie = await sessionCookie(t, 'yanta', 'jinan-yanta')
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const HOUR = 3_600_000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()
export const circleAlert = (overrides: Record<string, unknown> = {}) => ({
  level: '二级',
  eventType: '危化品泄漏',
  title: '液氯泄漏下风向预警',
  text: '某化工企业液氯储罐泄漏，下风向2公里范围内有中毒风险',
  instructions: '下风向居民关闭门窗，向上风向疏散',
  audience: '雁塔区下风向居民及企业',
  area: { kind: 'circle', center: places.yanta, radiusM: 800 },
  areaDesc: '雁塔区泄漏点周边800米',
  expiresAt: inHours(6),
  ...overrides,
})

const countAlerts = async () =>
  Number(
    (
      (await t.database.db.execute(sql`select count(*)::int as n from alerts`)).rows[0] as {
        n: number
      }
    ).n,
  )

async function postXml(xml: string, type = 'application/cap+xml', cookie = yantaCookie) {
  const res = await t.app.request('/api/alerts/import', {
    method: 'POST',
    headers: { cookie, 'content-type': type },
    body: xml,
  })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as unknown,
  }
}

async function capOf(client: ApiClient, id: string) {
  const res = await client.get<string>(`/api/alerts/${id}.cap`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/cap\+xml/)
  return res.body
}

describe('CAP exchange', () => {
  const polygon = [
    [108.94, 34.2],
    [108.96, 34.2],
    [108.96, 34.22],
    [108.94, 34.22],
    [108.94, 34.2],
  ]
  it('every message we write is valid against the OASIS CAP 1.2 schema', async () => {
    const made = await yanta.post<AlertDetail>(
      '/api/alerts',
      circleAlert({ exercise: true, area: { kind: 'polygon', polygons: [[polygon]] } }),
    )
    const cap = await capOf(yanta, made.body.id)
    expect(xmllintCap(cap)).toBe('')
    expect(cap).toContain('<status>Exercise</status>')
    expect(cap).toContain(
      '<polygon>34.2,108.94 34.2,108.96 34.22,108.96 34.22,108.94 34.2,108.94</polygon>',
    )
    expect(cap).toContain('<valueName>预警级别</valueName>')
    expect(cap).toMatch(/<onset>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00<\/onset>/)
    const broken = cap.replace('<severity>Severe</severity>', '<severity>ORANGE</severity>')
    expect(xmllintCap(broken)).toMatch(/severity/)
  })
  it('round trip: ours out → import → the same alert', async () => {
    for (const area of [
      { kind: 'polygon', polygons: [[polygon]] },
      { kind: 'circle', center: places.yanta, radiusM: 1500 },
      { kind: 'regions', codes: ['610113'] },
    ]) {
      const ours = (
        await yanta.post<AlertDetail>('/api/alerts', circleAlert({ area, onset: inHours(-1) }))
      ).body
      const cap = await capOf(yanta, ours.id)
      const res = await postXml(cap)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const theirs = res.body as AlertDetail
      const same = (a: AlertDetail) => ({
        identifier: a.identifier,
        sender: a.sender,
        senderName: a.senderName,
        level: a.level,
        eventType: a.eventType,
        title: a.title,
        text: a.text,
        instructions: a.instructions,
        audience: a.audience,
        areaKind: a.areaKind,
        area: a.area,
        circle: a.circle,
        areaDesc: a.areaDesc,
        areaRegionCodes: a.areaRegionCodes,
        countyCodes: a.countyCodes,
        onset: a.onset,
        expiresAt: a.expiresAt,
        issuedAt: a.issuedAt,
        exercise: a.exercise,
        regionCode: a.regionCode,
        phase: a.phase,
      })
      expect(same(theirs)).toEqual(same(ours))
      expect(theirs.source).toBe('external')
      // Drawn like ours: in the list with its area.
      const list = await yanta.get<FC>('/api/alerts')
      expect(list.body.features.map((f) => f.id)).toContain(theirs.id)
      // The same message again is a duplicate.
      expect((await postXml(cap)).status).toBe(409)
    }
  })
  it('a Cancel from the sender lifts the external alert it references', async () => {
    const ours = (await yanta.post<AlertDetail>('/api/alerts', circleAlert())).body
    const imported = (await postXml(await capOf(yanta, ours.id))).body as AlertDetail
    await yanta.post(`/api/alerts/${ours.id}/lift`, { version: 1 })
    const cancel = await capOf(yanta, ours.id)
    const res = await postXml(cancel)
    expect(res.status).toBe(201)
    expect(res.body as AlertDetail).toMatchObject({ id: imported.id, status: 'lifted' })
  })
  it('malformed CAP is refused naming the element, and nothing is stored', async () => {
    const ours = (await yanta.post<AlertDetail>('/api/alerts', circleAlert())).body
    const good = (await capOf(yanta, ours.id)).replace(ours.identifier, 'other-system-1')
    const before = await countAlerts()
    const cases: [string, string, string?][] = [
      [
        good
          .replace('<severity>Severe</severity>', '<severity>Dreadful</severity>')
          .replace(/<parameter>[\s\S]*?<\/parameter>/, ''),
        '/alert/info/severity',
      ],
      [good.replace(/<sender>.*<\/sender>/, ''), '/alert/sender'],
      [good.replace(/<expires>.*<\/expires>/, ''), '/alert/info/expires'],
      [good.replace('<status>Actual</status>', '<status>Test</status>'), '/alert/status'],
      [good.replace(/<onset>(.*)\+08:00<\/onset>/, '<onset>$1Z</onset>'), '/alert/info/onset'],
      [
        good.replace(/<circle>.*<\/circle>/, '<circle>34.2 108.9</circle>'),
        '/alert/info/area/circle',
      ],
      [good.replace('</alert>', ''), '/'],
      [
        good.replace(
          'urn:oasis:names:tc:emergency:cap:1.2',
          'urn:oasis:names:tc:emergency:cap:1.1',
        ),
        '/alert',
      ],
      ['<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><alert/>', '/'],
    ]
    for (const [xml, field] of cases) {
      const res = await postXml(xml)
      expect(res.status, field).toBe(400)
      expect(res.type).toMatch(/problem\+json/)
      expect(
        (res.body as Problem).errors?.map((e) => e.field),
        field,
      ).toContain(field)
    }
    expect((await postXml(good, 'application/json')).status).toBe(415)
    expect(await countAlerts()).toBe(before)
    // The untouched document goes in.
    expect((await postXml(good, 'application/xml')).status).toBe(201)
  })
  it('refuses an import whose area lies outside the importer’s jurisdiction (403)', async () => {
    const theirs = (
      await yuyang.post<AlertDetail>(
        '/api/alerts',
        circleAlert({ area: { kind: 'circle', center: places.yuyang, radiusM: 500 } }),
      )
    ).body
    const cap = await capOf(yuyang, theirs.id)
    const before = await countAlerts()
    expect((await postXml(cap)).status).toBe(403)
    expect(await countAlerts()).toBe(before)
  })
  it('the Atom feed lists the alerts in force in scope, linking their CAP', async () => {
    const res = await t.app.request('/api/alerts/feed.atom', { headers: { cookie: yantaCookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    const xml = await res.text()
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
    expect(xml).toMatch(/<link rel="alternate" type="application\/cap\+xml" href="[^"]+\.cap"/)
    const ownIds = [...xml.matchAll(/api\/alerts\/([0-9a-f-]{36})\.cap/g)].map((m) => m[1])
    expect(ownIds.length).toBeGreaterThan(0)
    const other = await (
      await t.app.request('/api/alerts/feed.atom', {
        headers: { cookie: await sessionCookie(t, 'yuyang', 'jinan-yuyang') },
      })
    ).text()
    for (const id of ownIds) expect(other).not.toContain(id!)
  })
})
