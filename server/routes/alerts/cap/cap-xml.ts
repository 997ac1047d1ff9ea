/**
 * CAP 1.2 XML in and out, with fast-xml-parser (a real XML parser and builder; no DTDs,
 * no external entities). The model and its checks are pure, in server/domain/alerts/.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser'
import { CAP_NAMESPACE, type CapAlert, type CapProblem } from '../../../domain/alerts/index.ts'

const repeatable = new Set([
  'info',
  'category',
  'responseType',
  'eventCode',
  'parameter',
  'resource',
  'area',
  'polygon',
  'circle',
  'geocode',
  'code',
])

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true })

/** The CAP document of a message (elements in the order the schema's sequences require). */
export function capXml(cap: CapAlert): string {
  const { info, ...head } = cap
  const order = ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'note', 'references']
  const alert: Record<string, unknown> = { '@_xmlns': CAP_NAMESPACE }
  for (const key of order) {
    const v = head[key as keyof typeof head]
    if (v !== undefined) alert[key] = v
  }
  alert.info = info.map((i) => ({
    language: i.language,
    category: i.category,
    event: i.event,
    urgency: i.urgency,
    severity: i.severity,
    certainty: i.certainty,
    ...(i.audience !== undefined ? { audience: i.audience } : {}),
    ...(i.effective !== undefined ? { effective: i.effective } : {}),
    ...(i.onset !== undefined ? { onset: i.onset } : {}),
    ...(i.expires !== undefined ? { expires: i.expires } : {}),
    ...(i.senderName !== undefined ? { senderName: i.senderName } : {}),
    ...(i.headline !== undefined ? { headline: i.headline } : {}),
    ...(i.description !== undefined ? { description: i.description } : {}),
    ...(i.instruction !== undefined ? { instruction: i.instruction } : {}),
    parameter: i.parameter.map((p) => ({ valueName: p.valueName, value: p.value })),
    area: i.area.map((a) => ({
      areaDesc: a.areaDesc,
      polygon: a.polygon,
      circle: a.circle,
      geocode: a.geocode.map((g) => ({ valueName: g.valueName, value: g.value })),
    })),
  }))
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, alert }) as string
}

const rootParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false })
const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => repeatable.has(name),
})

export type ParsedXml = { ok: true; root: unknown } | { ok: false; problems: CapProblem[] }

/**
 * The document as a plain object for the domain reader, with the root's namespace resolved
 * (the `cap:` prefix or a default namespace) and put back as `@_xmlns` on `alert`.
 */
export function parseCapXml(text: string): ParsedXml {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return {
      ok: false,
      problems: [{ path: '/', message: 'DOCTYPE and entity declarations are not accepted' }],
    }
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { msg, line, col } = valid.err
    return {
      ok: false,
      problems: [
        { path: '/', message: `not well-formed XML (line ${line}, column ${col}): ${msg}` },
      ],
    }
  }
  const raw = rootParser.parse(text) as Record<string, unknown>
  const rootName = Object.keys(raw).find((k) => !k.startsWith('?'))
  if (!rootName) return { ok: false, problems: [{ path: '/', message: 'the document is empty' }] }
  const [prefix, local] = rootName.includes(':') ? rootName.split(':') : [undefined, rootName]
  const rootNode = raw[rootName]
  const attrs = (typeof rootNode === 'object' && rootNode !== null ? rootNode : {}) as Record<
    string,
    unknown
  >
  const namespace = attrs[prefix ? `@_xmlns:${prefix}` : '@_xmlns']
  const parsed = parser.parse(text) as Record<string, unknown>
  const alert = parsed[local!]
  if (local !== 'alert' || typeof alert !== 'object' || alert === null) {
    return {
      ok: false,
      problems: [
        { path: '/alert', message: `the root element must be <alert>, not <${rootName}>` },
      ],
    }
  }
  return { ok: true, root: { alert: { ...(alert as object), '@_xmlns': namespace } } }
}
