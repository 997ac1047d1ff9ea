import { expect, test } from './fixtures.ts'
import { LegendDriver } from './drivers/layers.ts'
import { FiltersDriver, mapView, renderedProperties } from './drivers/tools.ts'

/** Over 西安, past clustering: every hazard source is its own point. */
const XIAN = '10/34.25/108.95'

test.describe('filters and the URL', () => {
  test('a grade filter narrows the hazard sources and their count; Back undoes it', async ({
    page,
    map,
    session,
    legend,
  }) => {
    const filters = new FiltersDriver(page)
    // Given the 陕西 commander over 西安 with hazard sources drawn one by one
    await map.open(XIAN)
    await session.signIn('shaanxi')
    await legend.expectCountAbove('hazard-sources', 0)
    await map.idle()
    const all = (await legend.count('hazard-sources')) ?? 0
    const grades = (await renderedProperties(page, 'hazard-sources-points')).map((p) => p.grade)
    const firstGrade = grades.filter((g) => g === '一级').length
    expect(firstGrade).toBeGreaterThan(0)
    expect(firstGrade).toBeLessThan(all)

    // When they keep only 一级 sources
    await filters.press('hazard-sources', '一级')

    // Then only 一级 sources are drawn, the count falls, and the URL says so
    await expect
      .poll(async () =>
        (await renderedProperties(page, 'hazard-sources-points')).map((p) => p.grade),
      )
      .toEqual(expect.arrayContaining(['一级']))
    await expect
      .poll(async () =>
        (await renderedProperties(page, 'hazard-sources-points')).every((p) => p.grade === '一级'),
      )
      .toBe(true)
    await expect.poll(() => legend.count('hazard-sources')).toBeLessThan(all)
    await expect.poll(() => legend.count('hazard-sources')).toBeGreaterThan(0)
    await filters.expectFiltered('hazard-sources', true)
    expect(decodeURIComponent(page.url())).toContain('hs.grade=一级')

    // And the layer toggle still hides and shows it
    await legend.setVisible('hazard-sources', false)
    await legend.expectNoCount('hazard-sources')
    await legend.setVisible('hazard-sources', true)
    await legend.expectCountAbove('hazard-sources', 0)

    await page.screenshot({ path: '.tmp/shots/filters-legend.png' })

    // When they go Back: first the toggles are undone, one step each, then the filter
    const checkbox = legend.row('hazard-sources').getByRole('checkbox')
    await page.goBack()
    await expect(checkbox).not.toBeChecked()
    await page.goBack()
    await expect(checkbox).toBeChecked()
    await filters.expectFiltered('hazard-sources', true)
    await page.goBack()
    await filters.expectFiltered('hazard-sources', false)
    await expect.poll(() => legend.count('hazard-sources'), { timeout: 30_000 }).toBe(all)

    // And Forward re-applies it
    await page.goForward()
    await filters.expectFiltered('hazard-sources', true)
    await expect.poll(() => legend.count('hazard-sources')).toBeLessThan(all)
  })

  test('a copied link reproduces view, layers and filters in a new page', async ({
    page,
    context,
    map,
    session,
    legend,
  }) => {
    const filters = new FiltersDriver(page)
    // Given the commander narrowed the map: resources off, 二级 sources, major dangers only
    await map.open(XIAN)
    await session.signIn('shaanxi')
    await legend.expectCountAbove('hazard-sources', 0)
    await legend.setVisible('resources', false)
    await filters.press('hazard-sources', '二级')
    await filters.press('hidden-dangers', 'major')
    await map.jumpTo([108.9, 34.22], 10.5)
    await expect.poll(() => page.url()).toContain('#10.5/34.22/108.9')
    await map.idle()
    await expect
      .poll(async () =>
        (await renderedProperties(page, 'hazard-sources-points')).every((p) => p.grade === '二级'),
      )
      .toBe(true)
    const link = page.url()
    const counts = {
      'hazard-sources': await legend.count('hazard-sources'),
      'hidden-dangers': await legend.count('hidden-dangers'),
    }
    expect(counts['hazard-sources']).toBeGreaterThan(0)

    // When the link is opened in a new page (same session)
    const second = await context.newPage()
    await second.goto(link)
    await second.waitForFunction(() => window.__map?.getLayer('hazard-sources-points'), null, {
      timeout: 60_000,
    })
    const secondLegend = new LegendDriver(second)
    const secondFilters = new FiltersDriver(second)

    // Then it shows the same place, layers, filters and counts
    const view = await mapView(second)
    expect(view.zoom).toBeCloseTo(10.5, 2)
    expect(view.lng).toBeCloseTo(108.9, 4)
    expect(view.lat).toBeCloseTo(34.22, 4)
    await expect(secondLegend.row('resources').getByRole('checkbox')).not.toBeChecked()
    await secondFilters.expectFiltered('hazard-sources', true)
    await secondFilters.expectFiltered('hidden-dangers', true)
    await secondFilters.toggle('hazard-sources').click()
    await expect(secondFilters.chip('hazard-sources', '二级')).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(secondFilters.chip('hazard-sources', '一级')).toHaveAttribute(
      'aria-pressed',
      'false',
    )
    await expect.poll(() => secondLegend.count('hazard-sources')).toBe(counts['hazard-sources'])
    await expect.poll(() => secondLegend.count('hidden-dangers')).toBe(counts['hidden-dangers'])
    await expect
      .poll(async () =>
        (await renderedProperties(second, 'hazard-sources-points')).every(
          (p) => p.grade === '二级',
        ),
      )
      .toBe(true)
    await second.close()
  })

  test('a link with a region filter shows only that region; hostile values are ignored', async ({
    page,
    map,
    session,
    legend,
  }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await map.open(XIAN)
    await session.signIn('shaanxi')
    await legend.expectCountAbove('hazard-sources', 0)

    // When a link filters to 雁塔区 (610113) and carries junk besides
    await page.goto(
      '/?layers=hazard-sources,counties,__proto__&region=610113&hs.grade=<script>,五级' +
        '&rs.kind=alien#10/34.22/108.95/9999',
    )
    await page.waitForFunction(() => window.__map?.getLayer('hazard-sources-points'), null, {
      timeout: 60_000,
    })
    const filters = new FiltersDriver(page)

    // Then the region chip names 雁塔区, every drawn source lies in it, the junk is dropped
    await expect(filters.region()).toContainText('雁塔区')
    await legend.expectCountAbove('hazard-sources', 0)
    await expect
      .poll(async () =>
        (await renderedProperties(page, 'hazard-sources-points')).every((p) =>
          String(p.regionCode).startsWith('610113'),
        ),
      )
      .toBe(true)
    await filters.expectFiltered('hazard-sources', false)
    await expect(legend.row('resources').getByRole('checkbox')).not.toBeChecked()
    expect((await mapView(page)).bearing).toBe(0)
    expect(errors).toEqual([])

    // When the region chip is cleared, sources outside 雁塔区 come back
    await filters.region().getByRole('button').click()
    await expect
      .poll(async () =>
        (await renderedProperties(page, 'hazard-sources-points')).some(
          (p) => !String(p.regionCode).startsWith('610113'),
        ),
      )
      .toBe(true)
  })

  test('“筛选到本区域” in a region panel limits every registry layer to that region', async ({
    page,
    map,
    panel,
    session,
    legend,
  }) => {
    const filters = new FiltersDriver(page)
    // Given the commander over 西安 with the 雁塔区 panel open
    await map.open(XIAN)
    await session.signIn('shaanxi')
    await legend.expectCountAbove('hazard-sources', 0)
    // (through the search: at its label point a resource sits above the region)
    await page.getByTestId('search').getByRole('combobox').fill('雁塔区')
    await page.getByTestId('search').locator('[role="option"][data-id="610113"]').click()
    const regionPanel = await panel.expect('610113', { name: '雁塔区' })
    await map.idle()
    const before = (await legend.count('resources')) ?? 0

    // When they filter the map to this region
    await regionPanel.locator('[data-action="filter-to-region"]').click()

    // Then the legend shows the region and only its records are drawn
    await expect(filters.region()).toContainText('雁塔区')
    await expect(regionPanel.locator('[data-action="filter-to-region"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    for (const layer of ['hazard-sources-points', 'resources-discs']) {
      await expect
        .poll(async () => {
          const drawn = await renderedProperties(page, layer)
          return drawn.length > 0 && drawn.every((p) => String(p.regionCode).startsWith('610113'))
        })
        .toBe(true)
    }
    expect(page.url()).toContain('region=610113')
    await expect.poll(() => legend.count('resources')).toBeLessThan(before)
    await expect.poll(() => legend.count('resources')).toBeGreaterThan(0)
    await page.screenshot({ path: '.tmp/shots/filter-to-region.png' })
  })
})
