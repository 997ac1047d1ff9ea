import { fileURLToPath } from 'node:url'
import { DrillsDriver } from './drivers/drills.ts'
import { expect, test } from './fixtures.ts'

/** 雁塔区, 西安: yanta's own county. */
const YANTA: [number, number] = [108.948, 34.213]
/** East of the map's centre, clear of the drawer on the left: the drill's place. */
const PLACE: [number, number] = [108.985, 34.213]
const docs = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url))

test.describe('drills (应急演练)', () => {
  test('a drill scheduled, run with its 演练 marking, evaluated and replayed', async ({
    page,
    map,
    session,
  }) => {
    test.setTimeout(150_000)
    const drills = new DrillsDriver(page)
    await map.open(`12/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    await expect(page.getByTestId('incident-list')).toBeVisible()

    // Given the drawer with the past demo drill of 雁塔区
    await drills.openDrawer()
    await expect(drills.drawer().locator('[data-status="finished"]')).toHaveCount(1)

    // When a drill of the county's plan is scheduled at a place picked on the map
    await drills.drawer().locator('[data-action="new-drill"]').click()
    const form = drills.form()
    await form
      .locator('[data-field="plan"]')
      .selectOption({ label: '雁塔区生产安全事故综合应急预案' })
    await expect(form.locator('[data-field="version"]')).toBeVisible()
    await form.locator('[data-field="kind"]').selectOption('field')
    await form.locator('[data-field="title"]').fill('端到端实战演练')
    await form.locator('[data-field="scenario-title"]').fill('液氯槽车泄漏')
    await form.locator('[data-action="pick-place"]').click()
    await drills.clickMap(PLACE)
    await expect(page.getByTestId('drill-place-marker')).toBeVisible()
    await form.locator('[data-field="injection-text"]').first().fill('现场报告：泄漏扩大')
    await form.locator('[data-injection="0"] input[type="number"]').first().fill('0')
    await form.locator('[data-injection="0"] select').selectOption('responding')
    await form.locator('[data-action="schedule"]').click()

    // Then its panel opens at the place; running it reports the exercise incident
    const panel = drills.panel()
    await expect(panel.locator('[data-status="scheduled"]')).toBeVisible()
    await panel.locator('[data-action="run"]').click()
    await expect(panel.locator('[data-status="running"]')).toBeVisible()
    // The injected update (minute 0) arrives through the scheduler and the live stream.
    await expect(panel.locator('[data-field="injections"] li[data-applied="true"]')).toHaveCount(
      1,
      {
        timeout: 30_000,
      },
    )
    await panel.locator('[data-action="open-incident"]').click()
    const incident = page.locator('[data-panel-id^="incident:"] [data-exercise="true"]')
    await expect(incident.locator('[data-field="exercise"]')).toHaveText('演练')
    await expect(incident.locator('[data-field="exercise-note"]')).toBeVisible()
    await expect(incident.locator('[data-field="status"]')).toHaveText('处置中')

    // The live list leaves it out until exercises are asked for (kept in the URL)
    const list = page.getByTestId('incident-list')
    await expect(list.locator('[data-exercise="true"]')).toHaveCount(0)
    await list.locator('[data-field="exercise-filter"] select').selectOption('include')
    await expect(page).toHaveURL(/ex=include/)
    await expect(list.locator('[data-exercise="true"] [data-field="exercise"]')).toHaveCount(1)

    // When it is evaluated
    await page.locator('[data-panel-id^="incident:"] [aria-label="关闭"]').first().click()
    const evaluation = panel.getByTestId('drill-evaluation-form')
    await evaluation.locator('input[data-step="1"]').fill('10')
    await evaluation.locator('input[data-step="2"]').fill('40')
    await evaluation.locator('[data-field="problems"]').fill('警戒区偏小')
    await evaluation.locator('[data-action="finish"]').click()
    await expect(panel.locator('[data-status="finished"]')).toBeVisible()
    await expect(panel.locator('[data-field="score"]')).toBeVisible()
    await expect(panel.locator('tr[data-verdict="late"]')).toHaveCount(1)

    // Then the replay's slider moves through the timeline on the map
    await panel.locator('[data-action="replay"]').click()
    const replay = panel.getByTestId('drill-replay')
    await expect(replay).toHaveAttribute('data-minute', '0')
    await expect.poll(() => drills.rendered('drill-replay-incident')).toBe(1)
    const slider = replay.locator('input[type="range"]')
    const max = await slider.getAttribute('max')
    await slider.fill(max ?? '60')
    await expect(replay).toHaveAttribute('data-minute', max ?? '60')
    await expect(replay.locator('[data-field="replay-status"]')).toHaveText('结案')
    await expect(replay.locator('li[data-state="done"]')).toHaveCount(2)
  })
})

/*
 * The README screenshots of the drills panels (DOCS_SCREENSHOTS=1): the past demo drill of
 * 雁塔区 replayed at minute 40, its team's dispatch line on the map.
 */
test.describe('drills screenshots', () => {
  test.skip(!process.env.DOCS_SCREENSHOTS, 'screenshots only on request')

  for (const [name, viewport] of [
    ['desktop', { width: 1920, height: 1080 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`drill panel with the replay, ${name}`, async ({ page, map, session }) => {
      await page.setViewportSize(viewport)
      const drills = new DrillsDriver(page)
      await map.open(`13/34.2052/108.9436`)
      await session.signIn('yanta')
      await drills.openDrawer()
      await drills.drawer().locator('[data-status="finished"] button').first().click()
      const panel = drills.panel()
      await expect(panel.locator('[data-field="evaluation"]')).toBeVisible()
      if (name === 'phone') await drills.drawer().locator('.icon-button').click()
      await panel.locator('[data-action="replay"]').click()
      const slider = panel.getByTestId('drill-replay').locator('input[type="range"]')
      await slider.fill('40')
      await expect.poll(() => drills.rendered('drill-replay-lines')).toBeGreaterThan(0)
      await map.idle()
      await page.screenshot({ path: docs(`screenshot-drills-${name}.png`) })
    })
  }
})
