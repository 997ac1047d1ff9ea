import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInMany, type ApiClient } from '../../test/client.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import type { SearchResult } from './search.schemas.ts'

interface Problem {
  title: string
  errors?: { field: string; message: string }[]
}

let t: TestContext
let yanta: ApiClient // county officer in 西安 雁塔区
let shaanxi: ApiClient // province
let yulinName: string
beforeAll(async () => {
  t = await openTestContext()
  ;[yanta, shaanxi] = await signInMany(t, 'yanta', 'shaanxi')
  const rows = await t.database.db.execute(sql`select name from enterprises
    where region_code like '6108%' and retired_at is null order by name limit 1`)
  yulinName = (rows.rows[0] as { name: string }).name
})
afterAll(async () => {
  await t?.close()
})

const find = (client: ApiClient, q: string, limit?: number) =>
  client.get<SearchResult[]>(
    `/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
  )

describe('search', () => {
  it('finds the region 西安市 (610100) by 西安, prefix matches first', async () => {
    const res = await find(yanta, '西安')
    expect(res.status).toBe(200)
    const region = res.body.find((r) => r.kind === 'region' && r.id === '610100')
    expect(region?.name).toBe('西安市')
    expect(region?.location).toHaveLength(2)
    expect(res.body[0]?.name.startsWith('西安')).toBe(true)
  })

  it('finds a 榆林 enterprise for the province, not for a 雁塔区 officer', async () => {
    const province = await find(shaanxi, yulinName)
    expect(province.status).toBe(200)
    const hit = province.body.find((r) => r.kind === 'enterprise' && r.name === yulinName)
    expect(hit).toBeDefined()
    expect(hit?.detail).toContain('·')
    const county = await find(yanta, yulinName)
    expect(county.status).toBe(200)
    expect(county.body.filter((r) => r.kind === 'enterprise')).toHaveLength(0)
  })

  it('returns at most `limit` results', async () => {
    const res = await find(shaanxi, '区', 3)
    expect(res.status).toBe(200)
    expect(res.body.length).toBeLessThanOrEqual(3)
  })

  it('refuses an empty or over-long q with 400 naming q', async () => {
    for (const q of ['', ' ', 'x'.repeat(51)]) {
      const res = await yanta.get<Problem>(`/api/search?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(400)
      expect(res.body.errors?.[0]?.field).toBe('q')
    }
    const missing = await yanta.get<Problem>('/api/search')
    expect(missing.status).toBe(400)
    expect(missing.body.errors?.[0]?.field).toBe('q')
  })
})
