import { fileURLToPath } from 'node:url'
import { test } from './fixtures.ts'

/*
 * The screenshots shown in the README, written to docs/. Not a check, so the config leaves
 * this file out of the suite unless asked for:
 *   DOCS_SCREENSHOTS=1 npx playwright test -c e2e/playwright.config.ts docs-screenshots
 */
const docs = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url))

test.describe('desktop', () => {
  test.use({ viewport: { width: 1600, height: 900 } })

  test('西安市 panel over the province view', async ({ page, map, panel }) => {
    await map.open()
    await map.clickRegion('西安市')
    await panel.expect('610100')
    // Off the map, so no hover highlight competes with the selection.
    await page.mouse.move(100, 30) // onto the brand card
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
    await page.mouse.move(100, 30) // onto the brand card
    await map.idle()
    await page.screenshot({ path: docs('screenshot-map-en.png') })
  })
})

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('bottom sheet', async ({ page, map, panel }) => {
    await map.open()
    await map.clickRegion('西安市')
    await panel.expect('610100')
    await map.idle()
    await page.screenshot({ path: docs('screenshot-phone.png') })
  })
})

test.describe('registry', () => {
  test.use({ viewport: { width: 1600, height: 900 } })

  test('hazard sources over 西安/渭南 with a panel open', async ({
    page,
    map,
    panel,
    session,
    legend,
    registry,
  }) => {
    await map.open('9.6/34.45/109.3')
    await session.signIn('shaanxi')
    await legend.expectCountAbove('hazard-sources', 0)
    await map.idle()
    const id = await registry.clickSymbol('hazard-sources-points')
    await panel.expectRecord('hazard-source', id)
    await page.mouse.move(100, 30) // onto the brand card
    await map.idle()
    await page.screenshot({ path: docs('screenshot-registry.png') })
  })
})
