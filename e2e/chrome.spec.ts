import type { Page } from '@playwright/test'
import { MapPage } from './drivers/map-page.ts'
import { SessionDriver } from './drivers/session.ts'
import { expect, test } from './fixtures.ts'

const SHOTS = '.tmp/shots'
const PHONE = { width: 390, height: 844 }
const XIAN = '11/34.26/108.94'

/** The chrome's pieces over the map: the top bar and every card in the two columns. */
const CHROME = '.topbar, .corner > *:visible'

/** Share of the screen (the map) not under any chrome box, counted on a 2 px grid. */
async function uncoveredShare(page: Page): Promise<number> {
  const boxes = await page
    .locator(CHROME)
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))
  const { width, height } = page.viewportSize()!
  let free = 0
  let all = 0
  for (let y = 1; y < height; y += 2) {
    for (let x = 1; x < width; x += 2) {
      all++
      if (!boxes.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) free++
    }
  }
  return free / all
}

/** Buttons of the chrome (bar, menu, card headers) smaller than a 44 px touch target. */
async function smallChromeButtons(page: Page): Promise<string[]> {
  return page
    .locator('.topbar button:visible, .corner button:visible, .topbar input:visible')
    .evaluateAll((els) =>
      els
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(
          ({ el, r }) =>
            `${el.outerHTML.slice(0, 70)} ${Math.round(r.width)}×${Math.round(r.height)}`,
        ),
    )
}

test.describe('chrome on a phone (390×844)', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true })

  test('the map keeps most of the screen; every chrome button is a 44 px target', async ({
    page,
    map,
    session,
  }) => {
    // Given the 西安 coordinator on a phone
    await map.open(XIAN)
    // (signed out, the sign-in form is a sheet along the bottom, the header stays compact)
    await expect(page.getByTestId('login')).toBeVisible()
    expect(await smallChromeButtons(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/chrome-phone-signed-out.png` })
    await session.signIn('xian')
    await expect(page.getByTestId('incident-list')).toBeVisible()
    await expect(page.locator('[data-action="report"]')).toBeVisible()
    await map.idle()

    // Then the incident list and the legend start collapsed, and ≥ 60 % of the map is free
    await expect(
      page.getByTestId('incident-list').locator('.incident-list__toggle'),
    ).toHaveAttribute('aria-expanded', 'false')
    await expect(page.locator('.legend__header')).toHaveAttribute('aria-expanded', 'false')
    expect(await uncoveredShare(page)).toBeGreaterThanOrEqual(0.6)
    expect(await smallChromeButtons(page)).toEqual([])
    // the header fits the width: nothing to scroll sideways for
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width)
    await page.screenshot({ path: `${SHOTS}/chrome-phone.png` })

    // When the menu opens: who is signed in, and the language, as 44 px targets
    await session.expectSignedIn({ name: '西安市调度员' })
    await expect(page.getByRole('button', { name: 'EN', exact: true })).toBeVisible()
    expect(await smallChromeButtons(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/chrome-phone-menu.png` })

    // And the collapsed incident list opens to its entries
    await page.locator('[data-action="account-menu"]').click()
    await page.getByTestId('incident-list').locator('.incident-list__toggle').click()
    await expect(
      page.locator('[data-testid="incident-list"] [data-incident-id]').first(),
    ).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/chrome-phone-list.png` })
  })
})

/** Every bar button is whole inside the bar's action area (none cut off or scrolled away). */
async function expectBarFits(page: Page) {
  const clipped = await page.locator('.topbar').evaluate((bar) => {
    const area = bar.querySelector('.topbar__actions')!.getBoundingClientRect()
    const screen = bar.getBoundingClientRect()
    return [...bar.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length > 0)
      .filter((b) => {
        const r = b.getBoundingClientRect()
        const box = b.closest('.topbar__actions') ? area : screen
        return r.left < box.left - 0.5 || r.right > box.right + 0.5
      })
      .map((b) => b.textContent)
  })
  expect(clipped).toEqual([])
}

/** No chrome box overlaps another (the right column never covers the bar's buttons). */
async function expectNoOverlap(page: Page) {
  const boxes = await page
    .locator('.topbar, .corner > *:visible')
    .evaluateAll((els) =>
      els.map((el) => ({ name: el.className, r: el.getBoundingClientRect().toJSON() as DOMRect })),
    )
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap =
        a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom
      expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false)
    }
  }
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`desktop ${viewport.width}×${viewport.height}: one bar, cards below it`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    const map = new MapPage(page)
    await map.open('7/34.3/108.9')
    await new SessionDriver(page).signIn('shaanxi')
    const list = page.getByTestId('incident-list')
    await expect(list.locator('[data-incident-id]').first()).toBeVisible()
    await page.locator('.legend__header').click()
    await map.idle()
    // Everything of the bar is on one row inside the screen, with nothing hidden off its end
    const bar = page.locator('.topbar')
    expect((await bar.boundingBox())?.height).toBeLessThanOrEqual(56)
    await expectBarFits(page)
    await expectNoOverlap(page)
    await page.screenshot({ path: `${SHOTS}/chrome-desktop-${viewport.width}.png` })

    // In English the bar still fits
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    await expect(page.locator('.legend')).toContainText('Layers')
    await expectBarFits(page)
    await expectNoOverlap(page)
    await page.screenshot({ path: `${SHOTS}/chrome-desktop-${viewport.width}-en.png` })
    await page.getByRole('button', { name: '中文', exact: true }).click()
    await context.close()
  })
}
