import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sql } from 'drizzle-orm'
import { demoAccounts } from '../../../data/accounts/demo-accounts.ts'
import { createApp } from '../../app.ts'
import { EventHub, type StreamEvent } from '../../lib/events/hub.ts'
import { publishEvent } from '../../lib/events/publish.ts'
import { repoRoot } from '../../lib/paths.ts'
import { places, testUscc, uniqueName } from '../../test/fixtures.ts'
import { withDatabase } from '../../test/template.ts'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { SseReader, type SseMessage } from './sse-client.ts'

type Fetcher = (path: string, init?: RequestInit) => Promise<Response>

let t: TestContext
let hub: EventHub
let app: ReturnType<typeof createApp>
let local: Fetcher
const cookies: Record<string, string> = {}
const readers: SseReader[] = []

async function login(fetcher: Fetcher, username: string): Promise<string> {
  const account = demoAccounts.find((a) => a.username === username)!
  const res = await fetcher('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  })
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

async function subscribe(
  fetcher: Fetcher,
  cookie: string,
  headers: Record<string, string> = {},
  query = '',
) {
  const res = await fetcher(`/api/events${query}`, { headers: { cookie, ...headers } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const reader = new SseReader(res.body!)
  readers.push(reader)
  return reader
}

async function createEnterprise(
  fetcher: Fetcher,
  cookie: string,
  location: [number, number],
  region: string,
) {
  const res = await fetcher('/api/enterprises', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: uniqueName('事件测试企业'),
      uscc: testUscc(region),
      industry: '危险化学品',
      address: '测试地址',
      location,
      employees: 10,
    }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

const parse = (m: SseMessage) => JSON.parse(m.data) as StreamEvent
const about = (entityId: string) => (m: SseMessage) =>
  m.event !== 'reset' && parse(m).entityId === entityId

beforeAll(async () => {
  t = await openTestContext()
  hub = new EventHub(t.database)
  app = createApp({ database: t.database, events: hub })
  local = async (path, init) => app.request(path, init)
  for (const u of ['yanta', 'yuyang', 'shaanxi']) cookies[u] = await login(local, u)
})
afterAll(async () => {
  await Promise.all(readers.map((r) => r.close()))
  await hub?.stop()
  await t?.close()
})

describe('GET /api/events', () => {
  it('refuses an anonymous client', async () => {
    const res = await app.request('/api/events')
    expect(res.status).toBe(401)
  })

  it('is described in the OpenAPI document as an event stream with its resume header', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[]; responses: object } }>
    }
    const get = doc.paths['/api/events']?.get
    expect(get?.responses).toHaveProperty(['200', 'content', 'text/event-stream'])
    expect(get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['last-event-id', 'lastEventId']),
    )
  })

  it('filters by jurisdiction: 榆阳 does not hear 雁塔, the province hears both', async () => {
    const yuyang = await subscribe(local, cookies.yuyang!)
    const shaanxi = await subscribe(local, cookies.shaanxi!)
    const xianId = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    const yulinId = await createEnterprise(local, cookies.yuyang!, places.yuyang, '610802')

    const seen = await shaanxi.until(about(xianId))
    expect(seen.message.event).toBe('registry.changed')
    expect(seen.message.id).toBe(String(parse(seen.message).id))
    expect(parse(seen.message)).toMatchObject({
      type: 'registry.changed',
      regionCode: '610113',
      entity: 'enterprise',
      entityId: xianId,
      payload: { action: 'create', version: 1 },
    })
    await shaanxi.until(about(yulinId))

    // The 榆林 event was published after the 西安 one, and each stream is in id order.
    const own = await yuyang.until(about(yulinId))
    expect(parse(own.message).regionCode).toBe('610802')
    expect(own.skipped.map((m) => parse(m).entityId)).not.toContain(xianId)
    for (const m of [...own.skipped, own.message]) expect(parse(m).regionCode).toMatch(/^610802/)
  })

  it('resumes after Last-Event-ID with exactly the missed events, then goes live', async () => {
    const first = await subscribe(local, cookies.shaanxi!)
    const a = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    const seenA = (await first.until(about(a))).message
    await first.close()

    const b = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    const c = await createEnterprise(local, cookies.yuyang!, places.yuyang, '610802')
    const resumed = await subscribe(local, cookies.shaanxi!, { 'last-event-id': seenA.id! })
    const replayB = await resumed.next()
    const replayC = await resumed.next()
    expect([parse(replayB).entityId, parse(replayC).entityId]).toEqual([b, c])
    expect(Number(replayB.id)).toBeGreaterThan(Number(seenA.id))

    const d = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    const live = await resumed.next()
    expect(parse(live).entityId).toBe(d)
    const ids = resumed.received.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)

    // The query-string form (for EventSource polyfills without headers) replays the same.
    const viaQuery = await subscribe(local, cookies.shaanxi!, {}, `?lastEventId=${seenA.id}`)
    expect((await viaQuery.next()).id).toBe(replayB.id)
    await Promise.all([resumed.close(), viaQuery.close()])
  })

  it('a rolled-back write publishes nothing', async () => {
    const stream = await subscribe(local, cookies.shaanxi!)
    const ghost = `ghost-${Date.now()}`
    await expect(
      t.database.db.transaction(async (tx) => {
        await publishEvent(tx, {
          type: 'registry.changed',
          regionCode: '610113',
          entity: 'enterprise',
          entityId: ghost,
        })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const real = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    const { skipped } = await stream.until(about(real))
    expect(skipped.map((m) => parse(m).entityId)).not.toContain(ghost)
    const stored = await t.database.db.execute(
      sql`select count(*)::int as n from events where entity_id = ${ghost}`,
    )
    expect((stored.rows[0] as { n: number }).n).toBe(0)
    await stream.close()
  })

  it('a resource status change publishes resource.status as well', async () => {
    const stream = await subscribe(local, cookies.shaanxi!)
    const row = (
      await t.database.db.execute(
        sql`select id, version from resources where retired_at is null and status = 'available'
            and region_code like '61%' order by id limit 1`,
      )
    ).rows[0] as { id: string; version: number }
    const res = await local(`/api/resources/${row.id}`, {
      method: 'PATCH',
      headers: { cookie: cookies.shaanxi!, 'content-type': 'application/json' },
      body: JSON.stringify({ version: row.version, status: 'dispatched' }),
    })
    expect(res.status).toBe(200)
    const changed = await stream.until(about(row.id))
    expect(parse(changed.message).payload).toEqual({ action: 'update', version: row.version + 1 })
    const status = await stream.next()
    expect(status.event).toBe('resource.status')
    expect(parse(status)).toMatchObject({
      entity: 'resource',
      entityId: row.id,
      payload: { status: 'dispatched', previous: 'available' },
    })
    await stream.close()
  })

  it('drops a subscriber that cannot keep up, and only that one', async () => {
    const slow = { scopePrefix: '', deliver: () => false, dropped: vi.fn() }
    const fast: StreamEvent[] = []
    hub.subscribe(slow)
    const unsubscribe = hub.subscribe({ scopePrefix: '61', deliver: (e) => fast.push(e) > 0 })
    const id = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    await vi.waitFor(() => expect(fast.map((e) => e.entityId)).toContain(id), { timeout: 10_000 })
    expect(slow.dropped).toHaveBeenCalledWith('overloaded')
    unsubscribe()
  })

  it('sends event: reset when too much was missed to replay', async () => {
    const before = await t.database.db.execute(
      sql`select coalesce(max(id), 0)::int as id from events`,
    )
    const from = (before.rows[0] as { id: number }).id
    await t.database.db.execute(sql`
      insert into events (type, region_code, entity, entity_id)
      select 'registry.changed', '610113', 'enterprise', 'bulk-' || g
      from generate_series(1, 1001) as g`)
    const stream = await subscribe(local, cookies.shaanxi!, { 'last-event-id': String(from) })
    const reset = await stream.next()
    expect(reset.event).toBe('reset')
    expect(Number(reset.id)).toBeGreaterThanOrEqual(from + 1001)
    await stream.close()
  })
})

describe('several API processes on one database', () => {
  if (!process.env.DATABASE_URL) {
    // PGlite is an in-process database: a second process cannot open the same data directory
    // while this one holds it, so "several processes" means several hubs on one Database here.
    it('two hubs on one embedded database both deliver', async () => {
      const otherHub = new EventHub(t.database)
      const other = createApp({ database: t.database, events: otherHub })
      const otherFetch: Fetcher = async (path, init) => other.request(path, init)
      try {
        const s1 = await subscribe(local, cookies.shaanxi!)
        const s2 = await subscribe(otherFetch, cookies.shaanxi!)
        const id = await createEnterprise(otherFetch, cookies.yanta!, places.yanta, '610113')
        const [m1, m2] = await Promise.all([s1.until(about(id)), s2.until(about(id))])
        expect(m1.message.id).toBe(m2.message.id)
        await Promise.all([s1.close(), s2.close()])
      } finally {
        await otherHub.stop()
      }
    })
    return
  }

  let child: ChildProcess | undefined
  let remote: Fetcher
  beforeAll(async () => {
    const name = (
      (await t.database.db.execute(sql`select current_database() as name`)).rows[0] as {
        name: string
      }
    ).name
    const port = await freePort()
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: withDatabase(process.env.DATABASE_URL!, name),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('second server did not start')), 60_000)
      let log = ''
      const onData = (chunk: Buffer) => {
        log += chunk.toString()
        if (log.includes('ready at')) {
          clearTimeout(timer)
          resolve()
        }
      }
      child!.stdout!.on('data', onData)
      child!.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
      child!.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`second server exited ${code}: ${log}`))
      })
    })
    remote = (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init)
  }, 90_000)
  afterAll(async () => {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  })

  it('a second real server process delivers the same events as this one', async () => {
    const remoteCookie = await login(remote, 'shaanxi')
    const here = await subscribe(local, cookies.shaanxi!)
    const there = await subscribe(remote, remoteCookie)
    const localWrite = await createEnterprise(local, cookies.yanta!, places.yanta, '610113')
    const remoteWrite = await createEnterprise(
      remote,
      await login(remote, 'yuyang'),
      places.yuyang,
      '610802',
    )
    for (const id of [localWrite, remoteWrite]) {
      const [a, b] = await Promise.all([here.until(about(id)), there.until(about(id))])
      expect(a.message.data).toBe(b.message.data)
    }
    await Promise.all([here.close(), there.close()])
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
