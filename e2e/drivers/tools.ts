import { expect, type Locator, type Page } from '@playwright/test'

/** The filter chips under a legend row, and the region chip above the list. */
export class FiltersDriver {
  constructor(readonly page: Page) {}

  toggle(layerId: string): Locator {
    return this.page.locator(`.legend__row[data-layer-id="${layerId}"] .filters__toggle`)
  }

  section(layerId: string): Locator {
    return this.page.locator(`[data-filters-for="${layerId}"]`)
  }

  /** When the user opens the layer's filters (if closed) and presses the chip `value`. */
  async press(layerId: string, value: string) {
    if ((await this.section(layerId).count()) === 0) await this.toggle(layerId).click()
    await this.chip(layerId, value).click()
  }

  chip(layerId: string, value: string): Locator {
    return this.section(layerId).locator(`.filters__chip[data-value="${value}"]`)
  }

  async expectFiltered(layerId: string, filtered: boolean) {
    await expect(this.toggle(layerId)).toHaveAttribute('data-filtered', String(filtered))
  }

  region(): Locator {
    return this.page.locator('.filters__region')
  }
}

/** Properties of the features a style layer draws in view, read from the map. */
export async function renderedProperties(
  page: Page,
  styleLayer: string,
): Promise<Record<string, unknown>[]> {
  // A string, not a function: tsx-compiled helpers do not survive page.evaluate.
  return page.evaluate(`(() => {
    const map = window.__map
    if (!map || !map.getLayer(${JSON.stringify(styleLayer)})) return []
    return map.queryRenderedFeatures({ layers: [${JSON.stringify(styleLayer)}] })
      .map((f) => f.properties)
  })()`)
}

/** The map's view as the URL should carry it. */
export async function mapView(page: Page) {
  return page.evaluate(`(() => {
    const map = window.__map
    const c = map.getCenter()
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing() }
  })()`) as Promise<{ lng: number; lat: number; zoom: number; bearing: number }>
}

/** The map canvas's top-left on the page, to turn map pixels into mouse positions. */
export async function canvasOrigin(page: Page) {
  const box = await page.locator('canvas.maplibregl-canvas').boundingBox()
  if (!box) throw new Error('no map canvas')
  return { x: box.x, y: box.y }
}

/** The lng/lat under a page position, as the map itself computes it. */
export async function lngLatAt(page: Page, x: number, y: number): Promise<[number, number]> {
  const origin = await canvasOrigin(page)
  return page.evaluate(`(() => {
    const p = window.__map.unproject([${x - origin.x}, ${y - origin.y}])
    return [p.lng, p.lat]
  })()`)
}
