import { expect, type Page } from '@playwright/test'
import type {
  RegionCollection,
  RegionFeature,
} from '../../server/routes/regions/regions.schemas.ts'

/** The zoom from which each region level is drawn (web/src/map/layers/regions-layer.ts). */
const levelMinzoom = { province: 0, city: 5.5, county: 7.5, national: 0 } as const

/**
 * The map as a user sees it. Features are clicked by their coordinates: the driver asks the
 * API where a region's label point is and converts it with `window.__map.project()`, the
 * map handle the app exposes in every build.
 */
export class MapPage {
  constructor(readonly page: Page) {}

  /** Given the map is open (optionally at a `zoom/lat/lng` hash) with the regions drawn. */
  async open(hash?: string) {
    await this.page.goto(hash ? `/#${hash}` : '/')
    await this.page.waitForFunction(() => window.__map?.getLayer('regions-province-fill'), null, {
      timeout: 60_000,
    })
    await expect
      .poll(() =>
        this.page.evaluate(
          () =>
            window.__map?.queryRenderedFeatures({ layers: ['regions-province-fill'] }).length ?? 0,
        ),
      )
      .toBeGreaterThan(0)
    await this.idle()
  }

  /** Resolves when the map has finished moving, loading and drawing. */
  async idle() {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__map
          if (!map) return resolve()
          if (map.loaded() && !map.isMoving()) {
            // One more frame: `loaded()` can be true just before the last draw.
            map.once('render', () => resolve())
            map.triggerRepaint()
          } else map.once('idle', () => resolve())
        }),
    )
  }

  async region(name: string): Promise<RegionFeature> {
    for (const query of ['level=province', 'level=city&parent=610000', 'level=county']) {
      const response = await this.page.request.get(`/api/regions?${query}&zoom=6`)
      const collection = (await response.json()) as RegionCollection
      const found = collection.features.find((f) => f.properties.name === name)
      if (found) return found
    }
    throw new Error(`no region named ${name}`)
  }

  async jumpTo(center: [number, number], zoom?: number) {
    await this.page.evaluate(([c, z]) => window.__map?.jumpTo({ center: c, zoom: z }), [
      center,
      zoom,
    ] as const)
    await this.idle()
  }

  /** The map's visible extent, [west, south, east, north]. */
  async bounds(): Promise<[number, number, number, number]> {
    return this.page.evaluate(() => {
      const b = window.__map!.getBounds()
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [
        number,
        number,
        number,
        number,
      ]
    })
  }

  /** The bbox of the region `code`, as the API gives it. */
  async regionBbox(code: string): Promise<[number, number, number, number]> {
    const response = await this.page.request.get(`/api/regions/${code}`)
    return ((await response.json()) as { bbox: [number, number, number, number] }).bbox
  }

  /**
   * Then the map shows the region `code` whole and fitted: its bbox inside the view, and the
   * view no wider than `slack` times the bbox (a fitted view, not a wider one that happens to
   * hold it).
   */
  async expectFittedTo(code: string, slack = 4) {
    const [w, s, e, n] = await this.regionBbox(code)
    await expect
      .poll(
        async () => {
          const [vw, vs, ve, vn] = await this.bounds()
          const inside = vw <= w && vs <= s && ve >= e && vn >= n
          const fitted = ve - vw <= slack * (e - w) || vn - vs <= slack * (n - s)
          return inside && fitted
        },
        { message: `the map fitted to ${code}` },
      )
      .toBe(true)
    await this.idle()
  }

  async zoom(): Promise<number> {
    return this.page.evaluate(() => window.__map?.getZoom() ?? 0)
  }

  async project(lngLat: [number, number]): Promise<{ x: number; y: number }> {
    return this.page.evaluate((p) => {
      const point = window.__map?.project(p)
      return { x: point?.x ?? NaN, y: point?.y ?? NaN }
    }, lngLat)
  }

  /** When the user clicks the region `name` (at its label point, zooming in if it is hidden). */
  async clickRegion(name: string) {
    const region = await this.region(name)
    const lngLat: [number, number] = [region.properties.labelLng, region.properties.labelLat]
    const minzoom = levelMinzoom[region.properties.level]
    if ((await this.zoom()) < minzoom) await this.jumpTo(lngLat, minzoom + 0.5)
    let point = await this.project(lngLat)
    // If the point is off screen or under a control, bring it to the middle of the map.
    if (!(await this.isMapAt(point))) {
      await this.jumpTo(lngLat)
      point = await this.project(lngLat)
    }
    await this.page.mouse.click(point.x, point.y)
    return region
  }

  private isMapAt(point: { x: number; y: number }): Promise<boolean> {
    return this.page.evaluate(
      ({ x, y }) =>
        document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas') ?? false,
      point,
    )
  }

  /** Given the map centred on the region `name`'s label point, at the current zoom. */
  async centerOn(name: string) {
    const region = await this.region(name)
    await this.jumpTo([region.properties.labelLng, region.properties.labelLat])
  }

  /** Pans without animation; the map content moves by (-dx, -dy) on screen. */
  async panBy(dx: number, dy: number) {
    await this.page.evaluate(([x, y]) => window.__map?.panBy([x, y], { animate: false }), [
      dx,
      dy,
    ] as const)
    await this.idle()
  }

  async canvasScreenshot(): Promise<Buffer> {
    return this.page.locator('canvas.maplibregl-canvas').screenshot()
  }

  async pressEscape() {
    await this.page.keyboard.press('Escape')
  }
}
