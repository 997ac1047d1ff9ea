import { expect, type Page } from '@playwright/test'
import { MapPage } from './map-page.ts'

/** The alerts card, the issue form with drawing on the map, and the alert panel. */
export class AlertsDriver {
  readonly map: MapPage
  constructor(readonly page: Page) {
    this.map = new MapPage(page)
  }

  card() {
    return this.page.getByTestId('alerts-card')
  }

  form() {
    return this.page.getByTestId('alert-form')
  }

  panel() {
    return this.page.locator('[data-panel-id^="alert:"]')
  }

  listed(id: string) {
    return this.card().locator(`li[data-alert-id="${id}"]`)
  }

  /** When the user opens the issue form and draws a square of `halfPx` around `center`. */
  async drawSquare(center: [number, number], halfPx = 70) {
    await this.card().locator('[data-action="issue-alert"]').click()
    await expect(this.form()).toBeVisible()
    const c = await this.map.project(center)
    for (const [dx, dy] of [
      [-halfPx, -halfPx],
      [halfPx, -halfPx],
      [halfPx, halfPx],
      [-halfPx, halfPx],
    ] as const) {
      await this.page.mouse.click(c.x + dx, c.y + dy)
    }
    await expect(this.form().locator('[data-field="draw-hint"]')).toContainText('4')
  }

  /** Submits the form; resolves with the issued alert's id. */
  async issue(): Promise<string> {
    const [response] = await Promise.all([
      this.page.waitForResponse(
        (r) => r.url().endsWith('/api/alerts') && r.request().method() === 'POST',
      ),
      this.form().locator('[data-action="issue"]').click(),
    ])
    expect(response.status()).toBe(201)
    const { id } = (await response.json()) as { id: string }
    await expect(this.panel()).toHaveAttribute('data-panel-id', `alert:${id}`)
    return id
  }
}
