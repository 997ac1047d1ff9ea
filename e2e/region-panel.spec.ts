import { expect, test } from './fixtures.ts'

test.describe('region panel', () => {
  test.beforeEach(async ({ map }) => {
    await map.open()
  })

  test('clicking 西安市 opens its panel; it follows the map and Esc closes it', async ({
    map,
    panel,
  }) => {
    // When the user clicks 西安市 in the middle of the map
    await map.centerOn('西安市')
    await map.clickRegion('西安市')

    // Then its panel shows the code, the name and the parent province
    await panel.expect('610100', { name: '西安市', parent: '陕西省' })

    // When the map pans, the panel moves with it
    const before = await panel.box('610100')
    await map.panBy(120, 60)
    const after = await panel.box('610100')
    expect(after.x - before.x).toBeCloseTo(-120, 0)
    expect(after.y - before.y).toBeCloseTo(-60, 0)

    // When Esc is pressed, the panel closes
    await map.pressEscape()
    await panel.expectClosed('610100')
  })

  test('a parent opens a second panel; a pinned panel survives Esc', async ({ map, panel }) => {
    await map.clickRegion('西安市')
    await panel.expect('610100')

    // When the user pins 西安市 and opens its parent from the panel
    await panel.pin('610100')
    await panel.openParent('610100', '陕西省')

    // Then both panels are open
    await panel.expect('610000', { name: '陕西省', parent: '中华人民共和国' })
    await panel.expect('610100')

    // When Esc is pressed, only the unpinned one closes
    await map.pressEscape()
    await panel.expectClosed('610000')
    await map.pressEscape()
    await panel.expect('610100')

    // And × closes the pinned one
    await panel.close('610100')
    await panel.expectClosed('610100')
  })

  test('the most specific region under the cursor wins', async ({ map, panel }) => {
    // Given the map is zoomed in far enough to show counties
    await map.clickRegion('雁塔区')

    // Then the county's panel opens, not its city's or province's
    await panel.expect('610113', { name: '雁塔区', parent: '西安市' })
    await panel.expectClosed('610100')
  })
})
