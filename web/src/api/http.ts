import type { FieldError, ProblemBody } from '../../../server/lib/problem.ts'

/**
 * An API error, carrying the server's problem+json body (RFC 9457). Network failures
 * and non-problem responses are mapped onto the same shape so callers handle one type.
 */
export class ApiProblem extends Error {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string | undefined
  readonly errors: FieldError[]
  /** The whole problem body, extensions included (a 409 carries the `current` record). */
  readonly body: ProblemBody

  constructor(body: ProblemBody) {
    super(body.detail ?? body.title)
    this.name = 'ApiProblem'
    this.body = body
    this.type = body.type
    this.title = body.title
    this.status = body.status
    this.detail = body.detail
    this.errors = body.errors ?? []
  }
}

export const isApiProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem

export type QueryParams = Record<string, string | number | boolean | null | undefined>

/** Builds a same-origin URL; the API is never called on another host. */
export function apiUrl(path: string, query: QueryParams = {}): string {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/: ${path}`)
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('content-type') ?? ''
  if (contentType.includes('json')) {
    const body = (await response.json().catch(() => null)) as Partial<ProblemBody> | null
    if (body && typeof body.title === 'string') {
      return new ApiProblem({
        ...body,
        type: body.type ?? 'about:blank',
        title: body.title,
        status: body.status ?? response.status,
      })
    }
  }
  return new ApiProblem({
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  })
}

export async function getJson<T>(
  path: string,
  options: { query?: QueryParams; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(apiUrl(path, options.query), {
      headers: { accept: 'application/json, application/geo+json, application/problem+json' },
      credentials: 'same-origin',
      signal: options.signal ?? null,
    })
  } catch (error) {
    // An aborted query is not an API failure: let react-query see the AbortError.
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiProblem({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: error instanceof Error ? error.message : String(error),
    })
  }
  if (!response.ok) throw await problemFrom(response)
  return (await response.json()) as T
}

/** A JSON write. Same-origin, with the session cookie; errors arrive as `ApiProblem`. */
export function postJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', path, body)
}

/** A partial update (`version` in the body for optimistic concurrency). */
export function patchJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('PATCH', path, body)
}

async function sendJson<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': 'application/json',
      },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
  } catch (error) {
    throw new ApiProblem({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: error instanceof Error ? error.message : String(error),
    })
  }
  if (!response.ok) throw await problemFrom(response)
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}
