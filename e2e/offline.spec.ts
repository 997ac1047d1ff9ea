import type { Request } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The host a request goes to; blob: and data: URLs are created in the page itself. */
function hostOf(url: string): string | null {
  if (url.startsWith('data:')) return null
  const parsed = new URL(url.startsWith('blob:') ? url.slice('blob:'.length) : url)
  return parsed.hostname
}

test('every request stays on this machine, and the basemap loads without failures', async ({
  page,
  map,
  panel,
}) => {
  const requests: string[] = []
  const failed: Request[] = []
  const refusedByCsp: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('requestfailed', (request) => failed.push(request))
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusedByCsp.push(m.text())
  })

  // Given the map opened, used at province, city and county zoom, with a panel open
  await map.open()
  await map.clickRegion('西安市')
  await panel.expect('610100')
  await map.clickRegion('雁塔区')
  await panel.expect('610113')
  await map.jumpTo([108.9, 34.3], 10)

  // Then no request went to another host
  const offHost = requests.filter((url) => {
    const host = hostOf(url)
    return host !== null && !LOCAL_HOSTS.has(host)
  })
  expect(offHost).toEqual([])
  // And the security headers' CSP refused nothing the app needs (workers, glyphs, styles)
  expect(refusedByCsp).toEqual([])
  expect(requests.some((url) => url.includes('/api/regions'))).toBe(true)

  // And, once the offline basemap exists, its style, tiles and glyphs load without failures
  const style = await page.request.get('/tiles/style.json')
  if (!style.ok()) {
    test.info().annotations.push({
      type: 'note',
      description: 'offline basemap not built: the map ran on its plain fallback style',
    })
    return
  }
  expect(requests.some((url) => url.includes('/tiles/basemap.pmtiles'))).toBe(true)
  const tileFailures = failed
    .filter((r) => new URL(r.url()).pathname.startsWith('/tiles/'))
    // Tiles MapLibre no longer needs after a jump are cancelled on purpose.
    .filter((r) => r.failure()?.errorText !== 'net::ERR_ABORTED')
    .map((r) => `${r.url()} ${r.failure()?.errorText}`)
  expect(tileFailures).toEqual([])
  const statuses = await Promise.all(
    requests
      .filter((url) => new URL(url).pathname.startsWith('/tiles/glyphs/'))
      .slice(0, 5)
      .map(async (url) => (await page.request.get(url)).status()),
  )
  expect(statuses.every((s) => s === 200)).toBe(true)
})

test('the API docs page renders under a CSP that allows no inline script', async ({ page }) => {
  const refusedByCsp: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusedByCsp.push(m.text())
  })
  const res = await page.goto('/api/docs')
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.locator('.op').first()).toBeVisible()
  expect(refusedByCsp).toEqual([])
})
