/**
 * Reading a CAP 1.2 message (as the XML parser's plain object: elements as properties,
 * text as strings, repeatable elements as arrays) into our alert. Every refusal names the
 * element at fault as a path, e.g. `/alert/info/severity`, so a sender can fix its document.
 */
import type { AlertArea, AlertContent, Ring } from './alert-shape.ts'
import {
  CAP_NAMESPACE,
  capCircle,
  capCertainties,
  capMsgTypes,
  capPolygonToRing,
  capScopes,
  capStatuses,
  capUrgencies,
  circleRing,
  parseCapDateTime,
  type CapAlert,
  type CapArea,
  type CapInfo,
  type CapValue,
} from './cap-model.ts'
import { expiryAfterOnset } from './lifecycle.ts'
import { capSeverities, LEVEL_PARAMETER, levelOfCap } from './levels.ts'

export interface CapProblem {
  /** The element at fault, XPath-like: /alert/info/area[2]/polygon */
  path: string
  message: string
}

export type CapReading =
  | {
      ok: true
      cap: CapAlert
      content: AlertContent
      /** The message's identifier and sender (CAP's own, kept as the sender wrote them). */
      identifier: string
      sender: string
      senderName: string
      sent: Date
      msgType: 'Alert' | 'Update' | 'Cancel'
      /** For Update / Cancel: the messages referred to, as sender,identifier,sent triples. */
      references: { sender: string; identifier: string; sent: string }[]
    }
  | { ok: false; problems: CapProblem[] }

type Node = Record<string, unknown>
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Text of an element (the parser gives a string, or an object with #text when it has attributes). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (isNode(v) && '#text' in v) return textOf(v['#text'])
  if (isNode(v) && Object.keys(v).every((k) => k.startsWith('@_'))) return ''
  return undefined
}

const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const at = (base: string, name: string, i: number, n: number) =>
  `${base}/${name}${n > 1 ? `[${i + 1}]` : ''}`

class Reader {
  problems: CapProblem[] = []
  fail(path: string, message: string) {
    this.problems.push({ path, message })
  }
  text(node: Node, name: string, base: string, required: boolean): string | undefined {
    const values = listOf(node[name])
    if (values.length === 0) {
      if (required) this.fail(`${base}/${name}`, `<${name}> is required`)
      return undefined
    }
    if (values.length > 1) this.fail(`${base}/${name}`, `<${name}> may appear only once`)
    const t = textOf(values[0])
    if (t === undefined) this.fail(`${base}/${name}`, `<${name}> must hold text`)
    else if (required && t === '') this.fail(`${base}/${name}`, `<${name}> is empty`)
    return t
  }
  oneOf(node: Node, name: string, base: string, allowed: readonly string[]) {
    const t = this.text(node, name, base, true)
    if (t && !allowed.includes(t)) {
      this.fail(`${base}/${name}`, `<${name}> must be one of ${allowed.join(', ')}; got "${t}"`)
    }
    return t ?? ''
  }
  time(node: Node, name: string, base: string, required: boolean) {
    const t = this.text(node, name, base, required)
    if (t === undefined || t === '') return undefined
    if (!parseCapDateTime(t)) {
      this.fail(`${base}/${name}`, `<${name}> must be like 2026-07-01T08:00:00+08:00 (got "${t}")`)
    }
    return t
  }
  values(node: Node, name: string, base: string): CapValue[] {
    const items = listOf(node[name])
    return items.map((item, i) => {
      const path = at(base, name, i, items.length)
      if (!isNode(item)) {
        this.fail(path, `<${name}> must hold <valueName> and <value>`)
        return { valueName: '', value: '' }
      }
      return {
        valueName: this.text(item, 'valueName', path, true) ?? '',
        value: this.text(item, 'value', path, false) ?? '',
      }
    })
  }
}

function readArea(r: Reader, node: unknown, path: string): CapArea {
  if (!isNode(node)) {
    r.fail(path, '<area> must hold <areaDesc>')
    return { areaDesc: '', polygon: [], circle: [], geocode: [] }
  }
  const texts = (name: string) => listOf(node[name]).map((v) => textOf(v) ?? '')
  return {
    areaDesc: r.text(node, 'areaDesc', path, true) ?? '',
    polygon: texts('polygon'),
    circle: texts('circle'),
    geocode: r.values(node, 'geocode', path),
  }
}

function readInfo(r: Reader, node: Node, path: string): CapInfo {
  const categories = listOf(node.category).map((c) => textOf(c) ?? '')
  if (categories.length === 0) r.fail(`${path}/category`, '<category> is required')
  const areas = listOf(node.area)
  const opt = (name: string) => r.text(node, name, path, false)
  const info: CapInfo = {
    language: opt('language') || 'en-US',
    category: categories,
    event: r.text(node, 'event', path, true) ?? '',
    urgency: r.oneOf(node, 'urgency', path, capUrgencies),
    severity: r.text(node, 'severity', path, true) ?? '',
    certainty: r.oneOf(node, 'certainty', path, capCertainties),
    parameter: r.values(node, 'parameter', path),
    area: areas.map((a, i) => readArea(r, a, at(path, 'area', i, areas.length))),
  }
  const optional = ['audience', 'senderName', 'headline', 'description', 'instruction'] as const
  for (const name of optional) {
    const v = opt(name)
    if (v !== undefined) info[name] = v
  }
  for (const name of ['effective', 'onset', 'expires'] as const) {
    const v = r.time(node, name, path, false)
    if (v !== undefined) info[name] = v
  }
  return info
}

/** The document's CAP message, checked for the elements and values the 1.2 schema requires. */
export function readCapAlert(root: unknown): { cap: CapAlert | null; problems: CapProblem[] } {
  const r = new Reader()
  const alert = isNode(root) ? root.alert : undefined
  if (!isNode(alert)) {
    r.fail('/alert', 'the document must have a CAP <alert> root element')
    return { cap: null, problems: r.problems }
  }
  const ns = alert['@_xmlns']
  if (ns !== CAP_NAMESPACE) {
    r.fail('/alert', `<alert> must be in the namespace ${CAP_NAMESPACE}`)
    return { cap: null, problems: r.problems }
  }
  const base = '/alert'
  const infos = listOf(alert.info)
  const cap: CapAlert = {
    identifier: r.text(alert, 'identifier', base, true) ?? '',
    sender: r.text(alert, 'sender', base, true) ?? '',
    sent: r.time(alert, 'sent', base, true) ?? '',
    status: r.oneOf(alert, 'status', base, capStatuses),
    msgType: r.oneOf(alert, 'msgType', base, capMsgTypes),
    scope: r.oneOf(alert, 'scope', base, capScopes),
    info: infos.map((info, i) => {
      const path = at(base, 'info', i, infos.length)
      if (isNode(info)) return readInfo(r, info, path)
      r.fail(path, '<info> must hold elements')
      return readInfo(r, {}, path)
    }),
  }
  for (const name of ['identifier', 'sender'] as const) {
    if (/[\s,<&]/.test(cap[name])) {
      r.fail(`${base}/${name}`, `<${name}> may not contain spaces, commas, < or &`)
    }
  }
  const note = r.text(alert, 'note', base, false)
  if (note !== undefined) cap.note = note
  const references = r.text(alert, 'references', base, false)
  if (references !== undefined) cap.references = references
  return { cap, problems: r.problems }
}

const GB2260 = /^\d{6}$/

function areaOf(r: Reader, info: CapInfo, infoPath: string): { area: AlertArea; codes: string[] } {
  const polygons: Ring[][] = []
  const circles: { center: [number, number]; radiusM: number }[] = []
  const codes: string[] = []
  info.area.forEach((a, i) => {
    const path = at(infoPath, 'area', i, info.area.length)
    a.polygon.forEach((p, j) => {
      const ring = capPolygonToRing(p)
      if (typeof ring === 'string') r.fail(at(path, 'polygon', j, a.polygon.length), ring)
      else polygons.push([ring])
    })
    a.circle.forEach((c, j) => {
      const circle = capCircle(c)
      if (typeof circle === 'string') r.fail(at(path, 'circle', j, a.circle.length), circle)
      else circles.push(circle)
    })
    a.geocode.forEach((g, j) => {
      if (!g.valueName.includes('2260')) return
      if (GB2260.test(g.value)) codes.push(g.value)
      else r.fail(`${at(path, 'geocode', j, a.geocode.length)}/value`, 'not a GB/T 2260 code')
    })
  })
  const unique = [...new Set(codes)]
  if (circles.length === 1 && polygons.length === 0) {
    return { area: { kind: 'circle', ...circles[0]! }, codes: unique }
  }
  if (polygons.length + circles.length > 0) {
    const all = [...polygons, ...circles.map((c) => [circleRing(c.center, c.radiusM)])]
    return { area: { kind: 'polygon', polygons: all }, codes: unique }
  }
  if (unique.length > 0) return { area: { kind: 'regions', codes: unique }, codes: unique }
  r.fail(
    `${infoPath}/area`,
    'an <area> with a <polygon>, <circle> or GB/T 2260 <geocode> is required',
  )
  return { area: { kind: 'regions', codes: [] }, codes: [] }
}

/** A CAP message (parsed XML) as one of our alerts, or the elements at fault. */
export function alertFromCap(root: unknown): CapReading {
  const { cap, problems } = readCapAlert(root)
  if (!cap) return { ok: false, problems }
  const r = new Reader()
  r.problems = problems
  if (
    (capStatuses as readonly string[]).includes(cap.status) &&
    cap.status !== 'Actual' &&
    cap.status !== 'Exercise'
  ) {
    r.fail('/alert/status', `only Actual and Exercise messages are taken in (got ${cap.status})`)
  }
  if (cap.msgType === 'Ack' || cap.msgType === 'Error') {
    r.fail('/alert/msgType', `${cap.msgType} messages carry no alert`)
  }
  const references = (cap.references ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((triple) => {
      const [sender = '', identifier = '', sent = ''] = triple.split(',')
      if (!identifier) r.fail('/alert/references', 'references are sender,identifier,sent triples')
      return { sender, identifier, sent }
    })
  if ((cap.msgType === 'Update' || cap.msgType === 'Cancel') && references.length === 0) {
    r.fail('/alert/references', `an ${cap.msgType} message must name the alert it changes`)
  }
  if (cap.info.length === 0) {
    r.fail('/alert/info', 'an <info> block is required')
    return { ok: false, problems: r.problems }
  }
  const index = Math.max(
    0,
    cap.info.findIndex((i) => i.language.toLowerCase().startsWith('zh')),
  )
  const info = cap.info[index]!
  const infoPath = at('/alert', 'info', index, cap.info.length)
  const colour = info.parameter.find((p) => p.valueName === LEVEL_PARAMETER)?.value
  const level = levelOfCap(info.severity, colour)
  if (info.severity && !level) {
    const known = [...capSeverities.filter((s) => s !== 'Unknown'), 'RED/ORANGE/YELLOW/BLUE']
    r.fail(`${infoPath}/severity`, `<severity> must be one of ${known.join(', ')}`)
  }
  if (!info.expires) r.fail(`${infoPath}/expires`, '<expires> is required: an alert must end')
  const { area, codes } = areaOf(r, info, infoPath)
  const sent = parseCapDateTime(cap.sent)
  const onset = parseCapDateTime(info.onset ?? info.effective ?? cap.sent)
  const expiresAt = info.expires ? parseCapDateTime(info.expires) : null
  if (onset && expiresAt && !expiryAfterOnset(onset, expiresAt)) {
    r.fail(`${infoPath}/expires`, '<expires> must come after the onset')
  }
  if (r.problems.length > 0 || !level || !sent || !onset || !expiresAt) {
    return { ok: false, problems: r.problems }
  }
  const areaDesc = info.area.map((a) => a.areaDesc).join('、')
  return {
    ok: true,
    cap,
    identifier: cap.identifier,
    sender: cap.sender,
    senderName: info.senderName ?? cap.sender,
    sent,
    msgType: cap.msgType as 'Alert' | 'Update' | 'Cancel',
    references,
    content: {
      level,
      eventType: info.event,
      title: info.headline || info.event,
      text: info.description ?? '',
      instructions: info.instruction ?? '',
      area,
      areaDesc,
      regionCodes: codes,
      onset,
      expiresAt,
      audience: info.audience ?? '',
      exercise: cap.status === 'Exercise',
    },
  }
}
