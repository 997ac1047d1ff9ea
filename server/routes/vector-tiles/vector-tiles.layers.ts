import { sql, type SQL } from 'drizzle-orm'
import type { z } from '@hono/zod-openapi'
import type { Actor } from '../../lib/auth/actor.ts'
import { overdueSql } from '../../lib/registry/overdue.ts'
import { enterpriseListFrom, enterpriseListWhere } from '../enterprises/enterprises.queries.ts'
import { enterpriseListQuery } from '../enterprises/enterprises.schemas.ts'
import {
  hazardSourceListFrom,
  hazardSourceListWhere,
} from '../hazard-sources/hazard-sources.queries.ts'
import { hazardSourceListQuery } from '../hazard-sources/hazard-sources.schemas.ts'
import {
  hiddenDangerListFrom,
  hiddenDangerListWhere,
} from '../hidden-dangers/hidden-dangers.queries.ts'
import { hiddenDangerListQuery } from '../hidden-dangers/hidden-dangers.schemas.ts'
import { resourceListFrom, resourceListWhere } from '../resources/resources.queries.ts'
import { resourceListQuery } from '../resources/resources.schemas.ts'

/**
 * What a registry layer puts in a tile. The filters are the list endpoint's own (same zod
 * query, same SQL), so a tile and a list with the same parameters hold the same records.
 * `bbox` and `limit` do not apply: the tile is the bbox.
 */
export interface TileLayerSpec {
  name: 'hazard-sources' | 'resources' | 'hidden-dangers' | 'enterprises'
  summary: string
  query: z.ZodType
  from: SQL
  /** The table alone, for clusters when no filter needs the joins (`q` searches joined names). */
  bareFrom: SQL
  where(actor: Actor, query: Record<string, unknown>): SQL[]
  /** jsonb of one record's properties (`t` is the row). */
  properties: SQL
  /** Columns the cluster aggregate reads, selected from `t` beside the geometry. */
  clusterInputs: SQL
  /**
   * jsonb of one cluster from its members `s` (grouped). Always `cluster` and `point_count`
   * (the names MapLibre's own clustering uses, so a layer's styles read both alike); a
   * cluster of one also carries what a single mark needs to be drawn and clicked.
   */
  clusterProperties: SQL
}

// '一级'…'四级' do not sort by their characters (三 < 二 in Unicode): rank them explicitly.
const gradeRank = sql`case t.grade when '一级' then 1 when '二级' then 2 when '三级' then 3
  when '四级' then 4 else 5 end`

const single = (name: string, value: SQL) =>
  sql`${name}::text, case when count(*) = 1 then ${value} end`

const omitTileBounds = (schema: z.ZodType) =>
  (schema as unknown as { omit(k: Record<string, true>): z.ZodType }).omit({
    bbox: true,
    limit: true,
  })

export const tileLayers: readonly TileLayerSpec[] = [
  {
    name: 'hazard-sources',
    summary: 'Hazard sources (危险源): clusters with the worst grade up to zoom 8, then each unit',
    query: omitTileBounds(hazardSourceListQuery),
    from: hazardSourceListFrom,
    bareFrom: sql`hazard_sources t`,
    where: (actor, q) => hazardSourceListWhere(actor, q as never),
    properties: sql`jsonb_build_object('id', t.id, 'name', t.name, 'enterpriseName', e.name,
      'unitKind', t.unit_kind, 'grade', t.grade, 'isMajor', t.is_major, 's', t.s, 'r', t.r,
      'regionCode', t.region_code)`,
    clusterInputs: sql`t.id, t.name, t.grade, t.r, ${gradeRank} as rank`,
    clusterProperties: sql`jsonb_build_object('cluster', true, 'point_count', count(*),
      'worst', min(s.rank), ${single('id', sql`min(s.id::text)`)},
      ${single('name', sql`min(s.name)`)}, ${single('grade', sql`min(s.grade)`)},
      ${single('r', sql`max(s.r)`)})`,
  },
  {
    name: 'resources',
    summary: 'Rescue resources (救援资源): clusters with the count available up to zoom 8',
    query: omitTileBounds(resourceListQuery),
    from: resourceListFrom,
    bareFrom: sql`resources t`,
    where: (actor, q) => resourceListWhere(actor, q as never),
    properties: sql`jsonb_build_object('id', t.id, 'name', t.name, 'kind', t.kind,
      'category', t.category, 'status', t.status, 'capacity', t.capacity,
      'regionCode', t.region_code)`,
    clusterInputs: sql`t.id, t.name, t.kind, t.status`,
    clusterProperties: sql`jsonb_build_object('cluster', true, 'point_count', count(*),
      'available', count(*) filter (where s.status = 'available'),
      ${single('id', sql`min(s.id::text)`)}, ${single('name', sql`min(s.name)`)},
      ${single('kind', sql`min(s.kind)`)}, ${single('status', sql`min(s.status)`)})`,
  },
  {
    name: 'hidden-dangers',
    summary: 'Hidden dangers (隐患): clusters with major and overdue counts up to zoom 8',
    query: omitTileBounds(hiddenDangerListQuery),
    from: hiddenDangerListFrom,
    bareFrom: sql`hidden_dangers t`,
    where: (actor, q) => hiddenDangerListWhere(actor, q as never),
    properties: sql`jsonb_build_object('id', t.id, 'title', t.title, 'severity', t.severity,
      'status', t.status, 'overdue', ${overdueSql('t')}, 'enterpriseName', e.name,
      'regionCode', t.region_code)`,
    clusterInputs: sql`t.id, t.title, t.severity, ${overdueSql('t')} as overdue`,
    clusterProperties: sql`jsonb_build_object('cluster', true, 'point_count', count(*),
      'major', count(*) filter (where s.severity = 'major'),
      'overdueCount', count(*) filter (where s.overdue),
      ${single('id', sql`min(s.id::text)`)}, ${single('title', sql`min(s.title)`)},
      ${single('severity', sql`min(s.severity)`)})`,
  },
  {
    name: 'enterprises',
    summary: 'Enterprises (企业): clusters up to zoom 8, then each enterprise by industry',
    query: omitTileBounds(enterpriseListQuery),
    from: enterpriseListFrom,
    bareFrom: sql`enterprises t`,
    where: (actor, q) => enterpriseListWhere(actor, q as never),
    properties: sql`jsonb_build_object('id', t.id, 'name', t.name, 'industry', t.industry,
      'employees', t.employees, 'regionCode', t.region_code)`,
    clusterInputs: sql`t.id, t.name, t.industry`,
    clusterProperties: sql`jsonb_build_object('cluster', true, 'point_count', count(*),
      ${single('id', sql`min(s.id::text)`)}, ${single('name', sql`min(s.name)`)},
      ${single('industry', sql`min(s.industry)`)})`,
  },
]
