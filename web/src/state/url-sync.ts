import { useEffect } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useMapContext } from '../map/map-context.ts'
import { isLayerVisible, layerRegistry } from '../map/layers/registry.ts'
import { useFilters } from './filters.ts'
import { useLayers } from './layers.ts'
import { decodeUrl, encodeHash, encodeSearch, type MapViewState } from './url-state.ts'

/*
 * The browser side of url-state.ts: the stores and the map follow the URL on load and on
 * back/forward; the URL follows them. Map moves replace the current history entry (a pan is
 * not a step to go back to); a layer or filter change pushes one, so Back undoes it.
 */

const VIEW_DEBOUNCE_MS = 300
const layerOrder = layerRegistry.map((layer) => layer.id)

const currentUrl = () => decodeUrl(window.location, layerOrder)

/** Layers and filters from the URL into their stores. The URL wins over remembered toggles. */
function applyToStores(state: ReturnType<typeof currentUrl>) {
  if (state.layers) useLayers.setState({ visible: state.layers })
  const { filters } = state
  const region = useFilters.getState().region
  // Keep a known region name when the code is unchanged (the URL carries only the code).
  useFilters.getState().replace({
    layers: filters.layers,
    region: filters.region && region?.code === filters.region.code ? region : filters.region,
    exercises: filters.exercises ?? 'exclude',
  })
}

/** Called once before the first render, so the first list requests already carry the filters. */
export function applyUrlToStores() {
  applyToStores(currentUrl())
}

let openedAtUrlView = false

/** The view the map opens at: the URL's, else the given default. */
export function initialMapView(fallback: { center: [number, number]; zoom: number }) {
  const view = currentUrl().view
  openedAtUrlView = view !== null
  return view ?? { ...fallback, bearing: 0 }
}

/**
 * Whether the map opened at a view its URL named. Read from the URL as the map was created:
 * from then on the URL always holds a view, the one the sync below writes.
 */
export const urlNamedTheView = () => openedAtUrlView

const searchOfStores = () =>
  encodeSearch(
    {
      layers: Object.fromEntries(
        layerRegistry.map((l) => [l.id, isLayerVisible(l, useLayers.getState().visible)]),
      ),
      filters: useFilters.getState(),
    },
    layerOrder,
  )

const viewOf = (map: MapLibreMap): MapViewState => {
  const c = map.getCenter()
  return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing() }
}

/** Keeps the URL and the screen in step for the lifetime of the map. */
export function useUrlStateSync(map: MapLibreMap) {
  useEffect(() => {
    const write = (mode: 'push' | 'replace') => {
      const url = `${window.location.pathname}${searchOfStores()}${encodeHash(viewOf(map))}`
      const here = `${window.location.pathname}${window.location.search}${window.location.hash}`
      if (url === here) return
      if (mode === 'push') window.history.pushState(null, '', url)
      else window.history.replaceState(window.history.state, '', url)
    }
    write('replace')

    let timer: ReturnType<typeof setTimeout> | undefined
    const onMoveEnd = () => {
      clearTimeout(timer)
      timer = setTimeout(() => write('replace'), VIEW_DEBOUNCE_MS)
    }
    map.on('moveend', onMoveEnd)

    let applying = false
    const onStoresChange = () => {
      if (!applying) write('push')
    }
    const unsubscribeLayers = useLayers.subscribe(onStoresChange)
    const unsubscribeFilters = useFilters.subscribe(onStoresChange)

    const onPopState = () => {
      const state = currentUrl()
      applying = true
      try {
        applyToStores(state)
      } finally {
        applying = false
      }
      if (state.view) map.jumpTo(state.view)
    }
    window.addEventListener('popstate', onPopState)

    return () => {
      clearTimeout(timer)
      map.off('moveend', onMoveEnd)
      unsubscribeLayers()
      unsubscribeFilters()
      window.removeEventListener('popstate', onPopState)
    }
  }, [map])
}

/** Mount once inside <WhenMapReady>. */
export function UrlStateSync() {
  useUrlStateSync(useMapContext().map)
  return null
}
