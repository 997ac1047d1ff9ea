import type { Request } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
/** 西安 and 渭南: the densest part of the demo registry. */
const XIAN_WEINAN = '9/34.4/109.2'

test.describe('registry layers', () => {
  test('signed out: the map works, the registry is neither listed nor asked for', async ({
    page,
    map,
    legend,
  }) => {
    const registryCalls: string[] = []
    page.on('request', (r) => {
      if (/\/api\/(hazard-sources|hidden-dangers|resources|enterprises)/.test(r.url()))
        registryCalls.push(r.url())
    })
    // Given the map opened without a session
    await map.open(XIAN_WEINAN)

    // Then the regions are listed, the registry layers are not, and the sign-in form shows
    await legend.expectListed('cities', true)
    await legend.expectListed('hazard-sources', false)
    await expect(page.getByTestId('login')).toBeVisible()
    expect(registryCalls).toEqual([])
  })

  test('signed in as 陕西 commander: hazard sources toggle, count and open a panel', async ({
    page,
    map,
    panel,
    session,
    legend,
    registry,
  }) => {
    const requests: string[] = []
    page.on('request', (r: Request) => requests.push(r.url()))

    // Given the commander of 陕西省应急管理厅 signed in over 西安/渭南
    await map.open(XIAN_WEINAN)
    await session.signIn('shaanxi')
    await session.expectSignedIn({ name: '省厅指挥长', agency: '陕西省应急管理厅' })

    // Then hazard sources are drawn and counted in view
    await legend.expectListed('hazard-sources', true)
    await legend.expectCountAbove('hazard-sources', 0)

    // When the layer is switched off, its count goes; when on again, it comes back
    await legend.setVisible('hazard-sources', false)
    await map.idle()
    await legend.expectNoCount('hazard-sources')
    await legend.setVisible('hazard-sources', true)
    await map.idle()
    await legend.expectCountAbove('hazard-sources', 0)

    // When the user zooms in past clustering and clicks a hazard source
    await map.jumpTo([109.0, 34.35], 10.5)
    await legend.expectCountAbove('hazard-sources', 0)
    const id = await registry.clickSymbol('hazard-sources-points')

    // Then its panel shows the grade, S and R and the substances
    const opened = await panel.expectRecord('hazard-source', id)
    await expect(opened.locator('[data-field="grade"]')).toHaveText(/^(一级|二级|三级|四级|无)$/)
    await expect(opened.locator('[data-field="S"]')).toHaveText(/\d/)
    await expect(opened.locator('[data-field="R"]')).toHaveText(/\d/)
    await expect(opened.locator('[data-field="terms"] tbody tr').first()).toBeVisible()

    // And its enterprise opens in a second panel
    await opened.locator('[data-field="enterprise"] button').click()
    await expect(page.locator('[data-panel-id^="enterprise:"]')).toBeVisible()

    // And nothing left the machine
    const offHost = requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false
      return !LOCAL_HOSTS.has(new URL(url).hostname)
    })
    expect(offHost).toEqual([])
    expect(requests.some((url) => url.includes('/api/hazard-sources?bbox='))).toBe(true)

    // When the user signs out, the registry layers leave the legend
    await session.signOut()
    await legend.expectListed('hazard-sources', false)
  })

  test('a read-only viewer sees hazard source panels marked read-only', async ({
    map,
    panel,
    session,
    legend,
    registry,
  }) => {
    // Given the province's read-only viewer signed in over 西安
    await map.open('10.5/34.35/109.0')
    await session.signIn('viewer')
    await legend.expectCountAbove('hazard-sources', 0)

    // When a hazard source is clicked, then its panel says read-only
    const id = await registry.clickSymbol('hazard-sources-points')
    const opened = await panel.expectRecord('hazard-source', id)
    await expect(opened.locator('[data-field="read-only"]')).toBeVisible()
  })
})
