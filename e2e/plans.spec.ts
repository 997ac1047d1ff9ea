import { fileURLToPath } from 'node:url'
import { PlansDriver } from './drivers/plans.ts'
import { expect, test } from './fixtures.ts'

/** The province view: the 陕西 coordinator sees the demo chlorine leak wherever it lies. */
const AT_PROVINCE = '7.1/35.3/108.9'
const docs = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url))

test.describe('plans (应急预案) on an incident', () => {
  test('a plan matched and opened, activated, a step ticked, a shortfall dispatched', async ({
    page,
    map,
    session,
  }) => {
    // Given the 陕西 coordinator with the chlorine leak open
    await map.open(AT_PROVINCE)
    await session.signIn('shaanxi')
    const plans = new PlansDriver(page)
    const incident = await plans.openChlorineLeak()

    // Then its own 现场处置方案 is already running: ticked steps show who, late ones are red
    const onsite = plans.activation(incident, '现场处置方案')
    await expect(onsite.locator('[data-step="1"]')).toHaveAttribute('data-done', 'true')
    await expect(onsite.locator('[data-late="true"]').first()).toBeVisible()

    // And the best plan still to start is named with why it matched
    const best = plans.matches(incident).first()
    await expect(best).toHaveAttribute('data-best', 'true')
    await expect(best.locator('[data-reason]').first()).toBeVisible()
    const title = (await best.locator('strong').first().textContent()) ?? ''
    const planId = (await best.getAttribute('data-plan')) ?? ''

    // When they open it: the plan panel lies beside the incident panel
    await best.locator('[data-action="open-plan"]').click()
    const planPanel = plans.planPanel(planId)
    await expect(planPanel.locator('.plan-content')).toBeVisible()
    const a = (await incident.boundingBox())!
    const b = (await planPanel.boundingBox())!
    expect(b.x >= a.x + a.width - 1 || b.x + b.width <= a.x + 1).toBe(true)

    // When they start it at Ⅲ级: its steps become a checklist on the incident
    await best.locator('select[name="responseLevel"]').selectOption('III')
    await best.locator('[data-action="activate-plan"]').click()
    const started = plans.activation(incident, title)
    await expect(started.getByTestId('plan-checklist')).toBeVisible()

    // When they tick the first step: it records who and when, and the timeline says so
    const first = started.locator('.plan-checklist__step').first()
    await first.locator('[data-action="tick-step"]').click()
    await expect(first).toHaveAttribute('data-done', 'true')
    await expect(first.locator('.plan-checklist__done')).toContainText('shaanxi')
    await expect(
      incident.locator('.timeline__entry[data-kind="plan_step_done"]').first(),
    ).toBeVisible()

    // When they dispatch the first missing kind in one click: the shortfall shrinks
    const shortfall = started.getByTestId('plan-shortfall')
    const line = shortfall
      .locator('li')
      .filter({ has: page.locator('[data-action="dispatch-shortfall"]') })
      .first()
    const kind = (await line.getAttribute('data-kind')) ?? ''
    const before = (await line.locator('.plan-shortfall__counts').textContent()) ?? ''
    await line.locator('[data-action="dispatch-shortfall"]').click()
    await expect(async () => {
      const now = shortfall.locator(`li[data-kind="${kind}"] .plan-shortfall__counts`)
      const text = (await now.count()) ? await now.textContent() : 'gone'
      expect(text).not.toBe(before)
    }).toPass()
    await expect(incident.locator('.timeline__entry[data-kind="dispatch"]').first()).toBeVisible()
  })
})

const shots = !process.env.DOCS_SCREENSHOTS

test.describe('plans screenshot, desktop', () => {
  test.skip(shots, 'DOCS_SCREENSHOTS=1 refreshes docs/ screenshots')
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('incident with its plans and the plan panel beside it', async ({ page, map, session }) => {
    await map.open(AT_PROVINCE)
    await session.signIn('shaanxi')
    const plans = new PlansDriver(page)
    const incident = await plans.openChlorineLeak()
    await plans.matches(incident).first().locator('[data-action="open-plan"]').click()
    await expect(page.locator('[data-panel-id^="plan:"] .plan-content')).toBeVisible()
    await map.idle()
    await page.mouse.move(1910, 1070)
    await page.screenshot({ path: docs('screenshot-plans-desktop.png') })
  })
})

test.describe('plans screenshot, phone', () => {
  test.skip(shots, 'DOCS_SCREENSHOTS=1 refreshes docs/ screenshots')
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the 预案 section of an incident as a bottom sheet', async ({ page, map, session }) => {
    await map.open(AT_PROVINCE)
    await session.signIn('shaanxi')
    const plans = new PlansDriver(page)
    const incident = await plans.openChlorineLeak()
    await plans.section(incident).scrollIntoViewIfNeeded()
    await map.idle()
    await page.screenshot({ path: docs('screenshot-plans-phone.png') })
  })
})
