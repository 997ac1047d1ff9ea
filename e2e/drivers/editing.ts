import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import type { HazardSourceDetail } from '../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import type { ResourceDetail } from '../../server/routes/resources/resources.schemas.ts'
import type { MapPage } from './map-page.ts'

type LngLat = [number, number]

interface PointFeature {
  id: string
  geometry: { coordinates: LngLat }
  properties: { name: string; regionCode: string }
}

/** Field editing in a record panel: the actions, the move marker, the form, the conflict view. */
export class EditingDriver {
  constructor(
    readonly page: Page,
    readonly map: MapPage,
  ) {}

  /**
   * A record of the signed-in officer's county (`hazard-sources`, `resources`), the one nearest
   * `near`: moving it a little keeps it inside the county (a move out of it is refused, on
   * purpose, by the server).
   */
  async recordNear(path: string, near: LngLat, regionCode: string): Promise<PointFeature> {
    const [lng, lat] = near
    const bbox = [lng - 0.05, lat - 0.05, lng + 0.05, lat + 0.05].join(',')
    const response = await this.page.request.get(`/api/${path}?bbox=${bbox}`)
    expect(response.ok()).toBe(true)
    const { features } = (await response.json()) as { features: PointFeature[] }
    // Live incidents (the demo seeds some) win a click over registry symbols: take a record
    // with none within ~300 m, so the click reaches the record.
    const incidents = await this.page.request.get(`/api/incidents?bbox=${bbox}`)
    expect(incidents.ok()).toBe(true)
    const busy = ((await incidents.json()) as { features: PointFeature[] }).features.map(
      (f) => f.geometry.coordinates,
    )
    const clear = (f: PointFeature) =>
      busy.every(
        ([x, y]) =>
          Math.hypot(f.geometry.coordinates[0] - x, f.geometry.coordinates[1] - y) > 0.003,
      )
    const mine = features
      .filter((f) => f.properties.regionCode === regionCode && clear(f))
      .sort(
        (a, b) =>
          Math.hypot(a.geometry.coordinates[0] - lng, a.geometry.coordinates[1] - lat) -
          Math.hypot(b.geometry.coordinates[0] - lng, b.geometry.coordinates[1] - lat),
      )
    const first = mine[0]
    if (!first) throw new Error(`no ${path} record of ${regionCode} near ${near.join(',')}`)
    return { ...first, id: String(first.id) }
  }

  hazardSourceNear(near: LngLat, regionCode: string): Promise<PointFeature> {
    return this.recordNear('hazard-sources', near, regionCode)
  }

  async detail(id: string, request: APIRequestContext = this.page.request) {
    const response = await request.get(`/api/hazard-sources/${id}`)
    expect(response.ok()).toBe(true)
    return (await response.json()) as HazardSourceDetail
  }

  async resourceDetail(id: string) {
    const response = await this.page.request.get(`/api/resources/${id}`)
    expect(response.ok()).toBe(true)
    return (await response.json()) as ResourceDetail
  }

  /** When the user clicks the hazard source's symbol (centred on the map first). */
  openHazardSource(feature: PointFeature, zoom = 15): Promise<Locator> {
    return this.openRecord('hazard-source', 'hazard-sources-points', feature, zoom)
  }

  /** When the user clicks the record's symbol on `styleLayer`, centred on the map first. */
  async openRecord(
    kind: string,
    styleLayer: string,
    feature: PointFeature,
    zoom = 15,
  ): Promise<Locator> {
    await this.map.jumpTo(feature.geometry.coordinates, zoom)
    await expect
      .poll(() =>
        this.page.evaluate(
          ([layer, id]) =>
            window.__map
              ?.queryRenderedFeatures({ layers: [layer] })
              .some((f) => f.properties.id === id) ?? false,
          [styleLayer, feature.id] as const,
        ),
      )
      .toBe(true)
    const point = await this.map.project(feature.geometry.coordinates)
    await this.page.mouse.click(point.x, point.y)
    const panel = this.page.locator(`[data-panel-id="${kind}:${feature.id}"]`)
    await expect(panel.getByTestId('record-editor')).toBeVisible()
    return panel
  }

  marker(): Locator {
    return this.page.getByTestId('move-marker')
  }

  /** When the user drags the move marker by (dx, dy) pixels; returns where it was grabbed. */
  async dragMarkerBy(dx: number, dy: number) {
    const marker = this.marker()
    await expect(marker).toBeVisible()
    await this.map.idle()
    const box = await marker.boundingBox()
    if (!box) throw new Error('move marker not laid out')
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 6 })
    await this.page.mouse.move(x + dx, y + dy, { steps: 6 })
    await this.page.mouse.up()
  }

  /** Where the record's symbol is drawn on the map now, or null when it is not drawn. */
  symbolPosition(id: string): Promise<LngLat | null> {
    return this.page.evaluate((recordId) => {
      const feature = window.__map
        ?.queryRenderedFeatures({ layers: ['hazard-sources-points'] })
        .find((f) => f.properties.id === recordId)
      return feature ? (feature.geometry as unknown as { coordinates: LngLat }).coordinates : null
    }, id)
  }

  /** Then the element is a comfortable touch target (≥ 44 × 44 px). */
  static async expectTouchTarget(target: Locator) {
    const box = await target.boundingBox()
    expect(box, 'laid out').not.toBeNull()
    expect(box?.width).toBeGreaterThanOrEqual(44)
    expect(box?.height).toBeGreaterThanOrEqual(44)
  }
}

/** Metres between two [lng, lat] points (haversine; turf does the same in the app). */
export function metres(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLng = (b[0] - a[0]) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h))
}
