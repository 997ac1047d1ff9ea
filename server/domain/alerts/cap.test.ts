import { describe, expect, it } from 'vitest'
import type { AlertContent } from './alert-shape.ts'
import {
  capCircle,
  capPolygonToRing,
  circleRing,
  parseCapDateTime,
  ringToCapPolygon,
  CAP_NAMESPACE,
  type CapAlert,
} from './cap-model.ts'
import { alertFromCap } from './cap-read.ts'
import { capOfAlert, type AlertForCap } from './cap-write.ts'

const ring: [number, number][] = [
  [108.9, 34.2],
  [109.0, 34.2],
  [109.0, 34.3],
  [108.9, 34.2],
]

const base: AlertForCap = {
  identifier: '61010000000000_20260701080000',
  sender: '61010000000000',
  senderName: '西安市应急管理局',
  status: 'issued',
  issuedAt: new Date('2026-07-01T00:00:00Z'),
  changedAt: new Date('2026-07-01T00:00:00Z'),
  level: '二级',
  eventType: '暴雨',
  title: '暴雨橙色预警',
  text: '预计未来6小时降雨量将达50毫米以上',
  instructions: '尾矿库停止作业，人员撤离下游',
  area: { kind: 'polygon', polygons: [[ring]] },
  areaDesc: '雁塔区',
  regionCodes: ['610113'],
  onset: new Date('2026-07-01T00:00:00Z'),
  expiresAt: new Date('2026-07-01T12:00:00Z'),
  audience: '公众',
  exercise: false,
}

/** The CAP model as the XML parser would give it (single elements not in arrays, xmlns kept). */
const asParsed = (cap: CapAlert) => ({ alert: { '@_xmlns': CAP_NAMESPACE, ...cap } })
const content = (a: AlertForCap): AlertContent => {
  const { identifier, sender, senderName, status, issuedAt, changedAt, ...c } = a
  void [identifier, sender, senderName, status, issuedAt, changedAt]
  return c
}

describe('CAP geometry text', () => {
  it('polygon is lat,lon pairs, closed', () => {
    const text = ringToCapPolygon(ring.slice(0, 3))
    expect(text).toBe('34.2,108.9 34.2,109 34.3,109 34.2,108.9')
    expect(capPolygonToRing(text)).toEqual(ring)
  })
  it('refuses short, open and out-of-range polygons', () => {
    expect(capPolygonToRing('34.2,108.9 34.2,109 34.2,108.9')).toMatch(/at least 4/)
    expect(capPolygonToRing('34.2,108.9 34.2,109 34.3,109 34.3,108.9')).toMatch(/same/)
    expect(capPolygonToRing('94.2,108.9 34.2,109 34.3,109 94.2,108.9')).toMatch(/range/)
    expect(capPolygonToRing('34.2;108.9 1,2 3,4 34.2;108.9')).toMatch(/pair/)
  })
  it('circle is "lat,lon km"', () => {
    expect(capCircle('34.2,108.9 2.5')).toEqual({ center: [108.9, 34.2], radiusM: 2500 })
    expect(capCircle('34.2,108.9 0')).toMatch(/more than 0/)
    expect(capCircle('34.2,108.9')).toMatch(/lat,lon radius/)
  })
  it('a circle ring is closed and about the radius from its centre', () => {
    const r = circleRing([108.9, 34.2], 1000, 32)
    expect(r).toHaveLength(33)
    expect(r[0]).toEqual(r[32])
    const [lng, lat] = r[8]! // due east
    const dx = (lng - 108.9) * 111_320 * Math.cos((34.2 * Math.PI) / 180)
    expect(Math.abs(dx - 1000)).toBeLessThan(5)
    expect(lat).toBeCloseTo(34.2, 3)
  })
  it('CAP times need a numeric offset', () => {
    expect(parseCapDateTime('2026-07-01T08:00:00+08:00')).toEqual(new Date('2026-07-01T00:00:00Z'))
    expect(parseCapDateTime('2026-07-01T00:00:00Z')).toBeNull()
    expect(parseCapDateTime('2026-07-01T08:00+08:00')).toBeNull()
  })
})

describe('our alert → CAP → our alert', () => {
  it('an issued alert is an Alert message with severity, colour and geocodes', () => {
    const cap = capOfAlert(base)
    expect(cap).toMatchObject({ msgType: 'Alert', status: 'Actual', scope: 'Public' })
    expect(cap.identifier).toBe(base.identifier)
    const info = cap.info[0]!
    expect(info).toMatchObject({ severity: 'Severe', category: ['Met'], event: '暴雨' })
    expect(info.onset).toBe('2026-07-01T08:00:00+08:00')
    expect(info.parameter).toEqual([{ valueName: '预警级别', value: 'ORANGE' }])
    expect(info.area[0]!.geocode).toEqual([{ valueName: 'GB/T 2260', value: '610113' }])
  })
  it('round trips polygon, circle and regions areas', () => {
    const areas: AlertForCap['area'][] = [
      base.area,
      { kind: 'circle', center: [108.95, 34.22], radiusM: 3000 },
      { kind: 'regions', codes: ['610113', '610112'] },
    ]
    for (const area of areas) {
      const a = { ...base, area, regionCodes: area.kind === 'regions' ? area.codes : ['610113'] }
      const read = alertFromCap(asParsed(capOfAlert(a)))
      expect(read.ok).toBe(true)
      if (!read.ok) continue
      expect(read.content).toEqual(content(a))
      expect(read.identifier).toBe(a.identifier)
      expect(read.sender).toBe(a.sender)
      expect(read.msgType).toBe('Alert')
    }
  })
  it('exercises go out as status Exercise and come back as exercises', () => {
    const cap = capOfAlert({ ...base, exercise: true })
    expect(cap.status).toBe('Exercise')
    const read = alertFromCap(asParsed(cap))
    expect(read.ok && read.content.exercise).toBe(true)
  })
  it('updates and liftings refer to the first message with a later identifier', () => {
    const changedAt = new Date('2026-07-01T02:00:00Z')
    const up = capOfAlert({ ...base, status: 'updated', changedAt })
    expect(up.msgType).toBe('Update')
    expect(up.identifier).toBe('61010000000000_20260701100000')
    expect(up.references).toBe(`${base.sender},${base.identifier},2026-07-01T08:00:00+08:00`)
    const same = capOfAlert({ ...base, status: 'lifted', changedAt: base.issuedAt })
    expect(same.msgType).toBe('Cancel')
    expect(same.identifier).not.toBe(base.identifier)
    const read = alertFromCap(asParsed(up))
    expect(read.ok && read.references[0]).toMatchObject({ identifier: base.identifier })
  })
})

describe('malformed CAP names the element at fault', () => {
  const good = () => asParsed(capOfAlert(base)) as { alert: Record<string, unknown> }
  const info = (doc: { alert: Record<string, unknown> }) =>
    (doc.alert.info as Record<string, unknown>[])[0]!
  const paths = (doc: unknown) => {
    const r = alertFromCap(doc)
    return r.ok ? [] : r.problems.map((p) => p.path)
  }
  it('a bad severity', () => {
    const doc = good()
    info(doc).severity = 'Dreadful'
    info(doc).parameter = []
    expect(paths(doc)).toEqual(['/alert/info/severity'])
  })
  it('missing and bad top-level elements', () => {
    const doc = good()
    delete doc.alert.sender
    doc.alert.status = 'Maybe'
    doc.alert.sent = '2026-07-01T00:00:00Z'
    expect(paths(doc)).toEqual(['/alert/sender', '/alert/sent', '/alert/status'])
  })
  it('wrong root or namespace', () => {
    expect(paths({ feed: {} })).toEqual(['/alert'])
    expect(paths({ alert: { identifier: 'x' } })).toEqual(['/alert'])
  })
  it('no expiry, no area, a broken polygon', () => {
    const doc = good()
    delete info(doc).expires
    expect(paths(doc)).toEqual(['/alert/info/expires'])
    const d2 = good()
    info(d2).area = [{ areaDesc: 'x', polygon: ['1,2 3,4'], circle: [], geocode: [] }]
    expect(paths(d2)).toEqual(['/alert/info/area/polygon', '/alert/info/area'])
  })
  it('Test and Draft messages, Ack and Error types are refused', () => {
    const doc = good()
    doc.alert.status = 'Test'
    doc.alert.msgType = 'Ack'
    expect(paths(doc)).toEqual(['/alert/status', '/alert/msgType'])
  })
  it('expiry before onset', () => {
    const doc = good()
    info(doc).expires = '2026-07-01T07:00:00+08:00'
    expect(paths(doc)).toEqual(['/alert/info/expires'])
  })
})
