import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { PbfReader } from 'pbf'
import { VectorTile } from '@mapbox/vector-tile'
import { demoAccounts } from '../../../data/accounts/demo-accounts.ts'
import { READ_APPLICATION_NAME } from '../../db/open-read-replica.ts'
import { uniqueName } from '../../test/fixtures.ts'
import { replicaCaughtUp, resumeReplay, whileReplayPaused } from '../../test/replica.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { WRITTEN_AT_COOKIE } from './read-after-write.ts'

/*
 * READ_DATABASE_URL against a real streaming replica (.ci/replica.sh: 127.0.0.1:5433, a
 * pg_basebackup of the 5432 cluster). Runs only when READ_DATABASE_URL is set (vite.config.ts;
 * .ci/run sets it). Which database answered is shown, not assumed: WAL replay on the replica
 * is paused, the primary changed behind it, and a read that shows the old value came from the
 * replica, one that shows the new value from the primary.
 */

let t: TestContext
beforeAll(async () => {
  t = await openTestContext({ replica: true })
})
afterAll(async () => {
  // Never leave the shared replica paused, whatever failed.
  await resumeReplay().catch(() => {})
  await t?.close()
})

/** A browser: keeps every cookie the server sets (session and read-after-write stamp). */
class Browser {
  readonly cookies = new Map<string, string>()
  /** The read-after-write cookie as each answer left it: set, cleared, or untouched. */
  lastStamp: 'set' | 'cleared' | 'none' = 'none'

  async send(method: string, path: string, body?: unknown) {
    const res = await t.app.request(path, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    this.lastStamp = 'none'
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, value] = pair!.split('=') as [string, string]
      const gone = /max-age=0/i.test(line) || value === ''
      if (gone) this.cookies.delete(name)
      else this.cookies.set(name, value)
      if (name === WRITTEN_AT_COOKIE) this.lastStamp = gone ? 'cleared' : 'set'
    }
    const text = await res.text()
    return { status: res.status, text, json: () => JSON.parse(text) as unknown }
  }

  static async signIn(username: string): Promise<Browser> {
    const browser = new Browser()
    const account = demoAccounts.find((a) => a.username === username)!
    const res = await browser.send('POST', '/api/auth/login', {
      username,
      password: account.password,
    })
    expect(res.status).toBe(200)
    return browser
  }
}

interface Source {
  id: string
  name: string
  version: number
  lng: number
  lat: number
}

async function aHazardSource(): Promise<Source> {
  const r = await t.database.db.execute(sql`select id, name, version,
      ST_X(location) as lng, ST_Y(location) as lat
    from hazard_sources where region_code like '610113%' and retired_at is null
    order by id limit 1`)
  return r.rows[0] as unknown as Source
}

/** What each map read says the source is called, read as `browser`. */
async function mapReads(browser: Browser, s: Source, probe: string) {
  const d = 0.01
  const bbox = [s.lng - d, s.lat - d, s.lng + d, s.lat + d].join(',')
  const list = (await browser.send('GET', `/api/hazard-sources?bbox=${bbox}`)).json() as {
    features: { id?: string; properties: { id?: string; name: string } }[]
  }
  const listed = list.features.find((f) => (f.id ?? f.properties.id) === s.id)
  const found = (await browser.send('GET', `/api/search?q=${encodeURIComponent(probe)}`)).json()
  const near = (await browser
    .send('GET', `/api/nearby?lng=${s.lng}&lat=${s.lat}&radiusKm=0.5`)
    .then((r) => r.json())) as { items: { id: string; name: string }[] }
  return {
    list: listed?.properties.name,
    search: (found as { id: string }[]).some((hit) => hit.id === s.id),
    tile: await tileName(browser, s),
    nearby: near.items.find((i) => i.id === s.id)?.name,
  }
}

async function tileName(browser: Browser, s: Source): Promise<string | undefined> {
  const z = 16
  const n = 2 ** z
  const rad = (s.lat * Math.PI) / 180
  const x = Math.floor(((s.lng + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
  const res = await t.app.request(`/tiles/registry/hazard-sources/${z}/${x}/${y}.pbf`, {
    headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  })
  expect(res.status).toBe(200)
  const layer = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers[
    'hazard-sources'
  ]!
  for (let i = 0; i < layer.length; i++) {
    const props = layer.feature(i).properties
    if (props.id === s.id) return String(props.name)
  }
  return undefined
}

async function nameOn(database: 'primary' | 'replica', id: string): Promise<string> {
  const handle = database === 'primary' ? t.database : t.replica!
  const r = await handle.db.execute(sql`select name from hazard_sources where id = ${id}`)
  return (r.rows[0] as { name: string }).name
}

describe('map reads on a streaming replica (READ_DATABASE_URL)', () => {
  it('the read handle is a standby reached as jinan-read; the primary is not in recovery', async () => {
    const standby = async (db: TestContext['database']) =>
      ((await db.db.execute(sql`select pg_is_in_recovery() as r`)).rows[0] as { r: boolean }).r
    expect(await standby(t.replica!)).toBe(true)
    expect(await standby(t.database)).toBe(false)
    const r = await t.replica!.db.execute(sql`select count(*)::int as n from pg_stat_activity
      where application_name = ${READ_APPLICATION_NAME} and pid = pg_backend_pid()`)
    expect((r.rows[0] as { n: number }).n).toBe(1)
  })

  it('lists, tiles, search and nearby of a session that has not written come from the replica', async () => {
    const reader = await Browser.signIn('shaanxi')
    const s = await aHazardSource()
    const probe = uniqueName('复制探针')
    await whileReplayPaused(t.database, async () => {
      // Changed on the primary only: the paused replica cannot have it.
      await t.database.db.execute(sql`update hazard_sources set name = ${probe} where id = ${s.id}`)
      expect(await nameOn('primary', s.id)).toBe(probe)
      expect(await nameOn('replica', s.id)).toBe(s.name)

      expect(await mapReads(reader, s, probe)).toEqual({
        list: s.name,
        search: false,
        tile: s.name,
        nearby: s.name,
      })
    })

    // Once replayed, the same reads show the change: the replica was answering all along.
    await replicaCaughtUp(t.database)
    expect(await mapReads(reader, s, probe)).toEqual({
      list: probe,
      search: true,
      tile: probe,
      nearby: probe,
    })
  })

  it('a session that writes reads its write at once (primary) while others read the lagging replica', async () => {
    const writer = await Browser.signIn('yanta')
    const reader = await Browser.signIn('shaanxi')
    const s = await aHazardSource()
    const written = uniqueName('写后读')
    await whileReplayPaused(t.database, async () => {
      const patch = await writer.send('PATCH', `/api/hazard-sources/${s.id}`, {
        version: s.version,
        name: written,
      })
      expect(patch.status, patch.text).toBe(200)
      expect(writer.lastStamp).toBe('set')
      // Writes go to the primary: committed there, absent from the replica.
      expect(await nameOn('primary', s.id)).toBe(written)
      expect(await nameOn('replica', s.id)).toBe(s.name)

      const mine = await mapReads(writer, s, written)
      expect(mine).toEqual({ list: written, search: true, tile: written, nearby: written })
      // The stamp stays while the replica is behind: the next read still goes to the primary.
      expect(writer.lastStamp).toBe('none')
      expect(writer.cookies.has(WRITTEN_AT_COOKIE)).toBe(true)
      const theirs = await mapReads(reader, s, written)
      expect(theirs).toEqual({ list: s.name, search: false, tile: s.name, nearby: s.name })
    })

    await replicaCaughtUp(t.database)
    // The replica has the write: the stamp is cleared and the writer reads the replica again.
    await writer.send('GET', `/api/search?q=${encodeURIComponent(written)}`)
    expect(writer.lastStamp).toBe('cleared')
    expect(writer.cookies.has(WRITTEN_AT_COOKIE)).toBe(false)
    const later = uniqueName('主库独有')
    await whileReplayPaused(t.database, async () => {
      await t.database.db.execute(sql`update hazard_sources set name = ${later} where id = ${s.id}`)
      expect((await mapReads(writer, s, later)).list).toBe(written)
    })
  })
})
