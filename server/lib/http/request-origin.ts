import type { Context } from 'hono'
import type { AppEnv } from '../context.ts'

const forwarded = (c: Context<AppEnv>, name: string) =>
  c.var.security.trustProxy ? c.req.header(name)?.split(',')[0]?.trim() || undefined : undefined

/** Whether the client reached us over TLS: directly, or through a trusted TLS proxy. */
export function isHttps(c: Context<AppEnv>): boolean {
  const proto = forwarded(c, 'x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '')
  return proto === 'https'
}

/** The origin the browser sees this app at (scheme://host[:port]), proxy headers if trusted. */
export function servedOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url)
  const host = forwarded(c, 'x-forwarded-host') ?? c.req.header('host') ?? url.host
  return `${isHttps(c) ? 'https' : url.protocol.replace(':', '')}://${host}`
}
