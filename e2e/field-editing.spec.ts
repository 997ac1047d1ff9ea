import { expect, test } from './fixtures.ts'
import { EditingDriver, metres } from './drivers/editing.ts'

/** 雁塔区's county seat: the demo officer `yanta` keeps the hazard sources around it true. */
const YANTA: [number, number] = [108.922, 34.215]
const YANTA_CODE = '610113'
const shots = '.tmp/shots'

test.describe('field editing (county officer)', () => {
  test('drags a hazard source to its true place; the new position survives a reload', async ({
    page,
    map,
    session,
  }) => {
    const editing = new EditingDriver(page, map)
    // Given the 雁塔区 officer signed in, with one of their hazard sources' panel open
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const source = await editing.hazardSourceNear(YANTA, YANTA_CODE)
    const before = await editing.detail(source.id)
    const panel = await editing.openHazardSource(source)
    await expect(panel.locator('[data-field="read-only"]')).toHaveCount(0)

    // When they choose 移动位置, a draggable marker (a ≥ 44 px target) stands on the record
    await panel.getByRole('button', { name: '移动位置' }).click()
    await EditingDriver.expectTouchTarget(editing.marker())
    await expect(panel.getByTestId('move-step')).toContainText('拖到实际位置')

    // And they drag it 90 px right and 40 px up: across the panel's edge, which must not
    // swallow the drag
    await map.idle()
    const start = await map.project(before.location)
    await editing.dragMarkerBy(90, -40)
    const expected = await page.evaluate(
      ([x, y]) => window.__map?.unproject([x, y]).toArray() ?? [0, 0],
      [start.x + 90, start.y - 40] as const,
    )

    // Then the confirm step shows the distance moved, in metres
    const distance = panel.locator('[data-field="distance-moved"]')
    await expect(distance).toHaveText(/^移动距离 [\d,]+ m$/)
    const shown = Number((await distance.textContent())?.replace(/[^\d]/g, ''))
    expect(Math.abs(shown - metres(before.location, expected as [number, number]))).toBeLessThan(
      0.05 * shown + 2,
    )
    await page.screenshot({ path: `${shots}/move-confirm.png` })

    // When they confirm, the map shows the record moved before the server has answered
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(`**/api/hazard-sources/${source.id}`, async (route) => {
      if (route.request().method() === 'PATCH') await held
      await route.continue()
    })
    const patched = page.waitForResponse(
      (r) =>
        r.request().method() === 'PATCH' && r.url().endsWith(`/api/hazard-sources/${source.id}`),
    )
    await panel.getByRole('button', { name: '确认' }).click()
    await expect
      .poll(async () =>
        metres((await editing.symbolPosition(source.id)) ?? [0, 0], expected as [number, number]),
      )
      .toBeLessThan(3)
    release()
    // And the record is PATCHed with the version it was read at
    const response = await patched
    expect(response.status()).toBe(200)
    expect(response.request().postDataJSON()).toMatchObject({ version: before.version })
    await expect(editing.marker()).toHaveCount(0)
    const saved = await editing.detail(source.id)
    expect(saved.version).toBe(before.version + 1)
    expect(metres(saved.location, expected as [number, number])).toBeLessThan(3)

    // And after a reload the new position is what the API and the map both have
    await page.reload()
    await page.waitForFunction(() => window.__map?.getLayer('hazard-sources-points'), null, {
      timeout: 60_000,
    })
    await session.expectSignedIn({ agency: '西安市雁塔区应急管理局' })
    expect((await editing.detail(source.id)).location).toEqual(saved.location)
    await map.jumpTo(saved.location, 15)
    await expect.poll(() => editing.symbolPosition(source.id), { timeout: 30_000 }).not.toBeNull()
    const drawn = await editing.symbolPosition(source.id)
    expect(metres(drawn ?? [0, 0], saved.location)).toBeLessThan(1)
  })

  test('the edit form shows the grade, S and R of changed quantities before saving', async ({
    page,
    map,
    session,
  }) => {
    const editing = new EditingDriver(page, map)
    const writes: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'PATCH') writes.push(r.url())
    })
    // Given the officer with a hazard source's panel open
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const source = await editing.hazardSourceNear([108.9, 34.2], YANTA_CODE)
    const before = await editing.detail(source.id)
    const panel = await editing.openHazardSource(source)

    // When they open the form, the live assessment starts from the record's own values
    await panel.getByRole('button', { name: '编辑' }).click()
    const form = panel.getByTestId('hazard-source-form')
    const live = form.getByTestId('live-assessment')
    await expect(live.locator('[data-field="live-grade"]')).toHaveAttribute(
      'data-grade',
      before.grade ?? '',
    )

    // And multiply the first substance's quantity by 20 and set people within 500 m to 150
    const first = before.substances[0]
    if (!first) throw new Error('hazard source without substances')
    const q = first.quantityTonnes * 20
    await form.locator('input[name="substance-0-q"]').fill(String(q))
    await form.locator('input[name="peopleWithin500m"]').fill('150')

    // Then S, R and the grade are those the assess endpoint gives for the draft, unsaved
    const assess = await page.request.post('/api/hazard-sources/assess', {
      data: {
        substances: before.substances.map((s, i) => ({
          ...s,
          quantityTonnes: i === 0 ? q : s.quantityTonnes,
        })),
        peopleWithin500m: 150,
      },
    })
    expect(assess.ok()).toBe(true)
    const expected = (await assess.json()) as { S: number; R: number; grade: string | null }
    expect(expected.R).toBeGreaterThan(before.assessment.R)
    const fmt = (v: number) =>
      new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(v)
    await expect(live.locator('[data-field="live-R"]')).toHaveText(fmt(expected.R))
    await expect(live.locator('[data-field="live-S"]')).toHaveText(fmt(expected.S))
    await expect(live.locator('[data-field="live-grade"]')).toHaveAttribute(
      'data-grade',
      expected.grade ?? '',
    )
    expect(writes).toEqual([])
    await page.screenshot({ path: `${shots}/edit-form-live-grade.png` })

    // When they save, the panel shows the saved grade and the server has it
    await form.getByRole('button', { name: '保存' }).click()
    await expect(form).toHaveCount(0)
    await expect(panel.locator('[data-field="R"]')).toHaveText(fmt(expected.R))
    const saved = await editing.detail(source.id)
    expect(saved.version).toBe(before.version + 1)
    expect(saved.peopleWithin500m).toBe(150)
    expect(saved.assessment.R).toBeCloseTo(expected.R, 6)
  })

  test('a stale edit shows both versions; take theirs, then keep mine', async ({
    page,
    map,
    session,
    request,
  }) => {
    const editing = new EditingDriver(page, map)
    // Given another session of the same county, signed in through the API
    const login = await request.post('/api/auth/login', {
      data: { username: 'yanta', password: 'jinan-yanta' },
    })
    expect(login.ok()).toBe(true)
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const source = await editing.hazardSourceNear([108.94, 34.225], YANTA_CODE)
    const panel = await editing.openHazardSource(source)
    const form = panel.getByTestId('hazard-source-form')

    // Round 1: the user edits the people count while the other session renames the record
    const v1 = await editing.detail(source.id)
    await panel.getByRole('button', { name: '编辑' }).click()
    await form.locator('input[name="peopleWithin500m"]').fill(String(v1.peopleWithin500m + 7))
    const theirName = `${v1.name}（甲）`
    const other = await request.patch(`/api/hazard-sources/${source.id}`, {
      data: { version: v1.version, name: theirName, peopleWithin500m: v1.peopleWithin500m + 1 },
    })
    expect(other.status()).toBe(200)
    await form.getByRole('button', { name: '保存' }).click()

    // Then the conflict view shows my value beside theirs, the differing field highlighted
    const conflict = panel.getByTestId('conflict')
    await expect(conflict).toContainText('此记录已被他人修改')
    const people = conflict.locator('tr[data-field="peopleWithin500m"]')
    await expect(people).toHaveAttribute('data-differs', 'true')
    await expect(people.locator('[data-side="mine"]')).toHaveText(String(v1.peopleWithin500m + 7))
    await expect(people.locator('[data-side="theirs"]')).toHaveText(String(v1.peopleWithin500m + 1))
    // And it says what else they changed, which is kept either way
    await expect(conflict.locator('[data-field="others-changed"]')).toContainText('名称')
    await page.screenshot({ path: `${shots}/conflict-view.png` })

    // When they take theirs, the draft is gone and the panel shows the other session's record
    await conflict.getByRole('button', { name: '采用当前版本' }).click()
    await expect(conflict).toHaveCount(0)
    await expect(form).toHaveCount(0)
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(theirName)
    const v2 = await editing.detail(source.id)
    expect(v2.version).toBe(v1.version + 1)
    expect(v2.peopleWithin500m).toBe(v1.peopleWithin500m + 1)

    // Round 2: the user edits again; the other session changes the unit kind meanwhile
    await panel.getByRole('button', { name: '编辑' }).click()
    await form.locator('input[name="peopleWithin500m"]').fill(String(v1.peopleWithin500m + 9))
    const theirKind = v2.unitKind === '其他' ? '库区' : '其他'
    const again = await request.patch(`/api/hazard-sources/${source.id}`, {
      data: { version: v2.version, unitKind: theirKind },
    })
    expect(again.status()).toBe(200)
    await form.getByRole('button', { name: '保存' }).click()
    await expect(conflict).toBeVisible()

    // When they keep mine: only their own change is re-sent, so the other session's edits stay
    await conflict.getByRole('button', { name: '保留我的修改' }).click()
    await expect(conflict).toHaveCount(0)
    await expect(form).toHaveCount(0)
    const v4 = await editing.detail(source.id)
    expect(v4.version).toBe(v2.version + 2)
    expect(v4.peopleWithin500m).toBe(v1.peopleWithin500m + 9)
    expect(v4.unitKind).toBe(theirKind)
    expect(v4.name).toBe(theirName)
  })

  test('a refused move rolls back: "my location" outside the county is snapped back with the reason', async ({
    page,
    map,
    session,
    context,
  }) => {
    const editing = new EditingDriver(page, map)
    // Given the device reports a position in 榆林 (far outside 雁塔区)
    await context.grantPermissions(['geolocation'])
    await context.setGeolocation({ longitude: 109.734, latitude: 38.285 })
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const source = await editing.hazardSourceNear([108.93, 34.2], YANTA_CODE)
    const before = await editing.detail(source.id)
    const panel = await editing.openHazardSource(source)

    // When they tap 使用我的位置, the fix is proposed through the same confirm step
    await panel.getByRole('button', { name: '使用我的位置' }).click()
    await expect(panel.locator('[data-field="distance-moved"]')).toHaveText(
      /^移动距离 [\d.,]+ km（我的位置）$/,
    )

    // And they confirm: the server refuses (outside their jurisdiction)
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH')
    await panel.getByRole('button', { name: '确认' }).click()
    expect((await refused).status()).toBe(403)

    // Then the reason names the field, and the record is back where it was, on the map too
    const error = panel.getByTestId('edit-error')
    await expect(error).toContainText('保存失败，已恢复原值')
    await expect(error.locator('[data-error-field="location"]')).toBeVisible()
    expect((await editing.detail(source.id)).version).toBe(before.version)
    await map.jumpTo(before.location, 15)
    await expect
      .poll(async () =>
        metres((await editing.symbolPosition(source.id)) ?? [0, 0], before.location),
      )
      .toBeLessThan(1)
  })

  test('"my location" explains a denied permission; the marker still moves by keyboard', async ({
    page,
    map,
    session,
    context,
  }) => {
    const editing = new EditingDriver(page, map)
    await context.clearPermissions()
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const panel = await editing.openHazardSource(await editing.hazardSourceNear(YANTA, YANTA_CODE))
    await panel.getByRole('button', { name: '使用我的位置' }).click()
    await expect(panel.getByTestId('geo-error')).toHaveText(/定位权限被拒绝/)

    // And the marker can still be placed by hand, here with the keyboard
    await editing.marker().focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect(panel.locator('[data-field="distance-moved"]')).toHaveText(/^移动距离 [1-9]\d* m$/)

    // When the panel is closed, the unsaved move goes with it
    await panel.locator('[data-action="close"]').click()
    await expect(editing.marker()).toHaveCount(0)
  })

  test('a rescue resource: status, headcount and contact edited in its panel', async ({
    page,
    map,
    session,
  }) => {
    const editing = new EditingDriver(page, map)
    // Given the officer with one of their county's resources open
    await map.open(`13/${YANTA[1]}/${YANTA[0]}`)
    await session.signIn('yanta')
    const feature = await editing.recordNear('resources', YANTA, YANTA_CODE)
    const before = await editing.resourceDetail(feature.id)
    const panel = await editing.openRecord('resource', 'resources-discs', feature)

    // When they mark it out of service with a new headcount and phone, and save
    await panel.getByRole('button', { name: '编辑' }).click()
    const form = panel.getByTestId('resource-form')
    const status = before.status === 'out_of_service' ? 'available' : 'out_of_service'
    await form.locator('select[name="status"]').selectOption(status)
    await form.locator('input[name="headcount"]').fill('23')
    await form.locator('input[name="contactPhone"]').fill('029-8888 0000')
    await form.getByRole('button', { name: '保存' }).click()

    // Then the panel shows the new status and the server has all three, one version on
    await expect(form).toHaveCount(0)
    await expect(panel.locator('[data-field="status"]')).toHaveText(
      status === 'available' ? '可用' : '停用',
    )
    const saved = await editing.resourceDetail(feature.id)
    expect(saved).toMatchObject({
      status,
      headcount: 23,
      contactPhone: '029-8888 0000',
      version: before.version + 1,
    })
  })

  test('out of scope: a read-only viewer gets no edit actions', async ({
    map,
    panel,
    session,
    legend,
    registry,
  }) => {
    await map.open('10.5/34.35/109.0')
    await session.signIn('viewer')
    await legend.expectCountAbove('hazard-sources', 0)
    const id = await registry.clickSymbol('hazard-sources-points')
    const opened = await panel.expectRecord('hazard-source', id)
    await expect(opened.locator('[data-field="read-only"]')).toBeVisible()
    await expect(opened.getByTestId('record-editor')).toHaveCount(0)
    await expect(opened.getByRole('button', { name: '移动位置' })).toHaveCount(0)
  })
})
