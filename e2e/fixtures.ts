import { test as base } from '@playwright/test'
import { LegendDriver, RegistryMapDriver } from './drivers/layers.ts'
import { MapPage } from './drivers/map-page.ts'
import { PanelDriver } from './drivers/panel.ts'
import { SessionDriver } from './drivers/session.ts'

/** Specs read as given / when / then through these drivers rather than raw selectors. */
export const test = base.extend<{
  map: MapPage
  panel: PanelDriver
  session: SessionDriver
  legend: LegendDriver
  registry: RegistryMapDriver
}>({
  map: async ({ page }, use) => use(new MapPage(page)),
  panel: async ({ page }, use) => use(new PanelDriver(page)),
  session: async ({ page }, use) => use(new SessionDriver(page)),
  legend: async ({ page }, use) => use(new LegendDriver(page)),
  registry: async ({ page }, use) => use(new RegistryMapDriver(page)),
})

export { expect } from '@playwright/test'
