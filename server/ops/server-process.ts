import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { demoAccounts } from '../../data/accounts/demo-accounts.ts'
import { repoRoot } from '../lib/paths.ts'

/**
 * The real server as a child process, for the reliability suite and the soak: the same
 * `server/main.ts` production runs, so signals, sockets and the engine's files behave as in
 * production. It is started with `node --import tsx` rather than `npx tsx` so the pid is the
 * server's own: a SIGKILL then hits the server, not a wrapper that leaves it orphaned.
 */
export interface ServerProcess {
  url: string
  pid: number
  child: ChildProcess
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** What the process wrote to stderr and stdout (last 20 kB), for failure messages. */
  output(): string
}

export interface EngineTarget {
  /** Set for the server engine; otherwise the embedded engine under `dataDir`. */
  databaseUrl?: string
  dataDir?: string
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startServerProcess(
  target: EngineTarget,
  options: {
    port?: number
    readyTimeoutMs?: number
    preload?: string[]
    logLevel?: string
    /** `server/start.ts` for `npm start` itself (builds, WORKERS); `server/main.ts` by default. */
    entry?: string
    /** More environment, e.g. WORKERS. */
    env?: NodeJS.ProcessEnv
  } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED: 'demo',
    LOG_LEVEL: options.logLevel ?? 'silent',
    ...options.env,
  }
  // An inherited DATABASE_URL would silently switch an embedded run to the server engine;
  // `env: { X: undefined }` likewise removes an inherited X.
  delete env.DATABASE_URL
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key]
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl
  if (target.dataDir) env.DATA_DIR = target.dataDir
  const preload = (options.preload ?? []).flatMap((file) => ['--import', file])
  const entry = options.entry ?? 'server/main.ts'
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, entry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const url = `http://127.0.0.1:${port}`
  const server: ServerProcess = { url, pid: child.pid ?? -1, child, exited, output: () => output }
  await waitReady(server, options.readyTimeoutMs ?? 180_000)
  return server
}

async function waitReady(server: ServerProcess, timeoutMs: number): Promise<void> {
  let gone = false
  void server.exited.then(() => (gone = true))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before it was ready:\n${server.output()}`)
    try {
      const res = await fetch(`${server.url}/api/health`)
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  server.child.kill('SIGKILL')
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`)
}

/** Signs in a demo account over HTTP; returns the session cookie (`name=value`). */
export async function signInCookie(url: string, username: string): Promise<string> {
  const account = demoAccounts.find((a) => a.username === username)
  if (!account) throw new Error(`no demo account ${username}`)
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  })
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

/** A JSON request with the session cookie; never throws on an HTTP status, only on transport. */
export async function api<T = unknown>(
  url: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // Not JSON: keep the text for the message.
  }
  return { status: res.status, body: parsed as T }
}
