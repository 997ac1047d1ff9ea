import { expect, type Locator, type Page } from '@playwright/test'

/*
 * The 预案 screens as a user sees them: the incident panel's 预案 section (matches, start,
 * checklist, shortfall), the plan panel beside it and the 预案库 drawer.
 */
export class PlansDriver {
  constructor(readonly page: Page) {}

  /** When the user opens the demo chlorine leak from the open-incident list. */
  async openChlorineLeak(): Promise<Locator> {
    const list = this.page.getByTestId('incident-list')
    // On a phone the list starts folded.
    await expect(list).toBeVisible()
    if ((await list.getAttribute('data-expanded')) === 'false') {
      await list.locator('.incident-list__toggle').click()
    }
    await list.locator('.incident-list__item').filter({ hasText: '液氯储罐区' }).first().click()
    const panel = this.page.locator('[data-panel-id^="incident:"]')
    await expect(panel).toBeVisible()
    return panel
  }

  section(incidentPanel: Locator): Locator {
    return incidentPanel.getByTestId('incident-plans')
  }

  /** The plans still to start, best first. */
  matches(incidentPanel: Locator): Locator {
    return this.section(incidentPanel).locator('.plan-match')
  }

  planPanel(planId: string): Locator {
    return this.page.locator(`[data-panel-id="plan:${planId}"]`)
  }

  activation(incidentPanel: Locator, planTitle: string): Locator {
    return this.section(incidentPanel).locator('.plan-activation').filter({ hasText: planTitle })
  }

  /** When the user opens the 预案库 drawer from the toolbar. */
  async openLibrary(): Promise<Locator> {
    await this.page.locator('[data-action="plans"]').click()
    const library = this.page.getByTestId('plan-library')
    await expect(library).toBeVisible()
    return library
  }

  /** The plan form (新建预案 / 编辑): its nth step, 0-based. */
  step(form: Locator, n: number): Locator {
    return form.locator('.plan-form__step').nth(n)
  }
}
