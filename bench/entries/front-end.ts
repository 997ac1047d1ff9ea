import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { chromium, type Browser } from 'playwright-core'
import { demoAccounts } from '../../data/accounts/demo-accounts.ts'
import { createApp } from '../../server/app.ts'
import { repoRoot, webDist } from '../../server/lib/paths.ts'
import { spaRouter } from '../../server/routes/spa.ts'
import { tilesRouter } from '../../server/routes/tiles/index.ts'
import { chromiumArgs, chromiumPath } from '../../e2e/chromium.ts'
import { summarise, type Summary } from '../lib/stats.ts'
import type { BenchEntry, BenchResult } from '../lib/types.ts'
import { bareMapDist, bareMapPath, buildBareMap } from '../lib/bare-map.ts'
import {
  bundleGzipBytes,
  initialScriptRows,
  trackInitialScripts,
  type LoadedScript,
} from '../lib/initial-scripts.ts'

/**
 * Runs in the page, so it is plain JavaScript text: the TypeScript loader would otherwise
 * wrap named functions in helpers the page does not have. Records requestAnimationFrame
 * intervals for 1 s at rest, then along a fixed tour of the province: pans at province zoom,
 * zoom in to 西安 and pan there, across to 榆林, and back out.
 */
const recordFramesSource = `async function (scale) {
  const map = window.__map
  const linear = function (t) { return t }
  const tour = [
    { panBy: [400, 0] }, { panBy: [0, 300] }, { panBy: [-400, 0] }, { panBy: [0, -300] },
    { to: { center: [108.94, 34.26], zoom: 9 }, ms: 1500 },
    { panBy: [300, 0] }, { panBy: [0, 250] }, { panBy: [-300, 0] }, { panBy: [0, -250] },
    { to: { center: [109.73, 38.28], zoom: 7.5 }, ms: 1500 },
    { panBy: [0, 300] },
    { to: { center: [108.9, 35.6], zoom: 6.2 }, ms: 1500 },
  ]
  function frames(ms, move) {
    return new Promise(function (resolve) {
      const deltas = []
      let last = performance.now()
      const end = last + ms
      if (move) move()
      function tick(now) {
        deltas.push(now - last)
        last = now
        if (now < end) requestAnimationFrame(tick)
        else resolve(deltas.slice(1))
      }
      requestAnimationFrame(tick)
    })
  }
  const idle = await frames(1000, null)
  let moving = []
  for (const step of tour) {
    const ms = Math.round((step.ms || 600) * scale)
    moving = moving.concat(await frames(ms + 100, function () {
      if (step.panBy) map.panBy(step.panBy, { duration: ms, easing: linear })
      else map.easeTo(Object.assign({ duration: ms, easing: linear }, step.to))
    }))
  }
  return { idle: idle, moving: moving }
}`

/**
 * The alternative the app no longer ships, for comparison: the hazard sources of the viewport
 * as one GeoJSON list from /api/hazard-sources, clustered in the browser, with the colours and
 * cluster settings the GeoJSON layer (web/src/map/layers/hazard-sources-layer.ts) used.
 */
const addGeoJsonLayerSource = `function () {
  const map = window.__map
  const colours = { '一级': '#D92D20', '二级': '#F47A0B', '三级': '#F5C518', '四级': '#1D64D8' }
  const rank = ['match', ['get', 'grade'], '一级', 1, '二级', 2, '三级', 3, '四级', 4, 5]
  const b = map.getBounds()
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(3) })
  return fetch(location.origin + '/api/hazard-sources?limit=20000&bbox=' + bbox.join(','))
    .then(function (r) { return r.json() })
    .then(function (data) {
      map.addSource('bench-geojson', { type: 'geojson', data: data, cluster: true,
        clusterMaxZoom: 8, clusterRadius: 42, clusterProperties: { worst: ['min', rank] } })
      map.addLayer({ id: 'bench-geojson-clusters', type: 'circle', source: 'bench-geojson',
        filter: ['has', 'point_count'],
        paint: { 'circle-color': ['match', ['get', 'worst'], 1, colours['一级'], 2, colours['二级'],
          3, colours['三级'], 4, colours['四级'], '#98a3a8'],
          'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 50, 20, 200, 25],
          'circle-stroke-width': 1.5 } })
      map.addLayer({ id: 'bench-geojson-points', type: 'circle', source: 'bench-geojson',
        filter: ['!', ['has', 'point_count']],
        paint: { 'circle-color': ['match', ['get', 'grade'], '一级', colours['一级'], '二级', colours['二级'],
          '三级', colours['三级'], '四级', colours['四级'], '#98a3a8'],
          'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'r'], 0], 0, 4.5, 100, 10, 400, 13],
          'circle-stroke-width': 1.2 } })
      return new Promise(function (resolve) { map.once('idle', resolve) })
    })
}`

/**
 * The same list drawn by deck.gl instead: a ScatterplotLayer through MapboxOverlay,
 * interleaved with the MapLibre layers, unclustered (deck.gl draws every point each frame),
 * coloured by grade and sized by r as the GeoJSON points above. Needs window.deck, the
 * deck.gl bundle the bench serves at deckScriptPath.
 */
const addDeckLayerSource = `function () {
  const map = window.__map
  const colours = { '一级': [217, 45, 32], '二级': [244, 122, 11], '三级': [245, 197, 24], '四级': [29, 100, 216] }
  const b = map.getBounds()
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(3) })
  function radius(r) {
    const v = Math.max(0, r || 0)
    return v <= 100 ? 4.5 + (v / 100) * 5.5 : Math.min(13, 10 + ((v - 100) / 300) * 3)
  }
  return fetch(location.origin + '/api/hazard-sources?limit=20000&bbox=' + bbox.join(','))
    .then(function (r) { return r.json() })
    .then(function (data) {
      const layer = new deck.ScatterplotLayer({
        id: 'bench-deck-points', data: data.features, radiusUnits: 'pixels', stroked: true,
        lineWidthUnits: 'pixels', getLineWidth: 1.2, getLineColor: [255, 255, 255],
        getPosition: function (f) { return f.geometry.coordinates },
        getFillColor: function (f) { return colours[f.properties.grade] || [152, 163, 168] },
        getRadius: function (f) { return radius(f.properties.r) },
      })
      // deck.gl 9.4's MapboxOverlay reads map.transform, which maplibre-gl 6 moved to
      // map._camera._transform: without this adapter every frame throws and nothing draws.
      if (!map.transform && map._camera && map._camera._transform) {
        Object.defineProperty(map, 'transform', { configurable: true,
          get: function () { return map._camera._transform } })
      }
      map.addControl(new deck.MapboxOverlay({ interleaved: true, layers: [layer] }))
      return new Promise(function (resolve) { map.once('idle', resolve); map.triggerRepaint() })
    })
}`

/** Bench-only path of the deck.gl bundle; served by the bench's own server on 127.0.0.1. */
const deckScriptPath = '/bench-assets/deck.min.js'

type Variant = 'none' | 'geojson' | 'tiles' | 'deck' | 'app' | 'bare'

interface VariantResult {
  interactiveMs: number
  moving: Summary
  idle: Summary
  /** What the first view fetched for the layer. */
  fetched: string
  /** The app's own scripts fetched before the map was interactive. */
  scripts: LoadedScript[]
}

/** Registry layers other than hazard sources stay off so the two variants differ in one layer. */
const layerChoice = (variant: Variant) =>
  JSON.stringify({
    state: {
      visible: {
        'hazard-sources': variant === 'tiles',
        'hidden-dangers': false,
        resources: false,
        enterprises: false,
      },
    },
    version: 0,
  })

async function measure(
  browser: Browser,
  base: string,
  variant: Variant,
  scale: number,
): Promise<VariantResult> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
  try {
    // 'app' keeps the app's default layers; the variants fix them to differ in one layer.
    if (variant !== 'app' && variant !== 'bare') {
      await context.addInitScript(
        `localStorage.setItem('jinan.layers', ${JSON.stringify(layerChoice(variant))})`,
      )
    }
    const account = demoAccounts.find((a) => a.username === 'shaanxi')!
    const login = await context.request.post(`${base}/api/auth/login`, {
      data: { username: account.username, password: account.password },
    })
    if (login.status() !== 200) throw new Error(`bench login → ${login.status()}`)
    const page = await context.newPage()
    const scripts = trackInitialScripts(page, variant === 'bare' ? bareMapDist : webDist)
    let fetched = ''
    const bytes = { n: 0, tiles: 0 }
    page.on('response', (res) => {
      const url = res.url()
      if (url.includes('/api/hazard-sources?') || url.includes('/tiles/registry/')) {
        void res
          .body()
          .then((b) => {
            bytes.n += b.length
            bytes.tiles += 1
            if (url.includes('/api/hazard-sources?') && !fetched) {
              const fc = JSON.parse(b.toString()) as { features: unknown[]; truncated?: boolean }
              fetched = `${fc.features.length} GeoJSON features${fc.truncated ? ' (truncated at the list limit)' : ''}, ${Math.round(b.length / 1024)} KiB`
            }
          })
          .catch(() => {})
      }
    })
    const t0 = Date.now()
    await page.goto(
      variant === 'bare'
        ? `${base}${bareMapPath}/index.html#6.2/35.6/108.9`
        : `${base}/#6.2/35.6/108.9`,
    )
    await page.waitForFunction(
      () => Boolean((window as { __map?: { loaded(): boolean } }).__map?.loaded()),
      null,
      { timeout: 180_000 },
    )
    if (variant === 'geojson') await page.evaluate(`(${addGeoJsonLayerSource})()`)
    if (variant === 'deck') {
      await page.addScriptTag({ url: `${base}${deckScriptPath}` })
      // The same 180 s guard as the map load: a list that never answers fails the variant.
      let timer: NodeJS.Timeout | undefined
      try {
        await Promise.race([
          page.evaluate(`(${addDeckLayerSource})()`),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('deck.gl layer not drawn in 180 s')), 180_000)
          }),
        ])
      } finally {
        clearTimeout(timer)
      }
    }
    // The first frame with everything drawn; a repaint makes 'idle' fire again if it has.
    await page.evaluate(
      `new Promise(function (resolve) { window.__map.once('idle', resolve); window.__map.triggerRepaint() })`,
    )
    const interactiveMs = Date.now() - t0
    scripts.stop()
    if (variant === 'tiles') {
      fetched = `${bytes.tiles} tiles, ${Math.round(bytes.n / 1024)} KiB`
    }
    const frames = (await page.evaluate(`(${recordFramesSource})(${scale})`)) as {
      idle: number[]
      moving: number[]
    }
    await page.screenshot({
      path: join(repoRoot, '.tmp', 'shots', `bench-${variant}-province.png`),
    })
    return {
      interactiveMs,
      moving: summarise(frames.moving),
      idle: summarise(frames.idle),
      fetched,
      scripts: scripts.loaded,
    }
  } finally {
    await context.close()
  }
}

/**
 * The map in headless Chromium (software WebGL), signed in as the province, with the hazard
 * sources drawn two ways: the app's layer, MapLibre vector tiles from /tiles/registry
 * (clustered by the server; chosen by this measurement), and the GeoJSON-by-bbox list
 * clustered in the browser that it replaced, injected into the page for comparison.
 * Time from navigation to the first idle map with the layer drawn, then frame intervals along
 * a pan-and-zoom tour of the province, against the frame interval of the map at rest.
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
    mkdirSync(join(repoRoot, '.tmp', 'shots'), { recursive: true })
    await buildBareMap()
    // The scoped packages' UMD bundles, in dependency order: each extends window.deck.
    const deckScript = Buffer.concat(
      ['core', 'layers', 'mapbox'].map((pkg) =>
        readFileSync(join(repoRoot, 'node_modules', '@deck.gl', pkg, 'dist.min.js')),
      ),
    )
    const app = createApp({
      database: ctx.database,
      mount: (root) => {
        // Only in this process: the shipped app bundles deck.gl through Vite, never this file.
        root.get(deckScriptPath, (c) =>
          c.body(deckScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
        )
        root.use(
          `${bareMapPath}/*`,
          serveStatic({
            root: relative(process.cwd(), bareMapDist),
            precompressed: true,
            rewriteRequestPath: (path) => path.slice(bareMapPath.length),
          }),
        )
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
    const base = `http://127.0.0.1:${server.port}`
    const engine = ctx.database.engine
    const sources = ctx.dataset.hazard_sources ?? 0
    const results: BenchResult[] = []
    try {
      const scale = ctx.quick ? 0.6 : 1
      const labels: Record<Variant, string> = {
        none: 'no hazard layer',
        geojson: 'GeoJSON by bbox, clustered in the browser (replaced)',
        tiles: 'vector tiles from /tiles/registry (the app)',
        deck: 'GeoJSON by bbox, deck.gl ScatterplotLayer interleaved',
        app: 'the app with its default layers',
        bare: 'bare MapLibre page',
      }
      // The same tour without the layer: what the basemap and regions cost on this machine.
      ctx.log(`front end: ${labels.none}`)
      const bare = await measure(browser, base, 'none', scale)
      for (const variant of ['geojson', 'tiles', 'deck'] as const) {
        ctx.log(`front end: ${labels[variant]}`)
        let r: VariantResult
        try {
          r = await measure(browser, base, variant, scale)
        } catch (error) {
          // One variant failing (a list that never answers) is a result too, not a lost run.
          const reason = (error as Error).message.split('\n')[0]
          ctx.log(`front end: ${labels[variant]} failed: ${reason}`)
          results.push({
            entry: `front end (${sources} hazard sources: ${labels[variant]})`,
            engine,
            metric: '—',
            measured: null,
            unit: '',
            note: `failed: ${reason}`,
          })
          continue
        }
        results.push(
          {
            entry: `time to interactive map (${sources} hazard sources: ${labels[variant]})`,
            engine,
            metric: 'time',
            measured: r.interactiveMs,
            reference: { label: `same page, ${labels.none}`, value: bare.interactiveMs },
            ratio: r.interactiveMs / bare.interactiveMs,
            note: `first view fetched ${r.fetched}`,
            unit: 'ms',
          },
          {
            entry: `frame time, pan + zoom tour (${sources} hazard sources: ${labels[variant]})`,
            engine,
            metric: 'frame interval',
            measured: r.moving,
            reference: { label: `same tour, ${labels.none}`, value: bare.moving },
            ratio: r.moving.p95 / bare.moving.p95,
            unit: 'ms (ratio of p95)',
          },
        )
      }
      // The app as it opens for a province officer, against the bare MapLibre page.
      ctx.log('front end: the app with its default layers, and the bare map page')
      const bareMap = await measure(browser, base, 'bare', scale)
      const appDefault = await measure(browser, base, 'app', scale)
      results.push(
        {
          entry: 'time to interactive: the app as it opens (default layers, signed in)',
          engine,
          metric: 'time',
          measured: appDefault.interactiveMs,
          reference: {
            label: 'bare MapLibre page, same basemap and view (bench/bare-map)',
            value: bareMap.interactiveMs,
          },
          ratio: appDefault.interactiveMs / bareMap.interactiveMs,
          unit: 'ms',
          note: `target ≤ 1.2×: ${appDefault.interactiveMs / bareMap.interactiveMs <= 1.2 ? 'met' : 'not met'}`,
        },
        ...initialScriptRows(appDefault.scripts, bareMap.scripts),
      )
      const bundle = bundleGzipBytes()
      results.push({
        entry: `JS bundle (${bundle.files} files, gzip -9)`,
        engine: '—',
        metric: 'size',
        measured: Math.round(bundle.js / 1024),
        unit: 'KiB',
      })
      return results
    } finally {
      await browser.close()
      server.close()
    }
  },
}
