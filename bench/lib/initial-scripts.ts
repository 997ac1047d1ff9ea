import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { webDist } from '../../server/lib/paths.ts'
import type { BenchResult } from './types.ts'

/** A script the page loaded before it was interactive, by its built file. */
export interface LoadedScript {
  file: string
  gzipBytes: number
  transferBytes: number
}

/**
 * Records the built scripts (`<dist>/assets/*.js`) the page fetches until `stop()`: gzip -9
 * of the file on disk, and the bytes actually sent (brotli when the browser takes it).
 */
export function trackInitialScripts(page: Page, dist: string) {
  let stopped = false
  const loaded: LoadedScript[] = []
  page.on('response', (res) => {
    const name = new URL(res.url()).pathname.split('/').pop() ?? ''
    if (stopped || !name.endsWith('.js') || !res.url().includes('/assets/')) return
    const built = join(dist, 'assets', name)
    if (!existsSync(built)) return
    void res
      .body()
      .then(async (body) => {
        const sizes = await res.request().sizes()
        loaded.push({
          file: name,
          gzipBytes: gzipSync(readFileSync(built), { level: 9 }).length,
          transferBytes: sizes.responseBodySize || body.length,
        })
      })
      .catch(() => {})
  })
  return {
    loaded,
    stop() {
      stopped = true
    },
  }
}

const INITIAL_JS_TARGET_KIB = 350
const kib = (bytes: number) => Math.round(bytes / 1024)

/**
 * What the page fetched before it was interactive: the main-thread scripts (the target's
 * "initial JS") and, apart, MapLibre's worker, which loads in parallel off the main thread.
 */
export function initialScriptRows(app: LoadedScript[], bare: LoadedScript[]): BenchResult[] {
  const isWorker = (s: LoadedScript) => s.file.startsWith('maplibre-gl-worker')
  const sum = (list: LoadedScript[], key: 'gzipBytes' | 'transferBytes') =>
    list.reduce((n, s) => n + s[key], 0)
  const main = app.filter((s) => !isWorker(s))
  const bareMain = bare.filter((s) => !isWorker(s))
  const worker = app.filter(isWorker)
  const gz = kib(sum(main, 'gzipBytes'))
  return [
    {
      entry: `initial JS: main-thread scripts before interactive (${main.length} files, gzip -9)`,
      engine: '—',
      metric: 'size',
      measured: gz,
      reference: { label: 'the bare MapLibre page', value: kib(sum(bareMain, 'gzipBytes')) },
      ratio: sum(main, 'gzipBytes') / Math.max(1, sum(bareMain, 'gzipBytes')),
      unit: 'KiB',
      note:
        `target ≤ ${INITIAL_JS_TARGET_KIB} KiB: ${gz <= INITIAL_JS_TARGET_KIB ? 'met' : 'not met'}; ` +
        `sent as brotli ${kib(sum(main, 'transferBytes'))} KiB; ` +
        `MapLibre's worker ${kib(sum(worker, 'gzipBytes'))} KiB gzip more, off the main thread`,
    },
  ]
}

/** Every script of the app's build, gzip -9: what a first visit could ever fetch. */
export function bundleGzipBytes(): { js: number; files: number } {
  const assets = join(webDist, 'assets')
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'))
  const js = files.reduce(
    (n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
    0,
  )
  return { js, files: files.length }
}
