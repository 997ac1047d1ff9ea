import type { MatrixRecords, Scope } from './matrix-fixtures.ts'

/**
 * What every route of the API must answer, by role and by scope. The keys are exactly the
 * OpenAPI document's operations ("METHOD path"): a route added without a line here fails the
 * matrix test, so no route is born outside the access rules.
 *
 * Kinds (README "Jurisdiction", SECURITY.md):
 *   public    — no sign-in needed; the same answer for everyone
 *   self      — any signed-in user, about themself or a pure computation; no scope
 *   readOne   — an existing record: in scope 200, out of scope 404 (existence hidden)
 *   readList  — 200 for everyone, holding the in-scope matrix records and none of the others
 *   writeOne  — change an existing record: writer roles 2xx in scope; out of scope 404 for
 *               every role (existence hidden, the role is not even looked at); viewer 403 in
 *   create    — a new record at a place: writer roles 201 in scope, 403 out; viewer 403
 *   adminOne  — admin only: 2xx in scope, 404 out; other roles 403
 *   stream    — SSE; the leak check is the event test beside the matrix
 */
export type RouteKind =
  'public' | 'self' | 'readOne' | 'readList' | 'writeOne' | 'create' | 'adminOne' | 'stream'

export interface Request {
  path: string
  body?: unknown
  /** The status a writer gets out of scope when it is not the kind's default (see note). */
  outStatus?: number
  /** Send `body` (a string) as is with this content type instead of JSON. */
  contentType?: string
}

export interface RouteCase {
  kind: RouteKind
  /** readList: whether the in-scope matrix records must appear (not for a search elsewhere). */
  showsIn?: boolean
  /** Builds the request for one cell; write cells get fresh records. */
  request(records: MatrixRecords, scope: Scope): Promise<Request>
  /** Success status in scope (default 200; 201 for creates). */
  ok?: number
  /** readList whose entries do not carry record ids (a history): out of scope it is []. */
  outEmpty?: boolean
  /** readList: the status of an answer with nothing in it, if not 200 (an empty tile is 204). */
  empty?: number
}
