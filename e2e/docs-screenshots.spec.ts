import { fileURLToPath } from 'node:url'
import { EditingDriver } from './drivers/editing.ts'
import { expect, test } from './fixtures.ts'

/*
 * The screenshots shown in the README, written to docs/. Not a check, so the config leaves
 * this file out of the suite unless asked for:
 *   DOCS_SCREENSHOTS=1 npx playwright test -c e2e/playwright.config.ts docs-screenshots
 */
const docs = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url))

test.describe('desktop', () => {
  test.use({ viewport: { width: 1600, height: 900 } })

  test('command view: the province with its open incidents and one incident panel', async ({
    page,
    map,
    session,
  }) => {
    await map.open('7.1/35.3/108.9')
    await session.signIn('shaanxi')
    const list = page.getByTestId('incident-list')
    await expect(list.locator('.incident-list__item').first()).toBeVisible()
    // The 重大 explosion, with its dispatches drawn as lines.
    await list.locator('.incident-list__item').filter({ hasText: '重大' }).first().click()
    await expect(page.locator('[data-panel-id^="incident:"]')).toBeVisible()
    await map.idle()
    await page.mouse.move(1590, 890)
    await page.waitForTimeout(1500)
    await page.screenshot({ path: docs('screenshot-command.png') })
  })

  test('西安市 panel over the province view', async ({ page, map, panel }) => {
    await map.open()
    await map.clickRegion('西安市')
    await panel.expect('610100')
    await page.mouse.move(1590, 890)
    await map.idle()
    await page.screenshot({ path: docs('screenshot-map.png') })
  })

  test('county view in English with two panels', async ({ page, map, panel }) => {
    await page.addInitScript(() =>
      localStorage.setItem('jinan.locale', JSON.stringify({ state: { locale: 'en' }, version: 0 })),
    )
    await map.open('8.6/34.25/108.75')
    await map.clickRegion('雁塔区')
    await panel.expect('610113')
    await panel.pin('610113')
    await map.clickRegion('周至县')
    await panel.expect('610124')
    await page.mouse.move(1590, 890)
    await map.idle()
    await page.screenshot({ path: docs('screenshot-map-en.png') })
  })

  test('hazard sources over 西安 with a panel open', async ({
    page,
    map,
    panel,
    session,
    legend,
    registry,
  }) => {
    await map.open('10.4/34.3/108.95')
    await session.signIn('shaanxi')
    await legend.expectCountAbove('hazard-sources', 0)
    await map.idle()
    const id = await registry.clickSymbol('hazard-sources-points')
    await panel.expectRecord('hazard-source', id)
    await page.mouse.move(1590, 890)
    await map.idle()
    await page.screenshot({ path: docs('screenshot-registry.png') })
  })

  test('a county officer edits quantities and sees the grade before saving', async ({
    page,
    map,
    session,
  }) => {
    const editing = new EditingDriver(page, map)
    await map.open('13/34.215/108.922')
    await session.signIn('yanta')
    const source = await editing.hazardSourceNear([108.9, 34.2], '610113')
    const before = await editing.detail(source.id)
    const panel = await editing.openHazardSource(source)
    await panel.getByRole('button', { name: '编辑' }).click()
    const form = panel.getByTestId('hazard-source-form')
    const first = before.substances[0]
    if (!first) throw new Error('hazard source without substances')
    await form.locator('input[name="substance-0-q"]').fill(String(first.quantityTonnes * 20))
    await form.locator('input[name="peopleWithin500m"]').fill('150')
    await expect(form.getByTestId('live-assessment')).toBeVisible()
    await page.waitForTimeout(1500)
    await page.screenshot({ path: docs('screenshot-editing.png') })
  })
})

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('a record as a bottom sheet', async ({ page, map, panel, session, registry }) => {
    await map.open('12.5/34.24/108.95')
    await session.signIn('xian')
    await map.idle()
    const id = await registry.clickSymbol('hazard-sources-points')
    await panel.expectRecord('hazard-source', id)
    await map.idle()
    await page.screenshot({ path: docs('screenshot-phone.png') })
  })
})
