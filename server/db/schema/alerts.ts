import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { alertAreaKinds, alertSources, alertStatuses } from '../../domain/alerts/alert-shape.ts'
import { warningLevels } from '../../domain/risk/warning-level.ts'
import { geometry } from '../geometry.ts'
import { recordColumns } from './columns.ts'

export { alertAreaKinds, alertSources, alertStatuses }

/**
 * Alerts (预警信息), ours and imported. `expired` is not a status: an alert is expired when
 * `expires_at` ≤ now (domain/alerts/lifecycle.ts), so nothing has to run at expiry.
 *
 * `area` is always a MultiPolygon in EPSG:4326, used by every spatial query (what is inside,
 * bbox lists); a circle keeps its centre and radius too, so CAP gets `<circle>` back; a
 * regions area keeps the chosen GB/T 2260 codes in `area_region_codes` and the union of
 * their boundaries in `area`. For drawn areas `area_region_codes` are the counties touched.
 *
 * Scope: the issuer's jurisdiction (`region_code`) writes it; it is read by that jurisdiction
 * and by every one whose counties the area touches (`county_codes`): a province's alert
 * reaches the county officers under it.
 *
 * History: every write is audited with the whole row before and after in the same
 * transaction (audit_log, entity `alert`), which is a complete version history; the alert
 * panel reads it from there rather than from a second copy.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** National scheme: 14-digit issuer code, `_`, YYYYMMDDhhmmss Beijing time; external: theirs. */
    identifier: text('identifier').notNull(),
    /** CAP sender: our issuer code, or the external sender as written. */
    sender: text('sender').notNull(),
    senderName: text('sender_name').notNull().default(''),
    source: text('source', { enum: alertSources }).notNull().default('ours'),
    level: text('level', { enum: warningLevels }).notNull(),
    eventType: text('event_type').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    instructions: text('instructions').notNull().default(''),
    audience: text('audience').notNull().default(''),
    areaKind: text('area_kind', { enum: alertAreaKinds }).notNull(),
    area: geometry('area', 'MultiPolygon').notNull(),
    circleCenter: geometry('circle_center', 'Point'),
    circleRadiusM: integer('circle_radius_m'),
    areaDesc: text('area_desc').notNull().default(''),
    areaRegionCodes: text('area_region_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Counties the area touches (server-computed): every one of them may read the alert. */
    countyCodes: text('county_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    onset: timestamp('onset', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: alertStatuses }).notNull().default('issued'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftReason: text('lift_reason'),
    exercise: boolean('exercise').notNull().default(false),
    /** The CAP document as received (external alerts only). */
    capXml: text('cap_xml'),
    ...recordColumns(),
  },
  (t) => [
    index('alerts_area_gix').using('gist', t.area),
    index('alerts_region_idx').on(t.regionCode),
    index('alerts_expires_idx').on(t.expiresAt),
    uniqueIndex('alerts_ours_identifier_uq')
      .on(t.identifier)
      .where(sql`${t.source} = 'ours'`),
    uniqueIndex('alerts_external_sender_identifier_uq')
      .on(t.sender, t.identifier)
      .where(sql`${t.source} = 'external'`),
  ],
)
