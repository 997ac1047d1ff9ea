import { useEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useMe } from '../api/auth.ts'
import { regionQuery } from '../api/regions.ts'
import { urlNamedTheView } from '../state/url-sync.ts'
import { useMapContext } from './map-context.ts'

/** Room around the region, so its outline clears the map's edges and corner cards. */
const PADDING = 40

/**
 * Opens the map on the signed-in user's own jurisdiction: a 雁塔区 officer on 雁塔区, the
 * ministry on the whole country. Once per page, on the first session it sees (the one it
 * loaded with, or the first sign-in), and only while the map is where it opened: a view named
 * in the URL, or any move made before the session was known, wins.
 */
export function OpenOnJurisdiction() {
  const { map } = useMapContext()
  const me = useMe().data
  const queryClient = useQueryClient()
  const settled = useRef(urlNamedTheView())
  // Compared by position, not by move events: a resize fires those too without moving.
  const opened = useRef(viewOf(map))

  const code = me?.agency.regionCode
  const currentCode = useRef(code)
  currentCode.current = code
  useEffect(() => {
    if (settled.current || !code) return
    const stillWhereOpened = () => sameView(viewOf(map), opened.current)
    if (!stillWhereOpened()) {
      settled.current = true
      return
    }
    void queryClient
      .fetchQuery(regionQuery(code))
      .then((region) => {
        // Settled on the fit itself, so a repeated effect (StrictMode) cannot skip it.
        if (settled.current || currentCode.current !== code) return
        settled.current = true
        if (!stillWhereOpened()) return
        const [w, s, e, n] = region.bbox
        map.fitBounds(
          [
            [w, s],
            [e, n],
          ],
          { padding: PADDING, animate: false },
        )
      })
      .catch(() => {
        // Without the region the opening view stays: nothing to undo.
      })
  }, [map, code, queryClient])
  return null
}

interface View {
  lng: number
  lat: number
  zoom: number
  bearing: number
}

const viewOf = (map: MapLibreMap): View => {
  const { lng, lat } = map.getCenter()
  return { lng, lat, zoom: map.getZoom(), bearing: map.getBearing() }
}

const sameView = (a: View, b: View) =>
  Math.abs(a.lng - b.lng) < 1e-9 &&
  Math.abs(a.lat - b.lat) < 1e-9 &&
  Math.abs(a.zoom - b.zoom) < 1e-9 &&
  a.bearing === b.bearing
