import { request, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { signInCookie, startServerProcess, type ServerProcess } from '../server-process.ts'
import { engineOfRun, freshDatabase, type RunDatabase } from './engine.ts'

let run: RunDatabase
let server: ServerProcess | null = null

beforeAll(async () => {
  run = await freshDatabase('sigterm')
  server = await startServerProcess(run.target)
})
afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL')
  await server?.exited
  await run?.dispose()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Resolves with the response, or rejects with the transport error (e.g. ECONNREFUSED). */
function responseOf(req: ReturnType<typeof request>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.once('response', resolve)
    req.once('error', reject)
  })
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => (text += chunk))
    res.once('end', () => resolve(text))
    res.once('error', reject)
  })
}

describe(`SIGTERM on the ${engineOfRun} engine`, () => {
  it('lets a slow in-flight request finish, ends SSE streams, refuses new connections, exits 0', async () => {
    const live = server!
    const { port } = new URL(live.url)
    const cookie = await signInCookie(live.url, 'shaanxi')
    // agent: false gives each request its own connection, as separate clients would have.
    const options = { host: '127.0.0.1', port, agent: false as const }

    const sse = request({ ...options, path: '/api/events', headers: { cookie } })
    sse.end()
    const stream = await responseOf(sse)
    expect(stream.statusCode).toBe(200)
    const streamText = readAll(stream)

    // The slow request: an incident report whose body arrives in two halves, 1.5 s apart,
    // with SIGTERM in between. It is in flight on the server from its headers on.
    const body = JSON.stringify({
      type: '火灾',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      location: [108.948, 34.213],
      deaths: 0,
      seriousInjuries: 0,
      reporterName: 'sigterm-drain',
    })
    const slow = request({
      ...options,
      method: 'POST',
      path: '/api/incidents',
      headers: {
        cookie,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        // Node answers 100 Continue as it hands the request to the app, so the client knows
        // the request is in flight on the server before the signal is sent.
        expect: '100-continue',
      },
    })
    const slowResponse = responseOf(slow)
    slow.flushHeaders()
    await new Promise((resolve) => slow.once('continue', resolve))
    const half = Math.floor(body.length / 2)
    slow.write(body.slice(0, half))
    await sleep(300)

    const signalled = performance.now()
    live.child.kill('SIGTERM')
    await sleep(500)

    // The open event stream is ended by the server, not left to block the shutdown.
    await expect(
      Promise.race([streamText, sleep(5_000).then(() => 'still open')]),
    ).resolves.toMatch(/^: connected/)
    // No new connections once draining.
    const late = request({ ...options, path: '/api/health' })
    late.end()
    await expect(responseOf(late)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(live.child.exitCode).toBeNull()

    await sleep(1_000)
    slow.end(body.slice(half))
    const res = await slowResponse
    const answer = JSON.parse(await readAll(res)) as { id: string; reporterName: string }
    expect(res.statusCode).toBe(201)
    expect(res.headers.connection).toBe('close')
    expect(answer.reporterName).toBe('sigterm-drain')

    expect(await live.exited).toEqual({ code: 0, signal: null })
    const seconds = (performance.now() - signalled) / 1000
    console.log(`[reliability] ${run.engine}: SIGTERM → exit 0 in ${seconds.toFixed(1)} s`)
    expect(seconds).toBeLessThan(10)

    // What it answered was committed, with its audit entry, before the database closed.
    const database = await run.open()
    try {
      const r = await database.db.execute(sql`
        select (select count(*)::int from incidents where id = ${answer.id}) as incidents,
               (select count(*)::int from audit_log where entity_id = ${answer.id}) as audits`)
      expect(r.rows[0]).toEqual({ incidents: 1, audits: 1 })
    } finally {
      await database.close()
    }
  })
})
