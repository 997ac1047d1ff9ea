import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { geometry } from '../geometry.ts'
import { recordColumns } from './columns.ts'

export const resourceKinds = [
  'team',
  'warehouse',
  'equipment',
  'expert',
  'shelter',
  'medical',
] as const
export const resourceStatuses = ['available', 'dispatched', 'out_of_service'] as const

export interface InventoryLine {
  item: string
  quantity: number
  unit: string
}

/**
 * Rescue resources (应急资源): teams (救援队伍), warehouses (物资储备库) with inventory,
 * equipment (装备), experts (专家), shelters (避难场所) with capacity, medical points (医疗点).
 * `category` refines the kind (e.g. 危化品救援队, 矿山救护队) and drives dispatch fitness.
 */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: resourceKinds }).notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
    inventory: jsonb('inventory').$type<InventoryLine[]>().notNull().default([]),
    capacity: integer('capacity'),
    headcount: integer('headcount'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    status: text('status', { enum: resourceStatuses }).notNull().default('available'),
    location: geometry('location', 'Point').notNull(),
    ...recordColumns(),
  },
  (t) => [
    index('resources_location_gix').using('gist', t.location),
    index('resources_region_idx').on(t.regionCode),
    index('resources_kind_status_idx').on(t.kind, t.status),
  ],
)
