import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'

export interface TableChecksum {
  rows: number
  /** md5 of every row's text form, in primary-key order. */
  md5: string
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Row count and content checksum of every table the application owns (schemas public and
 * drizzle; the tables an extension brings, like PostGIS's spatial_ref_sys, come back with the
 * extension). Two databases with equal results hold the same rows: this is how a restore is
 * compared with its source.
 */
export async function tableChecksums(database: Database): Promise<Record<string, TableChecksum>> {
  const tables = (
    await database.db.execute(sql`
      select s.nspname as schema, c.relname as name,
        (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
           from pg_index i
           cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
          where i.indrelid = c.oid and i.indisprimary) as pk
      from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where c.relkind in ('r', 'p') and s.nspname in ('public', 'drizzle')
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      order by 1, 2`)
  ).rows as { schema: string; name: string; pk: string | null }[]
  const result: Record<string, TableChecksum> = {}
  for (const t of tables) {
    // Without a primary key the row text itself is the order: still deterministic.
    const order = t.pk ?? 't::text'
    const r = await database.db.execute(
      sql.raw(`select count(*)::int as rows,
          md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as md5
        from ${quote(t.schema)}.${quote(t.name)} t`),
    )
    const row = r.rows[0] as { rows: number; md5: string }
    result[`${t.schema}.${t.name}`] = { rows: Number(row.rows), md5: row.md5 }
  }
  return result
}
