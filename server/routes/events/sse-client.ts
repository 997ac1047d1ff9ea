/** One parsed SSE message (comments and `retry:` lines are skipped). */
export interface SseMessage {
  id?: string
  event: string
  data: string
}

/**
 * A minimal incremental SSE reader over a response body, for tests and the bench: messages
 * are parsed as chunks arrive, and every wait is bounded by a timeout.
 */
export class SseReader {
  readonly received: SseMessage[] = []
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>
  private readonly decoder = new TextDecoder()
  private buffer = ''
  private waiters: (() => void)[] = []
  private cursor = 0
  ended = false
  /** Called for each message as it is parsed (the bench timestamps receipt here). */
  onMessage?: (message: SseMessage) => void

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader()
    void this.pump()
  }

  private async pump() {
    try {
      for (;;) {
        const { done, value } = await this.reader.read()
        if (done) break
        this.buffer += this.decoder.decode(value, { stream: true })
        let cut: number
        while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, cut)
          this.buffer = this.buffer.slice(cut + 2)
          const message = parseBlock(block)
          if (message) {
            this.received.push(message)
            this.onMessage?.(message)
          }
        }
        this.wake()
      }
    } catch {
      // Cancelled or aborted: treated as the end.
    }
    this.ended = true
    this.wake()
  }

  private wake() {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  /** The next message not yet taken, or an error after `timeoutMs`. */
  async next(timeoutMs = 10_000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs
    while (this.cursor >= this.received.length) {
      if (this.ended) throw new Error('SSE stream ended')
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no SSE message within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.received[this.cursor++]!
  }

  /** Takes messages until one matches; returns it and the ones skipped before it. */
  async until(match: (m: SseMessage) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs
    const skipped: SseMessage[] = []
    for (;;) {
      const message = await this.next(Math.max(1, deadline - Date.now()))
      if (match(message)) return { message, skipped }
      skipped.push(message)
    }
  }

  /** Messages already received and not yet taken. */
  pending(): SseMessage[] {
    return this.received.slice(this.cursor)
  }

  async close() {
    await this.reader.cancel().catch(() => {})
  }
}

function parseBlock(block: string): SseMessage | null {
  let event = 'message'
  let id: string | undefined
  const data: string[] = []
  let any = false
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'id') id = value
    else if (field === 'data') data.push(value)
    else continue
    any = true
  }
  return any ? { id, event, data: data.join('\n') } : null
}
