import { ApiProblem, apiUrl, postJson } from '../api/http.ts'

/**
 * A JSON PATCH (续报). http.ts only has GET and POST; this keeps the same error shape
 * (`ApiProblem` with the server's field list) without touching the shared client.
 */
export async function patchJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(apiUrl(path), {
      method: 'PATCH',
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
  const parsed = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (!response.ok) {
    throw new ApiProblem({
      type: typeof parsed?.type === 'string' ? parsed.type : 'about:blank',
      title: typeof parsed?.title === 'string' ? parsed.title : `HTTP ${response.status}`,
      status: response.status,
      ...(typeof parsed?.detail === 'string' ? { detail: parsed.detail } : {}),
      errors: Array.isArray(parsed?.errors) ? (parsed.errors as ApiProblem['errors']) : [],
    })
  }
  return parsed as T
}

export { postJson }
