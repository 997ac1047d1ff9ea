import type { Actor } from './actor.ts'

/**
 * SESSION_CACHE_MS unless set: how long a process may answer a session cookie from memory
 * instead of the session query. Short on purpose: it bounds how late a change made
 * elsewhere (a sign-out or password change in another process with WORKERS > 1, a role
 * changed or a user deactivated in SQL) is noticed here. Changes made through this process
 * take effect at once (`forgetSession`, `forgetUser`).
 */
export const DEFAULT_SESSION_CACHE_MS = 1000

/** Entries kept at most; beyond it the cache starts over (one query per session again). */
const MAX_ENTRIES = 10_000

interface Entry {
  actor: Actor
  idleMinutes: number
  /** performance.now() until which the entry may answer. */
  until: number
}

/**
 * Per-process memory of recently checked sessions, keyed by the SHA-256 of the token (never
 * the token). One per database handle, so every app of a process (tests run several on one
 * database) sees the same invalidations.
 *
 * A revocation is forgotten after its transaction commits, and also leaves a tombstone: a
 * lookup that started before the tombstone (it may have read the session as still open)
 * is not remembered, so an in-flight request cannot put a revoked session back.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>()
  private readonly sessionTombstones = new Map<string, number>()
  private readonly userTombstones = new Map<string, number>()

  /** The actor of a session checked less than its TTL ago with the same idle limit. */
  get(tokenHash: string, idleMinutes: number): Actor | null {
    const entry = this.entries.get(tokenHash)
    if (!entry) return null
    if (entry.until <= performance.now() || entry.idleMinutes !== idleMinutes) {
      this.entries.delete(tokenHash)
      return null
    }
    return entry.actor
  }

  /** Remembers a session found valid by a lookup that started at `checkedAt`. */
  remember(
    tokenHash: string,
    idleMinutes: number,
    actor: Actor,
    checkedAt: number,
    ttlMs: number,
  ): void {
    if (ttlMs <= 0) return
    const revoked = Math.max(
      this.sessionTombstones.get(tokenHash) ?? -Infinity,
      this.userTombstones.get(actor.id) ?? -Infinity,
    )
    if (revoked >= checkedAt) return
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(tokenHash, { actor, idleMinutes, until: checkedAt + ttlMs })
    this.prune(ttlMs)
  }

  forgetSession(tokenHash: string): void {
    this.entries.delete(tokenHash)
    this.sessionTombstones.set(tokenHash, performance.now())
  }

  /** Every session of a user: a password reset or change, a deactivation. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.actor.id === userId) this.entries.delete(hash)
    }
    this.userTombstones.set(userId, performance.now())
  }

  /** Tombstones older than any lookup still in flight could be are dropped. */
  private prune(ttlMs: number) {
    if (this.sessionTombstones.size + this.userTombstones.size < 1000) return
    const before = performance.now() - Math.max(60_000, 10 * ttlMs)
    for (const map of [this.sessionTombstones, this.userTombstones]) {
      for (const [key, at] of map) if (at < before) map.delete(key)
    }
  }
}

const caches = new WeakMap<object, SessionCache>()

/** The process's cache for one database handle. */
export function sessionCacheOf(db: object): SessionCache {
  let cache = caches.get(db)
  if (!cache) {
    cache = new SessionCache()
    caches.set(db, cache)
  }
  return cache
}
