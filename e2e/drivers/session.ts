import { expect, type Page } from '@playwright/test'

/** Signing in and out through the corner form, as a user would. */
export class SessionDriver {
  constructor(readonly page: Page) {}

  /** Given the user signed in as `username` (demo password `jinan-<username>`). */
  async signIn(username: string, password = `jinan-${username}`) {
    const form = this.page.getByTestId('login')
    await expect(form).toBeVisible()
    await form.locator('input[name="username"]').fill(username)
    await form.locator('input[name="password"]').fill(password)
    await form.locator('button[type="submit"]').click()
    // On a phone the badge waits behind the menu button: signed in = form gone, badge there.
    await expect(form).toHaveCount(0)
    await expect(this.badge()).toHaveCount(1)
  }

  /** The phone folds the user and language into a menu; open it when it is there. */
  async openMenu() {
    const toggle = this.page.locator('[data-action="account-menu"]')
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true')
      await toggle.click()
  }

  async signOut() {
    await this.openMenu()
    await this.badge().getByRole('button').click()
    await expect(this.page.getByTestId('login')).toBeVisible()
  }

  badge() {
    return this.page.getByTestId('user-badge')
  }

  /** Then the badge shows who is signed in. */
  async expectSignedIn(details: { name?: string; agency?: string }) {
    await this.openMenu()
    const badge = this.badge()
    await expect(badge).toBeVisible()
    if (details.name)
      await expect(badge.locator('[data-field="display-name"]')).toHaveText(details.name)
    if (details.agency)
      await expect(badge.locator('[data-field="agency"]')).toHaveText(details.agency)
  }
}
