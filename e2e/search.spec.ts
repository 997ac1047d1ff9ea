import { expect, test } from './fixtures.ts'

test.describe('search', () => {
  test('signed in: typing 西安 and picking 西安市 opens the region panel', async ({
    page,
    map,
    panel,
    session,
  }) => {
    // Given the 陕西 commander signed in
    await map.open()
    await expect(page.getByTestId('search')).toHaveCount(0)
    await session.signIn('shaanxi')

    // When they type 西安 into the search box
    const search = page.getByTestId('search')
    await search.getByRole('combobox').fill('西安')

    // Then 西安市 is offered as a region, and picking it opens its panel
    const option = search.getByRole('option').filter({ hasText: '西安市' }).first()
    await expect(option).toHaveAttribute('data-kind', 'region')
    await expect(option).toHaveAttribute('data-id', '610100')
    await option.click()
    await panel.expect('610100', { name: '西安市' })
  })
})
