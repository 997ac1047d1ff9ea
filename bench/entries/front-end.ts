import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { chromium } from 'playwright-core'
import { createApp } from '../../server/app.ts'
import { repoRoot, webDist } from '../../server/lib/paths.ts'
import { spaRouter } from '../../server/routes/spa.ts'
import { tilesRouter } from '../../server/routes/tiles/index.ts'
import { chromiumArgs, chromiumPath } from '../../e2e/chromium.ts'
import { summarise } from '../lib/stats.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'

function bundleGzipBytes(): { js: number; files: number } {
  const assets = join(webDist, 'assets')
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'))
  const js = files.reduce(
    (n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
    0,
  )
  return { js, files: files.length }
}

/**
 * Runs in the page, so it is plain JavaScript text: the TypeScript loader would otherwise
 * wrap named functions in helpers the page does not have. Records requestAnimationFrame
 * intervals for 1 s at rest, then while panning in a square (a 480 ms pan every 30 frames).
 */
const recordFramesSource = `async function (durationMs) {
  const map = window.__map
  function record(ms, pan) {
    return new Promise(function (resolve) {
      const deltas = []
      let last = performance.now()
      const end = last + ms
      let step = 0
      const offsets = [[400, 0], [0, 300], [-400, 0], [0, -300]]
      function tick(now) {
        deltas.push(now - last)
        last = now
        if (pan && step++ % 30 === 0) {
          map.panBy(offsets[Math.floor(step / 30) % 4], { duration: 480, easing: function (t) { return t } })
        }
        if (now < end) requestAnimationFrame(tick)
        else resolve(deltas.slice(1))
      }
      requestAnimationFrame(tick)
    })
  }
  const idle = await record(1000, false)
  const panning = await record(durationMs, true)
  return { idle: idle, panning: panning }
}`

/**
 * The map in headless Chromium (software WebGL): time from navigation to the first idle map,
 * then frame intervals while the map pans across the province, against the frame interval
 * of the same page with the map at rest.
 */
export const frontEnd: BenchEntry = {
  name: 'front end (headless Chromium)',
  async run(ctx) {
    if (!existsSync(join(webDist, 'index.html'))) {
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
        cwd: repoRoot,
        stdio: 'inherit',
      })
    }
    const app = createApp({
      database: ctx.database,
      mount: (root) => {
        root.route('/', tilesRouter())
        root.route('/', spaRouter())
      },
    })
    const server = await new Promise<{ port: number; close: () => void }>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ port: info.port, close: () => s.close() }),
      )
    })
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
      const t0 = Date.now()
      await page.goto(`http://127.0.0.1:${server.port}/#6.2/35.6/108.9`)
      await page.waitForFunction(
        () => Boolean((window as { __map?: { loaded(): boolean } }).__map?.loaded()),
        null,
        {
          timeout: 120_000,
        },
      )
      // Wait for the first frame with everything drawn; a repaint makes 'idle' fire again
      // if it already has.
      await page.evaluate(
        `new Promise(function (resolve) { window.__map.once('idle', resolve); window.__map.triggerRepaint() })`,
      )
      const interactiveMs = Date.now() - t0
      const seconds = ctx.quick ? 3 : 8
      const frames = (await page.evaluate(`(${recordFramesSource})(${seconds * 1000})`)) as {
        idle: number[]
        panning: number[]
      }
      const panning = summarise(frames.panning)
      const idle = summarise(frames.idle)
      const bundle = bundleGzipBytes()
      const engine = ctx.database.engine
      const results: BenchResult[] = [
        {
          entry: 'time to interactive map',
          engine,
          metric: 'time',
          measured: interactiveMs,
          unit: 'ms',
          note: 'navigation → first idle map',
        },
        {
          entry: `frame time while panning (${ctx.dataset.hazard_sources ?? 0} hazard sources in DB)`,
          engine,
          metric: 'frame interval',
          measured: panning,
          reference: { label: 'map at rest', value: idle },
          ratio: panning.p50 / idle.p50,
          unit: 'ms',
          note: 'layers drawn: basemap + regions (the registry layers land with issue #4)',
        },
        {
          entry: `JS bundle (${bundle.files} files, gzip -9)`,
          engine: '—',
          metric: 'size',
          measured: Math.round(bundle.js / 1024),
          unit: 'KiB',
        },
      ]
      return results
    } finally {
      await browser.close()
      server.close()
    }
  },
}
