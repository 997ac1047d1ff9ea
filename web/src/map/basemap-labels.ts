import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl'

/*
 * The offline basemap names every province, city and county itself (source-layer `places`,
 * keyed by `adcode`). Where an overlay draws a region's name from the API, the basemap's
 * label for the same code steps aside, so no name shows twice at two nearby points.
 */

const PLACES = 'places'

interface Suppression {
  original: Map<string, FilterSpecification | undefined>
  byOwner: Map<string, readonly number[]>
}

const state = new WeakMap<MapLibreMap, Suppression>()

const basemapPlaceLayers = (map: MapLibreMap): string[] =>
  map.getLayersOrder().filter((id) => {
    const layer = map.getLayer(id)
    return layer?.type === 'symbol' && layer.sourceLayer === PLACES
  })

/** Hides the basemap labels of `codes` on behalf of `owner` (an overlay id); [] releases them. */
export function suppressBasemapLabels(map: MapLibreMap, owner: string, codes: readonly string[]) {
  const layers = basemapPlaceLayers(map)
  if (layers.length === 0) return // the fallback style has no place labels
  const s = state.get(map) ?? { original: new Map(), byOwner: new Map() }
  state.set(map, s)
  s.byOwner.set(owner, codes.map(Number).filter(Number.isFinite))
  const hidden = [...new Set([...s.byOwner.values()].flat())]

  for (const id of layers) {
    if (!s.original.has(id))
      s.original.set(id, map.getFilter(id) as FilterSpecification | undefined)
    const original = s.original.get(id)
    const notHidden: FilterSpecification = [
      '!',
      ['in', ['to-number', ['get', 'adcode']], ['literal', hidden]],
    ]
    const filter: FilterSpecification | null =
      hidden.length === 0 ? (original ?? null) : original ? ['all', original, notHidden] : notHidden
    map.setFilter(id, filter)
  }
}
