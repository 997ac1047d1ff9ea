import { api } from './server-process.ts'

/** 陕西 and the cities whose boxes the reads pan over (WGS84, minLng,minLat,maxLng,maxLat). */
const SHAANXI = '105.4,31.6,111.3,39.6'
const CITY_BOXES = [
  '108.6,34.0,109.3,34.5', // 西安
  '109.2,37.8,110.4,38.8', // 榆林
  '107.0,34.2,108.0,34.6', // 宝鸡
  '109.3,34.4,110.2,35.0', // 渭南
  '108.5,34.3,109.0,34.8', // 咸阳
]
const QUERIES = ['西安', '化工', '储罐', '矿', '榆林', '加油', '仓库', '燃气']

export type Kind = 'list' | 'search' | 'incidents' | 'write'

/** Of every 20 requests: 8 bbox lists, 4 searches, 3 incident lists, 5 versioned PATCHes. */
const MIX: Kind[] = [
  ...Array<Kind>(8).fill('list'),
  ...Array<Kind>(4).fill('search'),
  ...Array<Kind>(3).fill('incidents'),
  ...Array<Kind>(5).fill('write'),
]

export interface Sample {
  kind: Kind
  ms: number
  status: number
}

export interface Load {
  /** Completed requests since the last call (the caller buckets them per window). */
  take(): Sample[]
  /** Requests not sent because MAX_IN_FLIGHT were still open (the server fell behind). */
  readonly skipped: number
  stop(): Promise<void>
}

/** Beyond this many open requests the load generator skips a tick instead of piling on. */
const MAX_IN_FLIGHT = 64

/**
 * Open-loop load at a fixed rate: one request every 1000/rate ms whatever the answers take,
 * so a server that slows down shows it in latency instead of being offered less work. Writes
 * PATCH a pool of hazard sources with the version of their last answer, one request per
 * record at a time, so none is refused as stale.
 */
export async function startLoad(url: string, cookie: string, rate: number): Promise<Load> {
  const list = await api<{ features: { id: string }[] }>(
    url,
    cookie,
    'GET',
    `/api/hazard-sources?bbox=${SHAANXI}&limit=50`,
  )
  if (list.status !== 200) throw new Error(`soak: hazard list → ${list.status}`)
  const pool: { id: string; version: number; busy: boolean }[] = []
  for (const f of list.body.features) {
    const detail = await api<{ version: number }>(url, cookie, 'GET', `/api/hazard-sources/${f.id}`)
    pool.push({ id: f.id, version: detail.body.version, busy: false })
  }

  let samples: Sample[] = []
  let inFlight = 0
  let skipped = 0
  let tick = 0
  const open = new Set<Promise<void>>()

  const request = async (kind: Kind, i: number): Promise<number> => {
    if (kind === 'list') {
      const box = i % 10 === 0 ? SHAANXI : CITY_BOXES[i % CITY_BOXES.length]!
      const path = i % 2 ? 'hazard-sources' : 'resources'
      return (await api(url, cookie, 'GET', `/api/${path}?bbox=${box}`)).status
    }
    if (kind === 'search') {
      const q = encodeURIComponent(QUERIES[i % QUERIES.length]!)
      return (await api(url, cookie, 'GET', `/api/search?q=${q}`)).status
    }
    if (kind === 'incidents') return (await api(url, cookie, 'GET', '/api/incidents')).status
    const record = pool.find((r, j) => !r.busy && j >= i % pool.length) ?? pool.find((r) => !r.busy)
    if (!record) return -1
    record.busy = true
    try {
      const res = await api<{ version?: number }>(
        url,
        cookie,
        'PATCH',
        `/api/hazard-sources/${record.id}`,
        { version: record.version, peopleWithin500m: 20 + (i % 300) },
      )
      if (res.status === 200 && res.body.version) record.version = res.body.version
      return res.status
    } finally {
      record.busy = false
    }
  }

  const fire = () => {
    const i = tick++
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped += 1
      return
    }
    const kind = MIX[i % MIX.length]!
    inFlight += 1
    const t0 = performance.now()
    const p: Promise<void> = request(kind, i)
      .catch(() => 0)
      .then((status) => {
        if (status !== -1) samples.push({ kind, ms: performance.now() - t0, status })
      })
      .finally(() => {
        inFlight -= 1
        open.delete(p)
      })
    open.add(p)
  }
  const timer = setInterval(fire, 1000 / rate)

  return {
    take() {
      const taken = samples
      samples = []
      return taken
    },
    get skipped() {
      return skipped
    },
    async stop() {
      clearInterval(timer)
      await Promise.all(open)
    },
  }
}

export interface Subscribers {
  /** Events received and their delay from commit (the row's `at`) to arrival, since last call. */
  take(): { events: number; lagMs: number[]; reconnects: number }
  stop(): void
}

/**
 * `count` live /api/events streams, as a hall of screens would hold. A stream that ends is
 * reopened with Last-Event-ID, as EventSource does, and counted as a reconnect.
 */
export function subscribe(url: string, cookie: string, count: number): Subscribers {
  const abort = new AbortController()
  let events = 0
  let reconnects = 0
  let lagMs: number[] = []

  const stream = async () => {
    let lastId = ''
    while (!abort.signal.aborted) {
      try {
        const res = await fetch(`${url}/api/events`, {
          headers: { cookie, ...(lastId ? { 'last-event-id': lastId } : {}) },
          signal: abort.signal,
        })
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = block.split('\n').find((l) => l.startsWith('data: '))
            const id = block.split('\n').find((l) => l.startsWith('id: '))
            if (id) lastId = id.slice(4)
            if (!data || !id) continue
            events += 1
            const at = Date.parse((JSON.parse(data.slice(6)) as { at?: string }).at ?? '')
            if (Number.isFinite(at)) lagMs.push(Date.now() - at)
          }
        }
      } catch {
        // Aborted at the end, or the connection dropped: reopen below unless stopping.
      }
      if (abort.signal.aborted) return
      reconnects += 1
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
  for (let i = 0; i < count; i++) void stream()

  return {
    take() {
      const taken = { events, lagMs, reconnects }
      events = 0
      lagMs = []
      reconnects = 0
      return taken
    },
    stop: () => abort.abort(),
  }
}
