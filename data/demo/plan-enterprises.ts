import { industries, type Industry } from '../../server/db/schema/enterprises.ts'
import type { Anchor } from './anchors.ts'
import { industryProfiles } from './catalog.ts'
import {
  addDays,
  AnchorPicker,
  demoUscc,
  demoUsccSerial,
  officeTime,
  personName,
  phoneIn,
  scatter,
  serial,
} from './place.ts'
import type { Rng } from './random.ts'

export interface PlannedEnterprise {
  id: string
  name: string
  industry: Industry
  /** Positions 9–17 of the USCC; the writer prefixes the county the point lands in. */
  usccSerial: string
  /** USCC with the anchor's county; rewritten if the point lands in another county. */
  uscc: string
  /** County of the anchor: the fallback region when the point falls outside every county. */
  anchorCounty: string
  anchorLng: number
  anchorLat: number
  lng: number
  lat: number
  /** Street part of the address; the writer puts province, city and county before it. */
  street: string
  employees: number
  contactName: string
  contactPhone: string
  createdAt: string
}

function nameStem(rng: Rng, industry: Industry, anchor: Anchor): string {
  if (industry === '非煤矿山') return `示例${anchor.mineral ?? '石料矿'}`
  return rng.pick(industryProfiles[industry].stems)
}

function street(rng: Rng, anchor: Anchor): string {
  const place = anchor.key.startsWith('site-') ? anchor.name : ''
  return `${place}示例路${rng.int(1, 399)}号`
}

/** Enterprises per industry, each near an anchor drawn by that industry's weights. */
export function planEnterprises(
  rng: Rng,
  anchors: readonly Anchor[],
  scale: number,
  referenceDate: string,
): PlannedEnterprise[] {
  const picker = new AnchorPicker(anchors)
  const rows: PlannedEnterprise[] = []
  for (const industry of industries) {
    const profile = industryProfiles[industry]
    const count = Math.round(profile.count * scale)
    for (let n = 1; n <= count; n++) {
      const anchor = picker.draw(rng, industry)
      const [lng, lat] = scatter(rng, anchor)
      const usccSerial = demoUsccSerial(rows.length + 1)
      const [low, high] = profile.employees
      rows.push({
        id: rng.uuid(),
        name: `${nameStem(rng, industry, anchor)}-${serial(n)}`,
        industry,
        usccSerial,
        uscc: demoUscc(anchor.county, usccSerial),
        anchorCounty: anchor.county,
        anchorLng: anchor.lng,
        anchorLat: anchor.lat,
        lng,
        lat,
        street: street(rng, anchor),
        employees: Math.round(rng.logRange(low, high)),
        contactName: personName(rng),
        contactPhone: phoneIn(rng, anchor.county),
        createdAt: officeTime(rng, addDays(referenceDate, -rng.int(200, 2500))),
      })
    }
  }
  return rows
}
