import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'
import { isHttps } from '../http/request-origin.ts'
import { parseLsn } from './lsn.ts'
import type { ReadRouting } from './read-routing.ts'

/**
 * Where this browser's last write left the primary's WAL. A cookie, not process memory: with
 * WORKERS=N (or several hosts) the next read may reach another process, and the cookie goes
 * with it. Forging it only moves the sender's own reads between primary and replica.
 */
export const WRITTEN_AT_COOKIE = 'jinan_written_at'
/** Long past any healthy replication lag; a replica that far behind is an outage, not lag. */
const WRITTEN_AT_MAX_AGE_S = 600
/** Stamped when the position could not be read: the session reads the primary till expiry. */
const UNKNOWN_POSITION = 'FFFFFFFF/FFFFFFFF'

const READ_METHODS = new Set(['GET', 'HEAD'])

/**
 * Sets `c.var.reads`, the handle map reads use (read-routing.ts). Only a session with a
 * write not yet known to be replayed costs anything: one position check, shared with the
 * requests around it. After a request that may have written (any other method, answered or
 * refused: a refused sign-in still records the failure) it stamps the cookie with the
 * primary's position. Without a replica it only sets `reads` to the primary.
 */
export function readAfterWrite(routing: ReadRouting) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const reading = READ_METHODS.has(c.req.method)
    if (!routing.hasReplica || !reading) {
      c.set('reads', routing.primary)
    } else {
      const writtenAt = parseLsn(getCookie(c, WRITTEN_AT_COOKIE))
      const { database, replayed } = await routing.forReads(writtenAt)
      // The replica has the write: later reads need not ask again.
      if (replayed) deleteCookie(c, WRITTEN_AT_COOKIE, { path: '/', secure: isHttps(c) })
      c.set('reads', database)
    }
    await next()
    if (!routing.hasReplica || reading || c.req.method === 'OPTIONS') return
    let writtenAt: string
    try {
      writtenAt = await routing.primaryPosition()
    } catch {
      // The write's answer stands; not knowing its position, the session reads the primary
      // until the cookie expires rather than risk not seeing its own write.
      writtenAt = UNKNOWN_POSITION
    }
    setCookie(c, WRITTEN_AT_COOKIE, writtenAt, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isHttps(c),
      maxAge: WRITTEN_AT_MAX_AGE_S,
    })
  })
}
