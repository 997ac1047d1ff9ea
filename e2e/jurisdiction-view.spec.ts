import { expect, test } from './fixtures.ts'

const shots = '.tmp/shots'

/*
 * Each user's map opens on their own jurisdiction (#19), unless the URL names a view or the
 * map was moved before the session was known.
 */
test.describe('the map opens on the user’s jurisdiction', () => {
  test('a 雁塔区 officer opens on 雁塔区, on sign-in and on the next visit', async ({
    page,
    map,
    session,
  }) => {
    // Given the map opened without a view in its URL (the 陕西 overview)
    await map.open()
    expect(await map.zoom()).toBeLessThan(7)

    // When the 雁塔区 officer signs in
    await session.signIn('yanta')

    // Then the map shows 雁塔区, fitted
    await map.expectFittedTo('610113')
    expect(await map.zoom()).toBeGreaterThan(10)

    // And the next visit, with the session and no view in the URL, opens there too
    await page.goto('/')
    await map.open()
    await map.expectFittedTo('610113')
  })

  test('the 陕西 commander opens on 陕西, the ministry on the whole country', async ({
    page,
    map,
    session,
    legend,
  }) => {
    await map.open()
    await session.signIn('shaanxi')
    await map.expectFittedTo('610000')

    await session.signOut()
    // A new page: the first session of a page moves the map, later ones do not.
    await page.goto('/')
    await map.open()
    await session.signIn('national')
    await map.expectFittedTo('100000')
    expect(await map.zoom()).toBeLessThan(5)
    // And the legend counts the provinces drawn from the region tiles, all 34 in view
    await legend.expectCountAbove('provinces', 30)
  })

  test('a view in the URL wins, and so does a move made before signing in', async ({
    page,
    map,
    session,
  }) => {
    // Given the map opened on 榆林 by its URL
    await map.open('9/38.3/109.7')
    const named = await map.bounds()

    // When the 雁塔区 officer signs in, and the time a fit would take has passed (a
    // negative cannot be awaited: a fit follows /api/me within a frame or two)
    const me = page.waitForResponse((r) => r.url().endsWith('/api/me'))
    await session.signIn('yanta')
    await me
    await page.waitForTimeout(1_000)
    await map.idle()

    // Then the map stays where the URL put it
    expect(await map.bounds()).toEqual(named)

    // And after a reload with the session the URL's view still wins
    await map.open('9/38.3/109.7')
    await page.waitForTimeout(1_000)
    const [w, s, e, n] = await map.bounds()
    expect((w + e) / 2).toBeCloseTo(109.7, 1)
    expect((s + n) / 2).toBeCloseTo(38.3, 1)

    // Given a fresh page without a view, moved by the user before signing in
    await session.signOut()
    await page.goto('/')
    await map.open()
    await map.jumpTo([107.0, 33.1], 8)
    const moved = await map.bounds()
    await session.signIn('yanta')
    await page.waitForTimeout(1_000)
    await map.idle()
    expect(await map.bounds()).toEqual(moved)
  })

  for (const size of [
    { width: 390, height: 844 },
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    test(`screenshots at ${size.width}×${size.height}: 雁塔区 officer, national view`, async ({
      page,
      map,
      session,
    }) => {
      // A 3840×2160 frame is four 1080p frames of software WebGL (SwiftShader).
      test.slow(size.width > 2000, 'hall-wall frames render on the CPU')
      await page.setViewportSize(size)
      await map.open()
      await session.signIn('yanta')
      await map.expectFittedTo('610113')
      await page.screenshot({ path: `${shots}/jurisdiction-yanta-${size.width}.png` })
      // The national view of the region tiles: provinces only, their names from the tiles.
      await map.jumpTo([104, 35.5], 3.6)
      await page.screenshot({ path: `${shots}/regions-national-${size.width}.png` })
      // A province view with cities, then counties.
      await map.jumpTo([108.9, 35.9], 6.2)
      await page.screenshot({ path: `${shots}/regions-province-${size.width}.png` })
      await map.jumpTo([108.95, 34.3], 8.6)
      await page.screenshot({ path: `${shots}/regions-counties-${size.width}.png` })
    })
  }
})
