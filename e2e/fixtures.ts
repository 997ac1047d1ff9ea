import { test as base } from '@playwright/test'
import { MapPage } from './drivers/map-page.ts'
import { PanelDriver } from './drivers/panel.ts'

/** Specs read as given / when / then through these drivers rather than raw selectors. */
export const test = base.extend<{ map: MapPage; panel: PanelDriver }>({
  map: async ({ page }, use) => use(new MapPage(page)),
  panel: async ({ page }, use) => use(new PanelDriver(page)),
})

export { expect } from '@playwright/test'
