import { readFile, stat } from 'node:fs/promises'
import { relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from '../../lib/context.ts'
import { basemapArchive, basemapStyle, glyphsDir, tilesDir } from '../../lib/paths.ts'

interface StyleTemplate {
  sources: Record<string, { url?: string }>
  glyphs?: string
  sprite?: string
}

const fromCwd = (abs: string) => relative(process.cwd(), abs) || '.'

/**
 * The offline basemap: one PMTiles archive read by the browser with HTTP range requests,
 * its style, and the glyph PBFs. Nothing here points off this host.
 */
export function tilesRouter() {
  const router = new Hono<AppEnv>()

  router.get('/tiles/style.json', async (c) => {
    const style = JSON.parse(await readFile(basemapStyle, 'utf8')) as StyleTemplate
    // The style needs absolute URLs; use the origin the browser reached us on.
    const origin = new URL(c.req.url).origin
    const at = (url: string) => url.replaceAll('{origin}', origin)
    for (const source of Object.values(style.sources)) if (source.url) source.url = at(source.url)
    if (style.glyphs) style.glyphs = at(style.glyphs)
    if (style.sprite) style.sprite = at(style.sprite)
    c.header('cache-control', 'no-cache')
    return c.json(style, 200)
  })

  router.get('/tiles/catalog', async (c) => {
    const archive = await stat(basemapArchive).catch(() => null)
    return c.json({
      basemap: {
        url: '/tiles/basemap.pmtiles',
        format: 'pmtiles',
        bytes: archive?.size ?? 0,
        updated: archive?.mtime.toISOString() ?? null,
      },
    })
  })

  router.use('/tiles/basemap.pmtiles', async (c, next) => {
    const archive = await stat(basemapArchive).catch(() => null)
    if (archive) {
      // The archive only changes when `npm run tiles` rebuilds it: size+mtime identify it.
      const etag = `"${archive.size.toString(16)}-${archive.mtimeMs.toString(16)}"`
      c.header('etag', etag)
      c.header('cache-control', 'public, max-age=3600')
      c.header('accept-ranges', 'bytes')
      if (c.req.header('if-none-match') === etag) return c.body(null, 304)
    }
    await next()
  })
  router.use(
    '/tiles/basemap.pmtiles',
    serveStatic({ root: fromCwd(tilesDir), rewriteRequestPath: () => '/dist/basemap.pmtiles' }),
  )

  router.use('/tiles/glyphs/*', async (c, next) => {
    await next()
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=604800, immutable')
  })
  router.use(
    '/tiles/glyphs/*',
    serveStatic({
      root: fromCwd(glyphsDir),
      rewriteRequestPath: (p) => decodeURIComponent(p.replace(/^\/tiles\/glyphs/, '')),
    }),
  )
  return router
}
