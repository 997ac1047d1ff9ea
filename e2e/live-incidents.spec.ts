import type { Browser } from '@playwright/test'
import { IncidentsDriver } from './drivers/incidents.ts'
import { MapPage } from './drivers/map-page.ts'
import { SessionDriver } from './drivers/session.ts'
import { expect, test } from './fixtures.ts'

/** 雁塔区, 西安: inside xian's and shaanxi's jurisdiction, outside yuyang's (榆阳区). */
const YANTA: [number, number] = [108.948, 34.213]
const AT_YANTA = `12/${YANTA[1]}/${YANTA[0]}`
const SHOTS = '.tmp/shots'

async function signedInAt(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const map = new MapPage(page)
  await map.open(AT_YANTA)
  await new SessionDriver(page).signIn(username)
  const incidents = new IncidentsDriver(page)
  await expect(page.getByTestId('incident-list')).toBeVisible()
  await incidents.expectStreamOpen()
  await map.idle()
  return { context, page, map, incidents }
}

const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`
}

test.describe('live incidents', () => {
  test('a report made on one screen appears on another within the target, not out of scope', async ({
    browser,
  }) => {
    test.setTimeout(240_000)
    // Given a 西安 coordinator (A), the 陕西 province (B) and the 榆阳区 officer (C) signed in
    const a = await signedInAt(browser, 'xian')
    const b = await signedInAt(browser, 'shaanxi')
    const c = await signedInAt(browser, 'yuyang')
    await b.incidents.watchArrivals()
    await c.incidents.watchArrivals()

    // When A presses 接报, clicks 雁塔区 on the map and types the figures
    await a.incidents.reportAt(YANTA)
    // (the click placed the report; it did not also open the district's panel)
    await expect(a.page.locator('[data-panel-id^="region:"]')).toHaveCount(0)
    const form = a.incidents.form()
    await form.locator('select[name="type"]').selectOption('泄漏')
    // Two hours ago: the county's 1-hour deadline has passed, so it shows late
    await form
      .locator('input[name="occurredAt"]')
      .fill(localInput(new Date(Date.now() - 2 * 3600_000)))
    await form.locator('input[name="address"]').fill('雁塔区测试化工厂')
    const preview = a.page.getByTestId('grade-preview')
    await form.locator('input[name="deaths"]').fill('3')
    // Then the live preview grades it 较大 with county, city and province deadlines
    await expect(preview.locator('[data-grade]')).toHaveAttribute('data-grade', '较大')
    await expect(preview.locator('li[data-level]')).toHaveCount(3)
    await form.locator('input[name="deaths"]').fill('0')
    await expect(preview.locator('[data-grade]')).toHaveAttribute('data-grade', '一般')
    await form.locator('input[name="deaths"]').fill('3')
    await expect(preview.locator('[data-grade]')).toHaveAttribute('data-grade', '较大')
    await form.locator('input[name="substance"]').fill('氯')
    await form.locator('textarea[name="description"]').fill('储罐阀门泄漏，3 人死亡')
    await form.locator('input[name="reporterContact"]').fill('029-88888888')

    // And a bad field is named next to the field by the server's problem+json
    await form.locator('input[name="reporterName"]').fill('')
    await form.locator('button[type="submit"]').click()
    await expect(form.locator('.form-field[data-invalid="true"] .field-error')).toBeVisible()
    await form.locator('input[name="reporterName"]').fill('张调度')
    await a.page.screenshot({ path: `${SHOTS}/live-report-form.png` })

    // When A submits (the clock starts at the click, before the request leaves)
    const clickedAt = Date.now()
    const [response] = await Promise.all([
      a.page.waitForResponse(
        (r) => r.url().endsWith('/api/incidents') && r.request().method() === 'POST',
      ),
      form.locator('button[type="submit"]').click(),
    ])
    const answeredAt = Date.now()
    expect(response.status()).toBe(201)
    const { id } = (await response.json()) as { id: string }

    // Then B's list and map show it: B's first frame with both, on the same machine clock
    await expect.poll(() => b.incidents.arrivalOf(id), { timeout: 15_000 }).toBeTruthy()
    const visibleAt = (await b.incidents.arrivalOf(id))!
    const latency = visibleAt - clickedAt
    console.log(
      `submit→visible: ${latency} ms (click in xian → list entry and marker in shaanxi; ` +
        `A's 201 came ${answeredAt - clickedAt} ms after the click)`,
    )
    expect(latency).toBeLessThan(5000)
    await expect(b.incidents.listEntry(id)).toHaveAttribute('data-new', 'true')
    expect(await b.incidents.renderedWith('incidents-flash', 'id', id)).toBeGreaterThan(0)
    await b.page.screenshot({ path: `${SHOTS}/live-context-b-flash.png` })

    // And the 榆阳区 officer, whose stream is open, sees nothing of it
    await c.page.waitForTimeout(1500)
    await c.incidents.expectStreamOpen()
    await expect(c.incidents.listEntry(id)).toHaveCount(0)
    expect(await c.incidents.renderedWith('incidents-flash', 'id', id)).toBe(0)
    expect(await c.incidents.renderedWith('incidents-points', 'id', id)).toBe(0)
    expect(await c.incidents.arrivalOf(id)).toBeUndefined()

    // And A's incident panel opened with the grade and the deadlines counting
    const panel = a.incidents.panel(id)
    await expect(panel).toBeVisible()
    await expect(panel.locator('[data-field="grade"]').first()).toHaveText('较大')
    const county = panel.locator('.obligation[data-level="county"]')
    const city = panel.locator('.obligation[data-level="city"]')
    await expect(panel.locator('.obligation')).toHaveCount(3)
    await expect(county).toHaveAttribute('data-late', 'true')
    await expect(county.locator('[data-field="countdown"]')).toContainText('已超时')
    await expect(county.locator('[data-field="countdown"]')).toHaveCSS('color', 'rgb(217, 45, 32)')
    await expect(city).toHaveAttribute('data-late', 'false')
    const before = await city.locator('[data-field="countdown"]').textContent()
    await expect(city.locator('[data-field="countdown"]')).not.toHaveText(before ?? '')

    // When A marks the county report done, who and when are recorded, on the timeline too
    await county.locator('[data-action="obligation-done"]').click()
    await expect(county).toHaveAttribute('data-done', 'true')
    await expect(county.locator('[data-field="done"]')).toContainText('xian')
    await expect(panel.locator('.timeline__entry[data-kind="obligation_done"]')).toHaveCount(1)
    await a.page.screenshot({ path: `${SHOTS}/live-incident-panel.png` })

    // When A moves it to 处置中 and files a 续报 with 10 deaths, it is re-graded 重大 and the
    // national level is added to the deadlines
    await panel.locator('[data-action="advance-status"]').click()
    await expect(panel.locator('[data-field="status"]')).toHaveText('处置中')
    await panel.locator('[data-field="update-form"] summary').click()
    await panel.locator('[data-field="update-form"] input[name="deaths"]').fill('10')
    await expect(
      panel.locator('[data-field="update-form"] [data-testid="grade-preview"] [data-grade]'),
    ).toHaveAttribute('data-grade', '重大')
    await panel.locator('[data-field="update-form"] button[type="submit"]').click()
    await expect(panel.locator('.record-badges [data-field="grade"]')).toHaveText('重大')
    await expect(panel.locator('.obligation')).toHaveCount(4)
    await expect(panel.locator('.obligation[data-level="national"]')).toBeVisible()
    await expect(panel.locator('.timeline__entry[data-kind="grade_change"]')).toHaveCount(1)
    // And B's list follows live
    await expect(b.incidents.listEntry(id).locator('[data-grade]')).toHaveAttribute(
      'data-grade',
      '重大',
    )

    // When A dispatches the top recommendation with a note
    const recommendations = panel.locator('[data-field="recommendations"] li[data-resource-id]')
    await expect(recommendations.first()).toBeVisible()
    const first = await recommendations.nth(0).getAttribute('data-resource-id')
    const second = await recommendations.nth(1).getAttribute('data-resource-id')
    await recommendations.nth(0).locator('input[type="checkbox"]').check()
    await panel.locator('input[name="dispatch-note"]').fill('携带堵漏器材')
    await panel.locator('[data-action="dispatch-send"]').click()

    // Then it is dispatched, on the timeline, and a line joins it to the incident on both maps
    const dispatch = panel.locator('.dispatch')
    await expect(dispatch).toHaveCount(1)
    await expect(dispatch).toHaveAttribute('data-status', 'dispatched')
    await expect(panel.locator('.timeline__entry[data-kind="dispatch"]')).toHaveCount(1)
    await expect.poll(() => a.incidents.renderedWith('dispatch-lines', 'incidentId', id)).toBe(1)
    await expect.poll(() => b.incidents.renderedWith('dispatch-lines', 'incidentId', id)).toBe(1)
    expect(first).not.toBeNull()

    // When it sets out, the step is recorded with its time
    await dispatch.locator('[data-action="dispatch-en_route"]').click()
    await expect(dispatch).toHaveAttribute('data-status', 'en_route')
    await expect(dispatch.locator('[data-status="en_route"] time')).toBeVisible()

    // When B takes the second resource first, A's dispatch of it is refused with a clear 409
    await expect(panel.locator(`li[data-resource-id="${first}"]`)).toHaveCount(0)
    await panel.locator(`li[data-resource-id="${second}"] input[type="checkbox"]`).check()
    const taken = await b.page.request.post(`/api/incidents/${id}/dispatches`, {
      data: { resourceIds: [second], note: '省厅直调' },
    })
    expect(taken.status()).toBe(201)
    await panel.locator('[data-action="dispatch-send"]').click()
    await expect(a.page.getByTestId('dispatch-error')).toContainText('409')
    await a.page.screenshot({ path: `${SHOTS}/live-dispatch.png` })
    await b.page.screenshot({ path: `${SHOTS}/live-context-b-lines.png` })

    // And in B's duty panel the report waits in the inbox until acknowledged
    await b.page.locator('[data-action="duty"]').click()
    const duty = b.page.getByTestId('duty-panel')
    const inboxItem = duty.locator(`[data-field="inbox"] [data-incident-id="${id}"]`)
    await expect(inboxItem).toBeVisible()
    await duty.locator('[data-field="duty-log"] input[name="text"]').fill('市局来电报告雁塔区泄漏')
    await duty.locator('[data-field="duty-log"] button[type="submit"]').click()
    await expect(
      duty.locator('[data-field="duty-log"] li[data-kind="call"]').first(),
    ).toContainText('市局来电报告雁塔区泄漏')
    // (the demo roster already has B's agency on duty today; taking a shift adds one)
    const onDuty = duty.locator('[data-field="roster"] li[data-on-duty="true"]')
    await expect(onDuty.first()).toBeVisible()
    const shiftsBefore = await onDuty.count()
    await duty.locator('[data-action="take-shift"]').click()
    await expect(onDuty).toHaveCount(shiftsBefore + 1)
    await b.page.screenshot({ path: `${SHOTS}/live-duty-panel.png` })
    await inboxItem.locator('[data-action="ack"]').click()
    await expect(inboxItem).toHaveCount(0)

    for (const s of [a, b, c]) await s.context.close()
  })

  test('right-click 在此接报 opens the form there; a place search moves the report', async ({
    page,
    map,
    session,
  }) => {
    await map.open(AT_YANTA)
    await session.signIn('xian')
    const incidents = new IncidentsDriver(page)
    const point = await map.project(YANTA)
    await page.mouse.click(point.x, point.y, { button: 'right' })
    await page.locator('[data-action="report-here"]').click()
    const form = incidents.form()
    await expect(form.locator('[data-field="location"]')).toContainText('108.948')
    // Nearby enterprises are offered, nearest first
    const options = form.locator('select[name="enterpriseId"] option')
    await expect.poll(() => options.count()).toBeGreaterThan(1)
    const kms = (await options.allTextContents())
      .slice(1)
      .map((text) => Number(/([\d.]+) km$/.exec(text)?.[1]))
    expect(kms).toEqual([...kms].sort((x, y) => x - y))
    await form.locator('.place-search input').fill('长安区')
    await form.locator('.place-search__results button').first().click()
    await expect(form.locator('[data-field="location"]')).not.toContainText('108.948')
    await expect(form.locator('input[name="address"]')).toHaveValue('长安区')

    // And in 接报 mode the place can be typed instead of clicked
    await form.locator('.report-form__actions .button').first().click()
    await expect(form).toHaveCount(0)
    await page.locator('[data-action="report"]').click()
    const place = page.getByTestId('report-place')
    await place.locator('input').fill('雁塔区')
    await place.locator('.place-search__results button').first().click()
    await expect(incidents.form().locator('input[name="address"]')).toHaveValue('雁塔区')
  })

  test('the province opens on the demo incidents, counted in the legend', async ({
    page,
    map,
    session,
    legend,
  }) => {
    // Given the 陕西 commander over the whole province
    await page.setViewportSize({ width: 1280, height: 800 })
    await map.open('6.3/36.0/108.6')
    await session.signIn('shaanxi')
    // Then the seeded open incidents (接报, 处置中, 已控制) are listed, 重大 among them,
    const entries = page.locator('[data-testid="incident-list"] [data-incident-id]')
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(7)
    await expect(page.getByTestId('incident-list')).toContainText('重大')
    // on the map and in the legend, and their dispatches drawn as lines
    await legend.expectCountAbove('incidents', 6)
    await legend.expectCountAbove('dispatch-lines', 0)
    await map.idle()
    await page.screenshot({ path: `${SHOTS}/demo-command.png` })
  })

  test('the alert sound toggle is remembered', async ({ page, map, session }) => {
    await map.open(AT_YANTA)
    await session.signIn('xian')
    const toggle = page.locator('[data-action="sound"]')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await page.reload()
    await expect(page.locator('[data-action="sound"]')).toHaveAttribute('aria-pressed', 'false')
  })
})
