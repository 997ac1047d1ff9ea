import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SseReader } from '../../routes/events/sse-client.ts'
import { openTestContext, type TestContext } from '../test-database.ts'
import { type Caller, matrixCallers, MatrixRecords } from './matrix-fixtures.ts'

// The stream cell of the matrix: every role of 西安 gets 西安's events and never 榆林's.
let t: TestContext
let callers: Caller[]
let records: MatrixRecords
beforeAll(async () => {
  t = await openTestContext()
  callers = await matrixCallers(t)
  records = await MatrixRecords.open(t)
}, 120_000)
afterAll(async () => {
  await t?.close()
})

describe('GET /api/events across jurisdictions', () => {
  it('every role receives the in-scope change and not the one outside, sent before it', async () => {
    const streams = await Promise.all(
      callers.map(async (caller) => {
        const res = await t.app.request('/api/events', { headers: { cookie: caller.cookie } })
        expect(res.status).toBe(200)
        // The route subscribes to the hub before it answers: the stream is live from here.
        return { caller, reader: new SseReader(res.body!) }
      }),
    )
    // Ids are delivered in commit order, so once the later in-scope event has arrived the
    // earlier outside one would have arrived too, had it leaked.
    const outside = await records.incident('out')
    const inside = await records.incident('in')
    for (const { caller, reader } of streams) {
      await reader.until((m) => m.data.includes(inside.id), 10_000)
      const leaked = reader.received.filter((m) => m.data.includes(outside.id))
      expect(leaked, caller.role).toEqual([])
      await reader.close()
    }
  })
})
