import { expect, test } from './fixtures.ts'

test('switching to English changes the interface labels, and is remembered', async ({
  page,
  map,
  panel,
}) => {
  // Given the app in its default language
  await map.open()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  const legend = page.locator('.legend')
  await expect(legend).toContainText('图层')
  await expect(legend).toContainText('省级行政区')

  // When the user switches to English
  await page.getByRole('button', { name: 'EN', exact: true }).click()

  // Then the labels are English, and domain names (from data) stay Chinese
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(legend).toContainText('Layers')
  await expect(legend).toContainText('Provinces')
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible()
  await map.clickRegion('西安市')
  const xian = await panel.expect('610100', { name: '西安市' })
  await expect(xian).toContainText('Code')
  await expect(xian).toContainText('City')
  await expect(xian).toContainText('Subdivisions')

  // And the choice survives a reload
  await page.reload()
  await expect(page.locator('.legend')).toContainText('Layers')

  // When switched back, Chinese returns
  await page.getByRole('button', { name: '中文', exact: true }).click()
  await expect(page.locator('.legend')).toContainText('图层')
})
