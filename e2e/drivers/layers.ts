import { expect, type Locator, type Page } from '@playwright/test'

/** The legend rows (one per registry layer): toggle and count in view. */
export class LegendDriver {
  constructor(readonly page: Page) {}

  row(layerId: string): Locator {
    return this.page.locator(`.legend__row[data-layer-id="${layerId}"]`)
  }

  async setVisible(layerId: string, visible: boolean) {
    await this.row(layerId).getByRole('checkbox').setChecked(visible)
  }

  /** The count shown for the layer, or null when the layer is off or out of its zoom. */
  async count(layerId: string): Promise<number | null> {
    const text = (await this.row(layerId).locator('.legend__count').textContent())?.trim() ?? ''
    const digits = text.replace(/[^\d]/g, '')
    return digits === '' ? null : Number(digits)
  }

  /** Then the layer's count in view becomes positive. */
  async expectCountAbove(layerId: string, min: number) {
    await expect.poll(() => this.count(layerId), { timeout: 30_000 }).toBeGreaterThan(min)
  }

  /** Then the layer shows no count (off) or zero. */
  async expectNoCount(layerId: string) {
    await expect.poll(async () => (await this.count(layerId)) ?? 0).toBe(0)
  }

  async expectListed(layerId: string, listed: boolean) {
    await expect(this.row(layerId)).toHaveCount(listed ? 1 : 0)
  }
}

/** The registry's point symbols, clicked where the map draws them. */
export class RegistryMapDriver {
  constructor(readonly page: Page) {}

  /**
   * When the user clicks a rendered, unclustered symbol of `styleLayer` (the one nearest the
   * middle of the map that nothing else covers). Returns the record id it carries.
   */
  async clickSymbol(styleLayer: string): Promise<string> {
    const target = await this.page.evaluate((layer) => {
      const map = window.__map
      if (!map || !map.getLayer(layer)) return null
      const canvas = map.getCanvas()
      const cx = canvas.clientWidth / 2
      const cy = canvas.clientHeight / 2
      const candidates = map
        .queryRenderedFeatures({ layers: [layer] })
        .filter((f) => f.geometry.type === 'Point' && typeof f.properties.id === 'string')
        .map((f) => {
          const [lng, lat] = (f.geometry as unknown as { coordinates: [number, number] })
            .coordinates
          const p = map.project([lng, lat])
          return { id: f.properties.id as string, x: p.x, y: p.y }
        })
        .sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))
      const rect = canvas.getBoundingClientRect()
      for (const c of candidates) {
        const x = rect.left + c.x
        const y = rect.top + c.y
        if (!document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas')) continue
        // The topmost symbol there must be this one, or the click opens another.
        const top = map.queryRenderedFeatures([c.x, c.y])[0]
        if (top?.layer.id === layer && top.properties.id === c.id) return { ...c, x, y }
      }
      return null
    }, styleLayer)
    if (!target) throw new Error(`no clickable symbol on ${styleLayer}`)
    await this.page.mouse.click(target.x, target.y)
    return target.id
  }
}
