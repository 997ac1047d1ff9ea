import { addProtocol, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { Protocol } from 'pmtiles'
import { loadBaseStyle } from '../../web/src/map/base-style.ts'

/*
 * The time-to-interactive reference of `npm run bench`: the same MapLibre, the same offline
 * basemap from the same server and the same first view as the app, and nothing else — no
 * React, no session, no regions, no registry layers. The app's time over this one is what the
 * app itself costs.
 */
setWorkerUrl(workerUrl)
addProtocol('pmtiles', new Protocol().tile)
const [zoom, lat, lng] = window.location.hash.slice(1).split('/').map(Number)
void loadBaseStyle().then(({ style }) => {
  const map = new MapLibreMap({
    container: 'map',
    style,
    center: [lng ?? 108.9, lat ?? 35.9],
    zoom: zoom ?? 5.8,
    localIdeographFontFamily: false,
  })
  map.once('load', () => {
    ;(window as unknown as { __map: MapLibreMap }).__map = map
  })
})
