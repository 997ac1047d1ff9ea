import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../../lib/context.ts'
import { requireActor } from '../../lib/auth/middleware.ts'
import { hashToken, SESSION_COOKIE } from '../../lib/auth/sessions.ts'
import {
  eventsAfter,
  latestEventId,
  type DropReason,
  type StreamEvent,
} from '../../lib/events/hub.ts'
import { z } from '@hono/zod-openapi'
import { createRouter, problemResponses } from '../../lib/openapi.ts'

/** A reconnecting client is replayed at most this many missed events… */
export const REPLAY_MAX = 1000
/** …missed within this long; beyond either it gets `event: reset` and refetches. */
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000
/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 20_000
/** Chunks a client may leave unread before it is dropped (it resumes with Last-Event-ID). */
export const MAX_UNREAD = 2000

const encoder = new TextEncoder()

/**
 * The last message of a stream whose session ended (logout, revoked, expired, idle, user
 * changed). It has no id, so Last-Event-ID stays where it was; the browser's reconnect then
 * gets 401 and EventSource stops.
 */
export const SESSION_ENDED_EVENT =
  'event: session.ended\ndata: {"reason":"The session ended; sign in again."}\n\n'

export function formatEvent(event: StreamEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
}

/**
 * The hub hands one event object to every subscriber: it is serialised and encoded once per
 * fan-out, not once per client (1,000 streams were 1,000 JSON.stringify + encode per write).
 */
const encodedEvents = new WeakMap<StreamEvent, Uint8Array>()
function encodedEvent(event: StreamEvent): Uint8Array {
  let bytes = encodedEvents.get(event)
  if (!bytes) {
    bytes = encoder.encode(formatEvent(event))
    encodedEvents.set(event, bytes)
  }
  return bytes
}

function lastEventIdOf(c: Context<AppEnv>): number | null {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId')
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return null
  return Number(raw.trim())
}

export const eventsRouter = createRouter()
eventsRouter.use('/events', requireActor)

// A stream, not a JSON answer, so it is served by a plain handler below and only described
// here: the OpenAPI document still lists it with its resume header and event format.
eventsRouter.openAPIRegistry.registerPath({
  method: 'get',
  path: '/events',
  tags: ['realtime'],
  summary: "Server-Sent Events in the caller's jurisdiction (resumable)",
  description:
    'One `text/event-stream` per signed-in client. Each event has `id:` (the events row id), ' +
    '`event:` (incident.created, incident.updated, dispatch.changed, resource.status, ' +
    'registry.changed, duty.*) and `data:` (JSON: id, at, type, regionCode, entity, entityId, ' +
    'payload). Reconnect with `Last-Event-ID` (or `?lastEventId=`) to be replayed what was ' +
    `missed; beyond ${REPLAY_MAX} events or 24 h the stream opens with \`event: reset\` ` +
    'and the client refetches. When the session ends (logout, password reset, expiry, a ' +
    'changed role or agency) the stream sends `event: session.ended` and closes: at once in ' +
    'the process that ended it, within 30 s in any other.',
  request: {
    headers: z.object({ 'last-event-id': z.string().regex(/^\d+$/).optional() }),
    query: z.object({ lastEventId: z.string().regex(/^\d+$/).optional() }),
  },
  responses: {
    200: {
      description: 'The event stream',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...problemResponses(401),
  },
})

/**
 * GET /api/events — Server-Sent Events filtered by the user's jurisdiction. With a
 * Last-Event-ID header (or ?lastEventId=) it first replays what was missed from the events
 * table, then streams live. The hub subscription starts before the replay query and live
 * events are held until the replay is written, so nothing is lost or sent twice at the seam.
 */
eventsRouter.get('/events', async (c) => {
  const hub = c.var.events
  const actor = c.var.actor
  const scopePrefix = actor.scopePrefix
  await hub.start()

  let droppedEarly: DropReason | null = null
  let held: StreamEvent[] | null = [] // live events that arrive while the replay is read
  let send: (text: string | Uint8Array) => boolean = () => false
  // Ids become visible in commit order (publish.ts), so a client never needs an id at or
  // below one it already has: anything else is a repeat (a notification still being fanned
  // out when this stream opened, or one the replay already carried) and is not sent.
  let lastSent = 0
  const sendEvent = (event: StreamEvent): boolean => {
    if (event.id <= lastSent) return true
    lastSent = event.id
    return send(encodedEvent(event))
  }
  let close: (error?: Error) => void = () => {}
  const unsubscribe = hub.subscribe({
    scopePrefix,
    // requireActor has found this cookie's session, so the cookie is there.
    session: {
      tokenHash: hashToken(getCookie(c, SESSION_COOKIE) ?? ''),
      userId: actor.id,
      role: actor.role,
      agencyId: actor.agencyId,
      idleMinutes: c.var.security.sessionIdleMinutes,
    },
    deliver(event) {
      if (held) {
        if (held.length >= MAX_UNREAD) return false
        held.push(event)
        return true
      }
      return sendEvent(event)
    },
    dropped(reason) {
      droppedEarly = reason
      if (reason === 'signed_out') send(SESSION_ENDED_EVENT)
      close(reason === 'overloaded' ? new Error('client too slow: dropped') : undefined)
    },
  })

  let opening = ': connected\nretry: 3000\n\n'
  try {
    const after = lastEventIdOf(c)
    if (after !== null) {
      lastSent = after
      const db = c.var.database.db
      const rows = await eventsAfter(db, after, scopePrefix, REPLAY_MAX + 1)
      const tooOld = rows.length > 0 && Date.parse(rows[0]!.at) < Date.now() - REPLAY_WINDOW_MS
      if (rows.length > REPLAY_MAX || tooOld) {
        const latest = await latestEventId(db)
        const reason = tooOld ? 'older than 24 h' : `more than ${REPLAY_MAX} events missed`
        opening += `id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ reason, lastEventId: after })}\n\n`
        // The client refetches everything; events held meanwhile that are newer are sent.
        lastSent = latest
      } else {
        opening += rows.map(formatEvent).join('')
        lastSent = Math.max(after, ...rows.map((r) => r.id))
      }
    }
  } catch (error) {
    unsubscribe()
    throw error
  }

  let heartbeat: ReturnType<typeof setInterval> | undefined
  let closed = false
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        send = (text) => {
          if (closed) return false
          if ((controller.desiredSize ?? 0) <= -MAX_UNREAD) return false
          controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text)
          return true
        }
        close = (error) => {
          if (closed) return
          closed = true
          unsubscribe()
          clearInterval(heartbeat)
          try {
            if (error) controller.error(error)
            else controller.close()
          } catch {
            // Already closed by the reader.
          }
        }
        if (droppedEarly) {
          closed = true
          controller.error(new Error(`event stream ${droppedEarly}`))
          return
        }
        send(opening)
        const live = held ?? []
        held = null
        for (const event of live) sendEvent(event)
        heartbeat = setInterval(() => {
          if (!send(': heartbeat\n\n')) close(new Error('client too slow: dropped'))
        }, HEARTBEAT_MS)
      },
      cancel() {
        closed = true
        unsubscribe()
        clearInterval(heartbeat)
      },
    },
    new CountQueuingStrategy({ highWaterMark: 16 }),
  )

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  })
})
