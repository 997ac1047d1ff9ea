import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../context.ts'

/** What an attempt is counted under when the address cannot be known (tests, odd runtimes). */
export const UNKNOWN_ADDRESS = 'unknown'

/**
 * The client's address, for the per-address sign-in backoff.
 *
 * Behind the trusted proxy (TRUST_PROXY) it is the LAST X-Forwarded-For entry: the one the
 * proxy itself appended for the peer it saw. Earlier entries arrive from the client and can
 * say anything (nginx's $proxy_add_x_forwarded_for keeps them), so trusting the first would
 * let an attacker pick a fresh address for every guess, or lock out someone else's. A proxy
 * that overwrites the header leaves one entry, which is then both first and last.
 *
 * Without a proxy it is the socket's peer. `app.request()` (the tests) has no socket: the
 * node-server bindings are missing and every such request counts as one 'unknown' address.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.security.trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
    const last = hops.at(-1)
    if (last) return last.slice(0, 64)
  }
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS
  } catch {
    return UNKNOWN_ADDRESS
  }
}
