import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { summarise, type Summary } from '../../bench/lib/stats.ts'
import { repoRoot } from '../lib/paths.ts'
import { adminQuery, withDatabase } from '../test/template.ts'
import { signInCookie, startServerProcess, type ServerProcess } from './server-process.ts'
import { startLoad, subscribe, type Sample } from './soak-load.ts'

/**
 * `npm run soak`: a bounded mixed load on localhost for SOAK_MINUTES (default 10), sampling
 * the server's memory and the latency every SOAK_SAMPLE_SECONDS (30). What it answers: does
 * memory level off or keep climbing (the least-squares slope in MiB/min), and do latencies
 * hold. It starts its own server on a fresh database (DATABASE_URL: a new database on that
 * server; else a new embedded folder), or targets SOAK_URL (memory then from SOAK_PID by ps).
 */
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`)
  return v
}
const minutes = num('SOAK_MINUTES', 10)
const rate = num('SOAK_RATE', 20)
const subscriberCount = Math.round(num('SOAK_SUBSCRIBERS', 20))
const sampleSeconds = num('SOAK_SAMPLE_SECONDS', 30)
const log = (line: string) => console.log(`[soak] ${line}`)

interface MemorySample {
  rssMiB: number
  heapUsedMiB?: number
  heapTotalMiB?: number
  externalMiB?: number
  eventLoopP99Ms?: number
}

interface Window extends MemorySample {
  atSeconds: number
  requests: number
  errors: number
  latency: Summary
  readLatency: Summary
  writeLatency: Summary
  sseEvents: number
  sseLagMs: Summary
  sseReconnects: number
}

const MiB = 2 ** 20
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits

/** Asks the preloaded probe over IPC; without one (SOAK_URL), RSS from ps. */
async function sampleMemory(server: ServerProcess | null, pid: number | null) {
  if (server) {
    const reply = await new Promise<{
      memory: NodeJS.MemoryUsage
      eventLoopP99Ms: number
    } | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5_000)
      server.child.once('message', (m) => {
        clearTimeout(timer)
        resolve(m as never)
      })
      server.child.send('memory?')
    })
    if (reply) {
      return {
        rssMiB: round(reply.memory.rss / MiB),
        heapUsedMiB: round(reply.memory.heapUsed / MiB),
        heapTotalMiB: round(reply.memory.heapTotal / MiB),
        externalMiB: round((reply.memory.external + reply.memory.arrayBuffers) / MiB),
        eventLoopP99Ms: round(reply.eventLoopP99Ms),
      }
    }
  }
  if (pid === null) return null
  const kib = Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
      .toString()
      .trim(),
  )
  return { rssMiB: round(kib / 1024) }
}

/** Least-squares slope of y over x (MiB per minute when x is minutes). */
export function slope(points: [x: number, y: number][]): number {
  if (points.length < 2) return Number.NaN
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return sxx === 0 ? Number.NaN : sxy / sxx
}

// ---- start or attach ------------------------------------------------------------------------
let server: ServerProcess | null = null
let cleanup: () => Promise<void> = async () => {}
let url = process.env.SOAK_URL ?? ''
const started = new Date()
if (!url) {
  const base = process.env.DATABASE_URL
  let target: { databaseUrl?: string; dataDir?: string }
  if (base) {
    const name = `jinan_soak_${randomBytes(4).toString('hex')}`
    await adminQuery(base, `CREATE DATABASE ${name}`)
    target = { databaseUrl: withDatabase(base, name) }
    cleanup = () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  } else {
    mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
    const dataDir = mkdtempSync(join(repoRoot, '.tmp', 'soak-'))
    target = { dataDir }
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true })
  }
  log(`starting a server on a fresh ${base ? 'PostgreSQL database' : 'embedded database'}`)
  server = await startServerProcess(target, { preload: ['./server/ops/memory-probe.ts'] })
  url = server.url
}
const pid = server?.pid ?? (process.env.SOAK_PID ? Number(process.env.SOAK_PID) : null)
const health = (await (await fetch(`${url}/api/health`)).json()) as { engine: string }
const engine = health.engine
const cookie = await signInCookie(url, process.env.SOAK_USER ?? 'shaanxi')

log(
  `${engine} at ${url}: ${minutes} min, ${rate} req/s, ${subscriberCount} SSE subscribers, ` +
    `sample every ${sampleSeconds} s`,
)
const subscribers = subscribe(url, cookie, subscriberCount)
const load = await startLoad(url, cookie, rate)
const t0 = performance.now()
const windows: Window[] = []
const all: Sample[] = []
const baseline = await sampleMemory(server, pid)

const ms = (samples: Sample[]) => samples.map((s) => s.ms)
while ((performance.now() - t0) / 60_000 < minutes) {
  const left = minutes * 60_000 - (performance.now() - t0)
  await new Promise((r) => setTimeout(r, Math.min(sampleSeconds * 1000, left)))
  const samples = load.take()
  all.push(...samples)
  const sse = subscribers.take()
  const memory = (await sampleMemory(server, pid)) ?? { rssMiB: Number.NaN }
  const w: Window = {
    atSeconds: Math.round((performance.now() - t0) / 1000),
    ...memory,
    requests: samples.length,
    errors: samples.filter((s) => s.status < 200 || s.status >= 300).length,
    latency: summarise(ms(samples)),
    readLatency: summarise(ms(samples.filter((s) => s.kind !== 'write'))),
    writeLatency: summarise(ms(samples.filter((s) => s.kind === 'write'))),
    sseEvents: sse.events,
    sseLagMs: summarise(sse.lagMs),
    sseReconnects: sse.reconnects,
  }
  windows.push(w)
  log(
    `${w.atSeconds}s rss ${w.rssMiB} MiB heap ${w.heapUsedMiB ?? '—'} MiB · ${w.requests} req ` +
      `p50 ${round(w.latency.p50)} p95 ${round(w.latency.p95)} ms · ${w.errors} errors · ` +
      `${w.sseEvents} events`,
  )
}

await load.stop()
subscribers.stop()
let shutdown: { code: number | null; seconds: number } | null = null
if (server) {
  // A SIGTERM after the soak doubles as a drain check under a warm server.
  const tStop = performance.now()
  server.child.kill('SIGTERM')
  const exit = await server.exited
  shutdown = { code: exit.code, seconds: round((performance.now() - tStop) / 1000) }
  await cleanup()
}

// ---- report ---------------------------------------------------------------------------------
const points = (key: 'rssMiB' | 'heapUsedMiB', from = 0) =>
  windows
    .filter((w) => w.atSeconds >= from && Number.isFinite(w[key] ?? Number.NaN))
    .map((w) => [w.atSeconds / 60, w[key]!] as [number, number])
// The first minutes hold JIT warm-up, caches and pools filling: a leak is a slope after them.
const warm = Math.min(120, (minutes * 60) / 3)
const slopes = {
  rssMiBPerMin: round(slope(points('rssMiB')), 3),
  rssMiBPerMinAfterWarmup: round(slope(points('rssMiB', warm)), 3),
  heapUsedMiBPerMin: round(slope(points('heapUsedMiB')), 3),
  heapUsedMiBPerMinAfterWarmup: round(slope(points('heapUsedMiB', warm)), 3),
  warmupSeconds: warm,
}
const totals = {
  requests: all.length,
  errors: all.filter((s) => s.status < 200 || s.status >= 300).length,
  statuses: all.reduce<Record<string, number>>((acc, s) => {
    acc[s.status] = (acc[s.status] ?? 0) + 1
    return acc
  }, {}),
  skippedTicks: load.skipped,
  latency: summarise(ms(all)),
  byKind: Object.fromEntries(
    (['list', 'search', 'incidents', 'write'] as const).map((k) => [
      k,
      summarise(ms(all.filter((s) => s.kind === k))),
    ]),
  ),
  sseEvents: windows.reduce((n, w) => n + w.sseEvents, 0),
  sseReconnects: windows.reduce((n, w) => n + w.sseReconnects, 0),
}

const f = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : String(round(v)))
const header = [
  't (s)',
  'RSS MiB',
  'heap MiB',
  'req',
  'err',
  'p50 ms',
  'p95 ms',
  'write p95',
  'SSE ev',
  'SSE lag p95',
  'loop p99',
]
const rows = windows.map((w) => [
  String(w.atSeconds),
  f(w.rssMiB),
  f(w.heapUsedMiB),
  String(w.requests),
  String(w.errors),
  f(w.latency.p50),
  f(w.latency.p95),
  f(w.writeLatency.p95),
  String(w.sseEvents),
  f(w.sseLagMs.p95),
  f(w.eventLoopP99Ms),
])
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (cells: string[]) =>
  '| ' + cells.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |'
const table = [
  line(header),
  '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
  ...rows.map(line),
].join('\n')
console.log(
  `\n金安 Command soak — ${engine}, ${minutes} min at ${rate} req/s, ${subscriberCount} SSE subscribers\n`,
)
console.log(table)
console.log(
  `\nRSS slope ${slopes.rssMiBPerMin} MiB/min (after ${warm} s: ${slopes.rssMiBPerMinAfterWarmup}); ` +
    `heap slope ${slopes.heapUsedMiBPerMin} MiB/min (after ${warm} s: ${slopes.heapUsedMiBPerMinAfterWarmup})`,
)
console.log(
  `${totals.requests} requests, ${totals.errors} errors, p50 ${round(totals.latency.p50)} ms, ` +
    `p95 ${round(totals.latency.p95)} ms; ${totals.sseEvents} SSE events, ${totals.sseReconnects} reconnects` +
    (shutdown ? `; SIGTERM → exit ${shutdown.code} in ${shutdown.seconds} s` : ''),
)

// Full runs are results to keep (bench/results, beside the bench's); short ones go under .tmp.
const dir = minutes >= 10 ? join(repoRoot, 'bench', 'results') : join(repoRoot, '.tmp', 'soak')
mkdirSync(dir, { recursive: true })
const file = join(dir, `${started.toISOString().slice(0, 10)}-soak-${engine}.json`)
const report = {
  started: started.toISOString(),
  mode: 'soak',
  engine,
  config: {
    minutes,
    rate,
    subscribers: subscriberCount,
    sampleSeconds,
    target: server ? 'spawned' : url,
  },
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  baseline,
  windows,
  slopes,
  totals,
  shutdown,
  table,
}
writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
console.log(`\nwritten ${file}`)
process.exit(totals.errors > 0 || (shutdown && shutdown.code !== 0) ? 1 : 0)
