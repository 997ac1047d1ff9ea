import { expect, test } from './fixtures.ts'

// The map opens on its own code; a panel's code comes when the first panel of its kind opens.
// Scripts are sent precompressed (brotli to Chromium).
test('panels load on demand and scripts arrive compressed', async ({ page, map, panel }) => {
  const scripts: { name: string; encoding: string | undefined }[] = []
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname
    if (path.startsWith('/assets/') && path.endsWith('.js')) {
      scripts.push({ name: path.split('/').pop()!, encoding: res.headers()['content-encoding'] })
    }
  })

  // Given the map opened with no panel
  await map.open()
  const main = scripts.find((s) => /^index-.*\.js$/.test(s.name))
  expect(main?.encoding).toBe('br')
  // Then no panel's code has been fetched
  expect(scripts.filter((s) => /Panel-/.test(s.name)).map((s) => s.name)).toEqual([])

  // When a region is clicked, then its panel's chunk arrives and the panel opens
  await map.clickRegion('西安市')
  await panel.expect('610100')
  expect(scripts.some((s) => s.name.startsWith('RegionPanel-'))).toBe(true)
  // And the other kinds still wait for their first panel
  expect(scripts.some((s) => s.name.startsWith('IncidentPanel-'))).toBe(false)
})
