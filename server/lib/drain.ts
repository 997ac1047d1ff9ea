import type { Server, ServerResponse } from 'node:http'

export interface DrainResult {
  /** Milliseconds from the start of the drain until the last request ended (or the cut-off). */
  ms: number
  /** Requests still open at the deadline, whose connections were closed. */
  cutOff: number
}

export interface Drainer {
  /** True once `drain` has been called: new requests should be turned away. */
  readonly draining: boolean
  /** Requests whose response has not ended yet (open SSE streams included). */
  readonly inFlight: number
  /**
   * Stops accepting connections and waits until every request in flight has been answered,
   * at most `timeoutMs`; then closes whatever connections are left.
   */
  drain(timeoutMs: number): Promise<DrainResult>
}

/**
 * Graceful shutdown for a node:http server. `server.close()` alone stops new connections but
 * waits for kept-alive sockets and never ends long-lived responses, so a process behind a
 * load balancer would either hang on SIGTERM or, killed, cut answers in half. This tracks
 * each request until its response closes, asks keep-alive clients to go (Connection: close)
 * and closes sockets as soon as they fall idle, and enforces a deadline.
 */
export function trackRequests(server: Server): Drainer {
  const open = new Set<ServerResponse>()
  let draining = false
  let wake: (() => void) | null = null

  server.on('request', (_req, res: ServerResponse) => {
    open.add(res)
    // 'close' fires when the response has been sent or the connection went away.
    res.once('close', () => {
      open.delete(res)
      if (draining) {
        // The socket this answer went out on is idle now: close it instead of waiting for the
        // client's next request or for the keep-alive timeout.
        server.closeIdleConnections()
        if (open.size === 0) wake?.()
      }
    })
    if (draining && !res.headersSent) res.setHeader('connection', 'close')
  })

  return {
    get draining() {
      return draining
    },
    get inFlight() {
      return open.size
    },
    async drain(timeoutMs) {
      const t0 = performance.now()
      draining = true
      server.close()
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close')
      server.closeIdleConnections()
      let timer: ReturnType<typeof setTimeout> | undefined
      if (open.size > 0) {
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, timeoutMs)
        })
      }
      clearTimeout(timer)
      const cutOff = open.size
      if (cutOff > 0) server.closeAllConnections()
      return { ms: Math.round(performance.now() - t0), cutOff }
    },
  }
}
