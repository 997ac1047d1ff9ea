import { relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from '../lib/context.ts'
import { webDist } from '../lib/paths.ts'

/** The built single-page app; any other path that is not the API falls back to index.html. */
export function spaRouter(dist = webDist) {
  const root = relative(process.cwd(), dist) || '.'
  const router = new Hono<AppEnv>()
  router.use('/assets/*', async (c, next) => {
    await next()
    // Vite fingerprints asset names, so they can be cached for good.
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable')
  })
  // The build writes .br and .gz beside each file (web/build/precompress.ts): sent as they are.
  router.use('*', serveStatic({ root, precompressed: true }))
  router.get(
    '*',
    serveStatic({ root, precompressed: true, rewriteRequestPath: () => '/index.html' }),
  )
  return router
}
