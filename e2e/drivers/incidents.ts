import { expect, type Page } from '@playwright/test'

/*
 * The incident screens as a user sees them: the 接报 button and the map click, the report
 * form, the incident panel, the open-incident list and what the map draws.
 */
export class IncidentsDriver {
  constructor(readonly page: Page) {}

  form() {
    return this.page.getByTestId('report-form')
  }

  panel(id: string) {
    return this.page.locator(`[data-panel-id="incident:${id}"]`)
  }

  listEntry(id: string) {
    return this.page.locator(`[data-testid="incident-list"] [data-incident-id="${id}"]`)
  }

  /** When the user presses 接报 and clicks the map at `lngLat`: the form opens there. */
  async reportAt(lngLat: [number, number]) {
    await this.page.locator('[data-action="report"]').click()
    await expect(this.page.locator('[data-action="report"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    const point = await this.page.evaluate((p) => {
      const map = window.__map
      if (!map) return null
      const rect = map.getCanvas().getBoundingClientRect()
      const xy = map.project(p)
      return { x: rect.left + xy.x, y: rect.top + xy.y }
    }, lngLat)
    if (!point) throw new Error('no map')
    await this.page.mouse.click(point.x, point.y)
    await expect(this.form()).toBeVisible()
  }

  /**
   * Records, in the page, when each incident id first shows both as a list entry and as a
   * rendered marker on the map (Date.now() of the first animation frame where both hold).
   */
  async watchArrivals() {
    await this.page.evaluate(`(() => {
      window.__arrivals = {}
      const tick = () => {
        const map = window.__map
        const listed = [...document.querySelectorAll('[data-testid="incident-list"] [data-incident-id]')]
          .map((el) => el.getAttribute('data-incident-id'))
          .filter((id) => !(id in window.__arrivals))
        if (listed.length && map && map.getLayer('incidents-points')) {
          const drawn = new Set(
            map.queryRenderedFeatures({ layers: ['incidents-points', 'incidents-flash'] })
              .map((f) => f.properties.id),
          )
          for (const id of listed) if (drawn.has(id)) window.__arrivals[id] = Date.now()
        }
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()`)
  }

  async arrivalOf(id: string): Promise<number | undefined> {
    return this.page.evaluate(`window.__arrivals && window.__arrivals[${JSON.stringify(id)}]`)
  }

  /** Rendered features of a style layer carrying `property` = value. */
  async renderedWith(layer: string, property: string, value: string): Promise<number> {
    return this.page.evaluate(
      `(() => { const m = window.__map; if (!m || !m.getLayer(${JSON.stringify(layer)})) return 0;
        return m.queryRenderedFeatures({ layers: [${JSON.stringify(layer)}] })
          .filter((f) => f.properties[${JSON.stringify(property)}] === ${JSON.stringify(value)}).length })()`,
    )
  }

  async expectStreamOpen() {
    await expect(this.page.locator('.live-dot')).toHaveAttribute('data-connection', 'open')
  }
}
