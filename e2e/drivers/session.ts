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
    await expect(this.badge()).toBeVisible()
  }

  async signOut() {
    await this.badge().getByRole('button').click()
    await expect(this.page.getByTestId('login')).toBeVisible()
  }

  badge() {
    return this.page.getByTestId('user-badge')
  }

  /** Then the badge shows who is signed in. */
  async expectSignedIn(details: { name?: string; agency?: string }) {
    const badge = this.badge()
    await expect(badge).toBeVisible()
    if (details.name)
      await expect(badge.locator('[data-field="display-name"]')).toHaveText(details.name)
    if (details.agency)
      await expect(badge.locator('[data-field="agency"]')).toHaveText(details.agency)
  }
}
