import { expect, test } from './fixtures.ts'

const SHOTS = '.tmp/shots'

// #18: the login form after repeated failures. The server answers 429 with Retry-After; the
// form says how long to wait, counts down and keeps the button disabled meanwhile. One
// account, one run through the sizes: every failure also counts against this machine's
// address (20 free), which the other specs sign in from.
test('the lockout notice counts down on a phone, a desktop and a hall wall', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  const form = page.getByTestId('login')
  await expect(form).toBeVisible()
  await form.locator('input[name="username"]').fill('lockout-check')
  await form.locator('input[name="password"]').fill('wrong-password')
  const submit = form.locator('button[type="submit"]')
  const notice = page.getByTestId('login-throttled')
  const attempt = async () => {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'))
    await submit.click()
    return (await answer).status()
  }

  // Five failures are free; the sixth starts a wait of 1 s and is answered 429.
  for (let n = 1; n <= 5; n++) {
    expect(await attempt()).toBe(401)
    await expect(form.getByRole('alert')).toBeVisible()
  }
  expect(await attempt()).toBe(429)
  await expect(notice).toContainText('登录尝试过多')
  await expect(notice).toContainText('秒后再试')
  await expect(submit).toBeDisabled()
  await page.screenshot({ path: `${SHOTS}/login-lockout-390.png` })

  // When the wait is over the form works again; each further failure doubles the wait.
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    await expect(notice).toHaveCount(0, { timeout: 10_000 })
    await expect(submit).toBeEnabled()
    await page.setViewportSize(viewport)
    expect(await attempt()).toBe(429)
    await expect(notice).toBeVisible()
    await expect(submit).toBeDisabled()
    await page.screenshot({ path: `${SHOTS}/login-lockout-${viewport.width}.png` })
  }
})
