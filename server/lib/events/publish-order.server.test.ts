import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../../test/test-database.ts'
import { publishEvent, type DomainEvent } from './publish.ts'

/*
 * Event ids must become visible in increasing order, or a client resuming with
 * Last-Event-ID could skip an id that committed after a larger one. Only a server has
 * concurrent transactions (the embedded engine runs one at a time), hence `.server.test.ts`.
 */

let t: TestContext
beforeAll(async () => {
  t = await openTestContext()
})
afterAll(async () => {
  await t?.close()
})

const ping: DomainEvent = {
  type: 'test.order',
  regionCode: '610113',
  entity: 'test',
  entityId: 'x',
}

describe('event ids in commit order', () => {
  it('a second writer takes its id only after the first writer commits', async () => {
    let releaseFirst!: () => void
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve))
    let firstId = 0
    let firstPublished!: () => void
    const published = new Promise<void>((resolve) => (firstPublished = resolve))
    const first = t.database.db.transaction(async (tx) => {
      firstId = await publishEvent(tx, ping)
      firstPublished()
      await firstMayCommit
    })
    await published

    let secondId = 0
    const second = t.database.db.transaction(async (tx) => {
      secondId = await publishEvent(tx, ping)
    })
    await new Promise((r) => setTimeout(r, 400))
    expect(secondId).toBe(0) // still waiting behind the open first transaction

    releaseFirst()
    await first
    await second
    expect(secondId).toBeGreaterThan(firstId)
  })
})
