import { expect, test } from './fixtures.ts'
import { EditingDriver } from './drivers/editing.ts'

const YANTA: [number, number] = [108.922, 34.215]
const shots = '.tmp/shots'

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

test.describe('phone (390×844): field editing in a bottom sheet', () => {
  test('the record panel is a bottom sheet; move and edit work with ≥ 44 px targets', async ({
    page,
    map,
    session,
  }) => {
    const editing = new EditingDriver(page, map)
    // Given the 雁塔区 officer on a phone, with one of their hazard sources opened
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const source = await editing.hazardSourceNear([108.915, 34.21], '610113')
    const before = await editing.detail(source.id)
    const panel = await editing.openHazardSource(source)

    // Then the panel is a sheet along the bottom edge, full width
    const sheet = await panel.boundingBox()
    expect(sheet).not.toBeNull()
    expect(sheet?.x).toBe(0)
    expect(sheet?.width).toBe(390)
    expect(Math.round((sheet?.y ?? 0) + (sheet?.height ?? 0))).toBe(844)

    // And every editing action is a ≥ 44 px target
    for (const name of ['移动位置', '使用我的位置', '编辑']) {
      await EditingDriver.expectTouchTarget(panel.getByRole('button', { name }))
    }

    // When they move the record: the marker stands above the sheet, and can be dragged
    await panel.getByRole('button', { name: '移动位置' }).click()
    const marker = editing.marker()
    await EditingDriver.expectTouchTarget(marker)
    const markerBox = await marker.boundingBox()
    const sheetTop = (await panel.boundingBox())?.y ?? 0
    expect((markerBox?.y ?? 0) + (markerBox?.height ?? 0)).toBeLessThan(sheetTop)
    await editing.dragMarkerBy(-50, -60)
    await expect(panel.locator('[data-field="distance-moved"]')).toHaveText(/^移动距离 [\d,]+ m$/)
    for (const name of ['确认', '取消']) {
      await EditingDriver.expectTouchTarget(panel.getByRole('button', { name }))
    }
    await page.screenshot({ path: `${shots}/phone-move-confirm.png` })
    await panel.getByRole('button', { name: '确认' }).click()
    await expect(marker).toHaveCount(0)
    await expect
      .poll(async () => (await editing.detail(source.id)).version)
      .toBe(before.version + 1)
    const moved = await editing.detail(source.id)
    expect(moved.location).not.toEqual(before.location)

    // When they edit the people count in the form, its fields are ≥ 44 px tall too
    await panel.getByRole('button', { name: '编辑' }).click()
    const form = panel.getByTestId('hazard-source-form')
    const people = form.locator('input[name="peopleWithin500m"]')
    expect((await people.boundingBox())?.height).toBeGreaterThanOrEqual(44)
    expect(
      (await form.locator('input[name="substance-0-q"]').boundingBox())?.height,
    ).toBeGreaterThanOrEqual(44)
    await people.fill(String(before.peopleWithin500m + 3))
    await expect(form.getByTestId('live-assessment')).toHaveAttribute('aria-busy', 'false')
    await page.screenshot({ path: `${shots}/phone-sheet-form.png` })
    const save = form.getByRole('button', { name: '保存' })
    await save.scrollIntoViewIfNeeded()
    await EditingDriver.expectTouchTarget(save)
    await save.click()
    await expect(form).toHaveCount(0)
    const saved = await editing.detail(source.id)
    expect(saved.version).toBe(before.version + 2)
    expect(saved.peopleWithin500m).toBe(before.peopleWithin500m + 3)
    expect(saved.location).toEqual(moved.location)
  })
})
