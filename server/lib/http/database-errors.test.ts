import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { problemOfDatabaseError } from './database-errors.ts'

// Real errors from the engine of the run, not hand-made objects: the mapping must see the
// shape each driver (PGlite, node-postgres, through drizzle) really throws.
let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

async function errorOf(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.database.db.execute(query)
  } catch (error) {
    return error
  }
  throw new Error('the query did not fail')
}

describe('PostgreSQL data errors answer 4xx', () => {
  it.each([
    ['22P02 bad integer text', sql`select 'abc'::int`, 400],
    ['22003 integer out of range', sql`select 2147483648::int4`, 400],
    ['22021 NUL in text', sql`select convert_from('\\x00'::bytea, 'UTF8')`, 400],
    ['22008 date out of range', sql`select '2024-13-45'::date`, 400],
  ])('%s', async (_name, query, status) => {
    const problem = problemOfDatabaseError(await errorOf(query))
    expect(problem?.status).toBe(status)
    expect(problem?.errors?.[0]).toMatchObject({ field: 'body', code: 'invalid' })
    expect(problem?.detail).toContain('Nothing was changed')
  })

  it('names the column of a NOT NULL violation', async () => {
    const error = await errorOf(
      sql`insert into regions (code, name, level) values ('999999', null, 'county')`,
    )
    expect(problemOfDatabaseError(error)?.errors?.[0]).toMatchObject({ field: 'name' })
  })

  it('leaves other errors (a server fault) to the 500 path', async () => {
    expect(problemOfDatabaseError(await errorOf(sql`select * from no_such_table`))).toBeNull()
    expect(problemOfDatabaseError(new Error('boom'))).toBeNull()
  })
})
