import { sql, type SQL } from 'drizzle-orm'

/**
 * Substring search over Chinese text. Chinese has no spaces to tokenise on, so full-text
 * dictionaries do not help; a case-insensitive substring match per whitespace-separated term
 * (all terms must match some column) is what a user typing "西安 化工" expects.
 */
export function textSearch(q: string, columns: SQL[]): SQL {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 5)
  const escaped = (t: string) => '%' + t.replace(/[\\%_]/g, (m) => '\\' + m) + '%'
  return sql.join(
    terms.map(
      (term) =>
        sql`(${sql.join(
          columns.map((c) => sql`${c} ilike ${escaped(term)}`),
          sql` or `,
        )})`,
    ),
    sql` and `,
  )
}
