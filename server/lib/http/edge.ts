import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from '../context.ts'
import { HttpProblem } from '../problem.ts'
import { isHttps } from './request-origin.ts'
import { servedOrigin } from './request-origin.ts'

/** Largest request body the API reads (1 MiB): far above any form, far below a memory attack. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Security headers on every response. Scripts only from this origin (the SPA is built by Vite
 * into files; the docs page loads /api/docs.js), no framing, no MIME sniffing. Styles allow
 * 'unsafe-inline' because MapLibre and the docs page set style elements; scripts never do.
 * Workers come from blob: URLs (MapLibre's tile workers).
 */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  // Set below only when the client really is on TLS: HSTS over plain HTTP would be ignored
  // at best and, on a hall's LAN without TLS, wrong.
  strictTransportSecurity: false,
  // MapLibre's workers and WebGL need nothing cross-origin; keep COEP off so blob workers load.
  crossOriginEmbedderPolicy: false,
})

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await headers(c, async () => {
    await next()
  })
  if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
})

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF defence in depth beside SameSite=Strict: a browser states where a write comes from
 * (Origin, Sec-Fetch-Site) and a write from another site is refused before any handler runs.
 * Clients that send neither (curl, gateways) carry no ambient browser cookie to abuse.
 */
export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (unsafeMethods.has(c.req.method)) {
    const fetchSite = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const allowed = c.var.security.allowedOrigins
    const fromElsewhere =
      origin !== undefined
        ? origin !== servedOrigin(c) && !allowed.includes(origin)
        : fetchSite === 'cross-site' || fetchSite === 'same-site'
    if (fromElsewhere) {
      throw new HttpProblem(
        403,
        'Forbidden',
        `Writes are accepted only from ${servedOrigin(c)}; this one came from ${origin ?? `a ${fetchSite} page`}.`,
      )
    }
  }
  await next()
})

/** 413 problem+json before the body is parsed; counts streamed bytes, not just Content-Length. */
export const bodySizeLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new HttpProblem(
      413,
      'Payload Too Large',
      `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
    )
  },
})
