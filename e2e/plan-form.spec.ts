import { fileURLToPath } from 'node:url'
import { PlansDriver } from './drivers/plans.ts'
import { expect, test } from './fixtures.ts'

/** 雁塔区, 西安: yanta's own county. */
const AT_YANTA = '12/34.213/108.948'
const shot = (name: string) => fileURLToPath(new URL(`../.tmp/shots/${name}`, import.meta.url))

test.describe('plan form (新建预案)', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('a plan with two steps created through the form is in the library', async ({
    page,
    map,
    session,
  }) => {
    const plans = new PlansDriver(page)
    await map.open(AT_YANTA)
    await session.signIn('yanta')
    const library = await plans.openLibrary()

    // When yanta fills in a new county plan for leaks of chlorine with two ordered steps
    await library.locator('[data-action="new-plan"]').click()
    const form = page.getByTestId('plan-form')
    await expect(form.locator('select[name="regionCode"]')).toHaveValue('610113')
    const title = `雁塔区液氯泄漏专项应急预案 ${Date.now()}`
    await form.locator('input[name="title"]').fill(title)
    await form.locator('input[name="incidentTypes"][value="泄漏"]').check()
    await form.locator('input[name="substances"]').fill('7782-50-5')
    await form.locator('input[name="level-IV"]').check()
    await form.locator('input[name="trigger-IV"]').fill('少量泄漏，无人员伤亡')
    await form.locator('[data-action="add-step"]').click()
    await form.locator('[data-action="add-step"]').click()
    const [first, second] = [plans.step(form, 0), plans.step(form, 1)]
    await first.locator('input[name="stepTitle"]').fill('危化品救援队堵漏')
    await first.locator('input[name="stepRole"]').fill('现场指挥部')
    await first.locator('[data-action="add-resource"]').click()
    await first.locator('input[name="resourceKind"]').fill('team')
    await first.locator('input[name="resourceQuantity"]').fill('2')
    await second.locator('input[name="stepTitle"]').fill('接警核实')
    await second.locator('input[name="stepRole"]').fill('区应急管理局值班室')
    await second.locator('input[name="stepMinutes"]').fill('5')
    // 接警核实 comes first: moved up
    await second.getByRole('button', { name: '上移' }).click()
    await expect(plans.step(form, 0).locator('input[name="stepTitle"]')).toHaveValue('接警核实')
    await form.locator('textarea[name="body"]').fill('# 总则\n\n适用于辖区内液氯泄漏事故。')
    await page.mouse.move(1910, 1070)
    await page.screenshot({ path: shot('plan-form-desktop.png') })
    await form.locator('input[name="title"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot('plan-form-desktop-top.png') })

    // A step without its role is named beside the step, not saved
    await plans.step(form, 1).locator('input[name="stepRole"]').fill('')
    await form.locator('button[type="submit"]').click()
    await expect(plans.step(form, 1).locator('.field-error')).toBeVisible()
    await plans.step(form, 1).locator('input[name="stepRole"]').fill('现场指挥部')
    await form.locator('button[type="submit"]').click()

    // Then the new draft opens with its steps in order, and the library lists it
    const view = library.locator('.plan-view')
    await expect(view.locator('.plan-steps li')).toHaveCount(2)
    await expect(view.locator('.plan-steps li').first()).toContainText('接警核实')
    await expect(view.locator('[data-status="draft"]')).toBeVisible()
    await library.getByRole('button', { name: /返回预案库/ }).click()
    await expect(library.getByTestId('plan-list')).toContainText(title)
  })
})

test.describe('plan form, phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the form as a bottom sheet', async ({ page, map, session }) => {
    const plans = new PlansDriver(page)
    await map.open(AT_YANTA)
    await session.signIn('yanta')
    const library = await plans.openLibrary()
    await library.locator('[data-action="new-plan"]').click()
    const form = page.getByTestId('plan-form')
    await form.locator('input[name="title"]').fill('雁塔区液氯泄漏专项应急预案')
    await form.locator('[data-action="add-step"]').click()
    await plans.step(form, 0).locator('input[name="stepTitle"]').fill('接警核实')
    await page.screenshot({ path: shot('plan-form-phone.png') })
  })
})
