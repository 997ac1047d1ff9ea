import { expect, type Page } from '@playwright/test'

/** The drills screens as a user sees them: the 演练 drawer, the schedule form, the drill panel. */
export class DrillsDriver {
  constructor(readonly page: Page) {}

  drawer() {
    return this.page.getByTestId('drills-panel')
  }

  form() {
    return this.page.getByTestId('drill-form')
  }

  panel() {
    return this.page.locator('[data-panel-id^="drill:"]')
  }

  async openDrawer() {
    await this.page.locator('[data-action="drills"]').click()
    await expect(this.drawer()).toBeVisible()
  }

  /** Clicks the map at `lngLat` (the place picker is waiting for it). */
  async clickMap(lngLat: [number, number]) {
    const point = await this.page.evaluate((p) => {
      const map = window.__map
      if (!map) return null
      const rect = map.getCanvas().getBoundingClientRect()
      const xy = map.project(p)
      return { x: rect.left + xy.x, y: rect.top + xy.y }
    }, lngLat)
    if (!point) throw new Error('no map')
    await this.page.mouse.click(point.x, point.y)
  }

  /** How many features a replay style layer renders now (drill-replay-incident, -lines). */
  async rendered(layer: string): Promise<number> {
    return this.page.evaluate((id) => {
      const map = window.__map
      if (!map?.getLayer(id)) return 0
      return map.queryRenderedFeatures({ layers: [id] }).length
    }, layer)
  }
}
