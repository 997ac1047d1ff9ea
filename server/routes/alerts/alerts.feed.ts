import { XMLBuilder } from 'fast-xml-parser'
import { warningLevelTable } from '../../domain/risk/warning-level.ts'
import type { Actor } from '../../lib/auth/actor.ts'
import type { AlertRow } from './alerts.queries.ts'
import { CAP_TYPE } from './alerts.routes.ts'

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true })

/** An Atom 1.0 feed (RFC 4287) of alerts in force, each entry linking its CAP message. */
export function alertFeed(actor: Actor, rows: AlertRow[], origin: string): string {
  const updated = rows.reduce((max, r) => (r.updatedAt > max ? r.updatedAt : max), '')
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      id: `${origin}/api/alerts/feed.atom?scope=${actor.scopePrefix || 'national'}`,
      title: `预警信息 · ${actor.regionName}`,
      updated: updated || new Date().toISOString(),
      link: { '@_rel': 'self', '@_href': `${origin}/api/alerts/feed.atom` },
      author: { name: actor.agencyName },
      entry: rows.map((r) => ({
        id: `${origin}/api/alerts/${r.id}.cap`,
        title: `${r.exercise ? '【演练】' : ''}${warningLevelTable[r.level].labelZh} ${r.title}`,
        updated: r.updatedAt,
        published: r.issuedAt,
        author: { name: r.senderName || r.sender },
        category: { '@_term': warningLevelTable[r.level].capColour, '@_label': r.level },
        link: {
          '@_rel': 'alternate',
          '@_type': CAP_TYPE,
          '@_href': `${origin}/api/alerts/${r.id}.cap`,
        },
        summary: r.text || r.title,
      })),
    },
  }) as string
}
