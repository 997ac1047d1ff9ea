import { expect, type Locator, type Page } from '@playwright/test'

/** The panels attached to map features; a region's panel is found by its code. */
export class PanelDriver {
  constructor(readonly page: Page) {}

  locator(code: string, kind = 'region'): Locator {
    return this.page.locator(`[data-panel-id="${kind}:${code}"]`)
  }

  /** Then the panel for `code` is open, showing the code and, if given, its name and parent. */
  async expect(code: string, details: { name?: string; parent?: string } = {}) {
    const panel = this.locator(code)
    await expect(panel).toBeVisible()
    await expect(panel.locator('[data-field="code"]')).toHaveText(code)
    if (details.name)
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(details.name)
    if (details.parent) {
      await expect(panel.locator('[data-field="parents"]')).toContainText(details.parent)
    }
    return panel
  }

  /** Then a registry record's panel (`hazard-source`, `enterprise`, …) is open. */
  async expectRecord(kind: string, id: string) {
    const panel = this.locator(id, kind)
    await expect(panel).toBeVisible()
    await expect(panel.locator('.record-badges')).toBeVisible()
    return panel
  }

  async expectClosed(code: string) {
    await expect(this.locator(code)).toHaveCount(0)
  }

  async box(code: string) {
    const box = await this.locator(code).boundingBox()
    if (!box) throw new Error(`panel ${code} is not laid out`)
    return box
  }

  async openParent(code: string, parentName: string) {
    await this.locator(code)
      .locator('[data-field="parents"]')
      .getByRole('button', { name: parentName })
      .click()
  }

  async pin(code: string) {
    await this.locator(code).locator('[data-action="pin"]').click()
  }

  async close(code: string) {
    await this.locator(code).locator('[data-action="close"]').click()
  }
}
