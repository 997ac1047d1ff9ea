import type { Locator, Page } from '@playwright/test'
import { IncidentsDriver } from './drivers/incidents.ts'
import { MapPage } from './drivers/map-page.ts'
import { SessionDriver } from './drivers/session.ts'
import { expect, test } from './fixtures.ts'

/** 雁塔区, 西安, where the demo data has open incidents. */
const YANTA: [number, number] = [108.948, 34.213]
const PHONE = { width: 390, height: 844 }
const SHOTS = '.tmp/shots'
const MIN_TARGET = 44

/** Every visible button, field and select in `scope` is at least 44 px tall (touch target). */
async function expectTouchTargets(scope: Locator) {
  const small = await scope.locator('button:visible, input:visible, select:visible').evaluateAll(
    (els, min) =>
      els
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < min)
        .map(({ el, r }) => `${el.outerHTML.slice(0, 80)} ${Math.round(r.height)}px`),
    MIN_TARGET,
  )
  expect(small).toEqual([])
}

/** Inside the phone's width: nothing to scroll sideways for. */
async function expectWithinWidth(page: Page, scope: Locator) {
  const box = await scope.boundingBox()
  expect(box).not.toBeNull()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 0.5)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(overflow).toBeLessThanOrEqual(PHONE.width)
}

test.describe('incidents on a phone (390×844)', () => {
  test('report form, incident sheet, dispatch and duty fit and have touch-size targets', async ({
    browser,
  }) => {
    test.setTimeout(180_000)
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true })
    const page = await context.newPage()
    const map = new MapPage(page)
    await map.open(`12/${YANTA[1]}/${YANTA[0]}`)
    await new SessionDriver(page).signIn('xian')
    const incidents = new IncidentsDriver(page)
    await expect(page.getByTestId('incident-list')).toBeVisible()
    await map.idle()

    // The open-incidents list starts as a badge on a phone; opened, it holds the demo incidents
    await page.getByTestId('incident-list').locator('.incident-list__toggle').click()
    const entries = page.locator('[data-testid="incident-list"] [data-incident-id]')
    await expect(entries.first()).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/phone-map.png` })

    // The report form: inside the screen, 44 px targets
    await incidents.reportAt(YANTA)
    const form = incidents.form()
    await expectWithinWidth(page, form)
    // A bottom sheet: the point reported is on the map above it, not under it
    const formBox = (await form.boundingBox())!
    expect(Math.round(formBox.y + formBox.height)).toBe(PHONE.height)
    await map.idle() // after the pan that brings the point above the sheet
    const pointY = await page.evaluate(
      (p) => window.__map?.project(p as [number, number]).y ?? -1,
      YANTA,
    )
    expect(pointY).toBeLessThan(formBox.y)
    // …and below the corner cards (the list steps aside while reporting)
    await expect(page.getByTestId('incident-list')).toBeHidden()
    const cardsBottom = await page
      .locator('.topbar, .corner > *:visible')
      .evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().bottom)))
    expect(pointY).toBeGreaterThan(cardsBottom)
    await expectTouchTargets(form)
    await page.screenshot({ path: `${SHOTS}/phone-report-form.png` })
    await form.locator('button', { hasText: '取消' }).click()
    await expect(form).toHaveCount(0)
    await expect(page.getByTestId('incident-list')).toBeVisible()

    // The incident panel is a bottom sheet over the lower part of the screen
    await entries.first().locator('button').first().click()
    const sheet = page.locator('.attached-panel').filter({ has: page.locator('.incident-panel') })
    await expect(sheet.locator('.incident-panel')).toBeVisible()
    const box = (await sheet.boundingBox())!
    expect(box.x).toBe(0)
    expect(box.width).toBe(PHONE.width)
    expect(Math.round(box.y + box.height)).toBe(PHONE.height)
    expect(box.height).toBeLessThanOrEqual(PHONE.height * 0.6 + 1)
    await expectTouchTargets(sheet)
    await page.screenshot({ path: `${SHOTS}/phone-incident-sheet.png` })

    // Its dispatch section, scrolled to
    const dispatch = sheet.locator('.recommendations, .dispatches').first()
    await dispatch.scrollIntoViewIfNeeded()
    await expect(dispatch).toBeVisible()
    await expectTouchTargets(sheet)
    await page.screenshot({ path: `${SHOTS}/phone-dispatch.png` })
    await sheet.locator('[data-action="close"], button[aria-label="关闭"]').first().click()

    // The duty panel: inside the screen, touch targets, the roster form
    await page.locator('[data-action="duty"]').click()
    const duty = page.getByTestId('duty-panel')
    await expect(duty).toBeVisible()
    await expectWithinWidth(page, duty)
    await expectTouchTargets(duty)
    await expect(duty.locator('[data-field="shift-form"] select[name="userId"]')).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/phone-duty.png` })
    await context.close()
  })
})
