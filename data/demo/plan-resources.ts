import type { resourceStatuses } from '../../server/db/schema/resources.ts'
import type { Anchor, WeightKey } from './anchors.ts'
import {
  inventoryLines,
  kindProfiles,
  resourceStatusWeights,
  type InventoryLine,
  type ResourceCategory,
  type ResourceKind,
} from './catalog-resources.ts'
import { addDays, AnchorPicker, officeTime, personName, phoneIn, scatter, serial } from './place.ts'
import { WeightedTable, type Rng } from './random.ts'

export type ResourceStatus = (typeof resourceStatuses)[number]

export interface PlannedResource {
  id: string
  kind: ResourceKind
  name: string
  category: string
  capabilities: string[]
  inventory: InventoryLine[]
  capacity: number | null
  headcount: number | null
  contactName: string
  contactPhone: string
  status: ResourceStatus
  anchorCounty: string
  anchorLng: number
  anchorLat: number
  lng: number
  lat: number
  createdAt: string
}

function stock(rng: Rng, category: string): InventoryLine[] {
  const lines = inventoryLines[category] ?? inventoryLines['综合物资储备库'] ?? []
  const wanted = Math.min(lines.length, rng.int(4, 8))
  const chosen = new Set<number>()
  while (chosen.size < wanted) chosen.add(rng.int(0, lines.length - 1))
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => {
      const [item, unit, low, high] = lines[i] as (typeof lines)[number]
      return { item, quantity: Math.round(rng.logRange(low, high)), unit }
    })
}

/**
 * Rescue resources of every kind. `resourceScale` multiplies the counts on its own so a
 * benchmark can ask for many more resources than the registry scale gives.
 */
export function planResources(
  rng: Rng,
  anchors: readonly Anchor[],
  resourceScale: number,
  referenceDate: string,
): PlannedResource[] {
  const picker = new AnchorPicker(anchors)
  const statuses = new WeightedTable(resourceStatusWeights)
  const rows: PlannedResource[] = []
  const serials = new Map<string, number>()
  for (const [kind, profile] of Object.entries(kindProfiles) as [
    ResourceKind,
    typeof kindProfiles.team,
  ][]) {
    const categories = new WeightedTable(profile.categories.map((c) => [c, c.share] as const))
    const nearTables = new Map<ResourceCategory, WeightedTable<WeightKey>>()
    const count = Math.round(profile.count * resourceScale)
    for (let i = 0; i < count; i++) {
      const c = categories.draw(rng)
      let near = nearTables.get(c)
      if (!near) {
        near = new WeightedTable(Object.entries(c.near) as [WeightKey, number][])
        nearTables.set(c, near)
      }
      const anchor = picker.draw(rng, near.draw(rng))
      const [lng, lat] = scatter(rng, anchor)
      const n = (serials.get(c.category) ?? 0) + 1
      serials.set(c.category, n)
      const size = profile.headcount ?? profile.capacity
      const amount = size ? Math.round(rng.logRange(size[0], size[1])) : null
      rows.push({
        id: rng.uuid(),
        kind,
        name: `示例${c.category}-${serial(n)}`,
        category: c.category,
        capabilities: [...c.capabilities],
        inventory: kind === 'warehouse' ? stock(rng, c.category) : [],
        capacity: profile.capacity ? amount : null,
        headcount: profile.headcount ? amount : null,
        contactName: personName(rng),
        contactPhone: phoneIn(rng, anchor.county),
        status: statuses.draw(rng),
        anchorCounty: anchor.county,
        anchorLng: anchor.lng,
        anchorLat: anchor.lat,
        lng,
        lat,
        createdAt: officeTime(rng, addDays(referenceDate, -rng.int(30, 1500))),
      })
    }
  }
  return rows
}
