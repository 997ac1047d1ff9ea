import { sql, type SQL } from 'drizzle-orm'

/**
 * "Today" for deadlines is the calendar day in China (UTC+8), whatever time zone the database
 * session runs in: a deadline of the 28th is missed at midnight Beijing time, not 08:00.
 */
export const todayInChina = sql`(now() at time zone 'Asia/Shanghai')::date`

/** Overdue (逾期) at read time: not verified or closed, and the deadline day has passed. */
export const overdueSql = (alias: string) =>
  sql`(${sql.raw(alias)}.status not in ('verified', 'closed') and ${sql.raw(alias)}.deadline < ${todayInChina})`

export type { SQL }
