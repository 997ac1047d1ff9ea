import { area, length, lineString, polygon } from '@turf/turf'
import type { NearbyResult } from '../server/routes/nearby/nearby.schemas.ts'
import { expect, test } from './fixtures.ts'
import { canvasOrigin, lngLatAt, renderedProperties } from './drivers/tools.ts'

const XIAN = '11/34.25/108.95'

test.describe('measure and nearby', () => {
  test('measuring a distance and an area matches turf for the clicked points', async ({
    page,
    map,
  }) => {
    // Given the map over 西安 and the distance tool
    await map.open(XIAN)
    await page.locator('[data-tool="measure-distance"]').click()
    const readout = page.getByTestId('measure-readout')
    await expect(readout).toHaveAttribute('data-mode', 'distance')

    // When the user clicks two points on the map
    const o = await canvasOrigin(page)
    const a = { x: o.x + 420, y: o.y + 380 }
    const b = { x: o.x + 760, y: o.y + 470 }
    await page.mouse.click(a.x, a.y)
    await page.mouse.click(b.x, b.y)

    // Then the readout is turf's length of the line through those two lng/lats
    const points = [await lngLatAt(page, a.x, a.y), await lngLatAt(page, b.x, b.y)]
    const metres = length(lineString(points), { units: 'kilometers' }) * 1000
    await expect(readout).toHaveAttribute('data-metres', /\d/)
    const shown = Number(await readout.getAttribute('data-metres'))
    expect(Math.abs(shown - metres)).toBeLessThan(0.5)
    await expect(readout.locator('[data-field="distance"]')).toHaveText(
      metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(2)} km`,
    )

    // When a third point is double-clicked, the line ends there
    const c = { x: o.x + 760, y: o.y + 300 }
    await page.mouse.dblclick(c.x, c.y)
    await expect(readout.getByRole('button', { name: '完成' })).toBeDisabled()
    const three = [...points, await lngLatAt(page, c.x, c.y)]
    const threeMetres = length(lineString(three), { units: 'kilometers' }) * 1000
    await expect
      .poll(async () => Number(await readout.getAttribute('data-metres')))
      .toBeCloseTo(threeMetres, 0)
    await page.screenshot({ path: '.tmp/shots/measure-distance.png' })

    // When Esc is pressed, the measurement is gone
    await page.keyboard.press('Escape')
    await expect(readout).toHaveAttribute('data-metres', '0')

    // When measuring an area over three corners and finishing with the button
    await readout.getByRole('button', { name: '测面积' }).click()
    await expect(readout).toHaveAttribute('data-mode', 'area')
    for (const p of [a, b, c]) await page.mouse.click(p.x, p.y)
    await readout.getByRole('button', { name: '完成' }).click()
    const ring = [...three, three[0]!]
    const squareMetres = area(polygon([ring]))
    await expect
      .poll(async () => Number(await readout.getAttribute('data-square-metres')))
      .toBeCloseTo(squareMetres, 0)
    await expect(readout.locator('[data-field="hectares"]')).toHaveText(
      `${(squareMetres / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 公顷`,
    )
    await page.screenshot({ path: '.tmp/shots/measure-area.png' })

    // And clicks while measuring open no panels
    await expect(page.locator('[data-panel-id]')).toHaveCount(0)
  })

  test('right-click → 查询周边 lists hazard sources and resources nearest first', async ({
    page,
    map,
    panel,
    session,
  }) => {
    // Given the 陕西 commander over 西安
    await map.open(XIAN)
    await session.signIn('shaanxi')
    await map.idle()

    // When they right-click the middle of the map and ask what is within 5 km
    const o = await canvasOrigin(page)
    const here = { x: o.x + 640, y: o.y + 400 }
    await page.mouse.click(here.x, here.y, { button: 'right' })
    const center = await lngLatAt(page, here.x, here.y)
    await page.locator('[data-action="nearby-here"]').click()

    // Then the list shows what the API finds there, nearest first, and the circle is drawn
    const list = page.getByTestId('nearby-panel')
    const rows = list.locator('.nearby__row')
    await expect(rows.first()).toBeVisible()
    const api = (await (
      await page.request.get(`/api/nearby?lng=${center[0]}&lat=${center[1]}&radiusKm=5`)
    ).json()) as NearbyResult
    expect(api.items.length).toBeGreaterThan(1)
    await expect(rows).toHaveCount(api.items.length)
    const distances = await rows.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-distance-m'))),
    )
    expect(distances).toEqual([...distances].sort((x, y) => x - y))
    expect(distances.at(-1)).toBeLessThanOrEqual(5000)
    expect(await rows.first().getAttribute('data-id')).toBe(api.items[0]?.id)
    await expect
      .poll(async () => (await renderedProperties(page, 'nearby-ring')).length)
      .toBeGreaterThan(0)
    await page.screenshot({ path: '.tmp/shots/nearby-list.png' })

    // When the nearest row is clicked, the map flies there and opens its record
    const first = api.items[0]!
    await rows.first().click()
    await panel.expectRecord(
      first.kind === 'hazard_source' ? 'hazard-source' : 'resource',
      first.id,
    )

    // And on touch: the tool button, then a tap on the map, asks about that point (with the
    // record panel closed first, so the tap lands on the map)
    await page.keyboard.press('Escape')
    await expect(page.locator('.attached-panel')).toHaveCount(0)
    await page.locator('[data-tool="nearby"]').click()
    await map.idle()
    await page.mouse.click(o.x + 500, o.y + 500)
    await expect(rows.first()).toBeVisible()
    await expect(page.locator('[data-tool="nearby"]')).toHaveAttribute('aria-pressed', 'false')
  })
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('tapping 周边查询 then the map lists what is near in a bottom sheet', async ({
    page,
    map,
    session,
  }) => {
    await map.open(XIAN)
    await session.signIn('shaanxi')
    await map.idle()

    // When the officer taps the tool, then a point on the map
    const tool = page.locator('[data-tool="nearby"]')
    await tool.tap()
    const o = await canvasOrigin(page)
    await page.touchscreen.tap(o.x + 195, o.y + 420)

    // Then the results sit in a sheet along the bottom, with finger-sized rows
    const sheet = page.getByTestId('nearby-panel')
    await expect(sheet.locator('.nearby__row').first()).toBeVisible()
    const box = await sheet.boundingBox()
    expect(box).not.toBeNull()
    expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(844)
    expect(box?.width).toBe(390)
    const rowHeight = (await sheet.locator('.nearby__row').first().boundingBox())?.height ?? 0
    expect(rowHeight).toBeGreaterThanOrEqual(44)
    await page.screenshot({ path: '.tmp/shots/nearby-phone.png' })

    // When measuring by taps, the readout follows
    await sheet.getByRole('button', { name: '关闭周边查询' }).tap()
    await page.locator('[data-tool="measure-distance"]').tap()
    await page.touchscreen.tap(o.x + 100, o.y + 400)
    await page.touchscreen.tap(o.x + 300, o.y + 520)
    const readout = page.getByTestId('measure-readout')
    await expect
      .poll(async () => Number(await readout.getAttribute('data-metres')))
      .toBeGreaterThan(0)
    await page.screenshot({ path: '.tmp/shots/measure-phone.png' })
  })
})
