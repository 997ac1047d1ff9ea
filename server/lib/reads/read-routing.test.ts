import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signIn } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { formatLsn, parseLsn } from './lsn.ts'
import { WRITTEN_AT_COOKIE } from './read-after-write.ts'

// Both engines: without READ_DATABASE_URL nothing about reads changes. The replica itself is
// exercised by read-replica.replica.test.ts (READ_DATABASE_URL, .ci/replica.sh).

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

describe('WAL positions (pg_lsn text)', () => {
  it('compare as 64-bit numbers, high half first, and print back as PostgreSQL does', () => {
    expect(parseLsn('0/FFFFFFFF')! < parseLsn('1/0')!).toBe(true)
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n)
    expect(formatLsn(parseLsn('16/b374d848')!)).toBe('16/B374D848')
    for (const junk of ['', '16', '16/', 'x/1', '1/2/3', '123456789/0', ' 1/0; drop'])
      expect(parseLsn(junk), junk).toBeNull()
  })
})

describe('reads without a replica', () => {
  it('a write is stamped with no read-after-write cookie and the next read sees it', async () => {
    const yanta = await signIn(t, 'yanta')
    const r = await t.database.db.execute(sql`select id, version from hazard_sources
      where region_code like '610113%' and retired_at is null order by id limit 1`)
    const s = r.rows[0] as { id: string; version: number }
    const res = await yanta.patch(`/api/hazard-sources/${s.id}`, {
      version: s.version,
      name: '无副本写后读',
    })
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie().some((c) => c.startsWith(WRITTEN_AT_COOKIE))).toBe(false)
    const found = await yanta.get<{ id: string }[]>('/api/search?q=无副本写后读')
    expect(found.body.map((f) => f.id)).toContain(s.id)
  })
})
