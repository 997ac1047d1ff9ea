import { parentPort, workerData } from 'node:worker_threads'
import { SseReader } from '../../server/routes/events/sse-client.ts'

/**
 * The SSE fan-out bench's clients, on a thread of their own: 1,000 streams' decoding and
 * JSON.parse are the clients' work, and in the server's thread they would count as the
 * server's latency. Receipt times are absolute (`performance.timeOrigin + now()`), so the
 * main thread compares them with its own send times.
 */
interface Input {
  base: string
  cookie: string
  clients: number
}
export type FromReaders =
  { type: 'connected' } | { type: 'receipts'; entityId: string; times: number[] }
export type ToReaders = { type: 'flush'; entityId: string } | { type: 'close' }

const { base, cookie, clients } = workerData as Input
const port = parentPort!
const receipts = new Map<string, number[]>()
const readers: SseReader[] = []
const send = (m: FromReaders) => port.postMessage(m)

for (let i = 0; i < clients; i++) {
  const res = await fetch(`${base}/api/events`, { headers: { cookie } })
  if (res.status !== 200 || !res.body) throw new Error(`SSE connect → ${res.status}`)
  const reader = new SseReader(res.body)
  reader.onMessage = (m) => {
    if (m.event !== 'registry.changed') return
    const at = performance.timeOrigin + performance.now()
    const { entityId } = JSON.parse(m.data) as { entityId: string }
    let list = receipts.get(entityId)
    if (!list) receipts.set(entityId, (list = []))
    list.push(at)
    if (list.length === clients) {
      receipts.delete(entityId)
      send({ type: 'receipts', entityId, times: list })
    }
  }
  readers.push(reader)
}
send({ type: 'connected' })

port.on('message', (m: ToReaders) => {
  if (m.type === 'flush') {
    send({ type: 'receipts', entityId: m.entityId, times: receipts.get(m.entityId) ?? [] })
    receipts.delete(m.entityId)
  } else {
    void Promise.all(readers.map((r) => r.close())).then(() => port.close())
  }
})
