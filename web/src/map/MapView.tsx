import { useEffect, useRef, useState, type ReactNode } from 'react'
import {
  addProtocol,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'
import { Protocol } from 'pmtiles'
import { useLocale } from '../i18n/locale.ts'
import { useT, type Translate } from '../i18n/use-t.ts'
import { firstSymbolLayerId, loadBaseStyle, styleTextFont } from './base-style.ts'
import { MapContext, type MapContextValue } from './map-context.ts'
import { initialMapView } from '../state/url-sync.ts'

declare global {
  interface Window {
    /**
     * The map, always exposed (production builds too): e2e drivers use `project()` to click
     * features by their coordinates, and operators can inspect the map from the console.
     */
    __map?: MapLibreMap
  }
}

/**
 * 陕西省, the demo jurisdiction, until a session is known: then the map moves to the user's
 * own region (OpenOnJurisdiction.tsx). A `#zoom/lat/lng` URL hash takes precedence over both.
 */
export const initialView = { center: [108.9, 35.9] as [number, number], zoom: 5.8 }

const CJK_FONTS = '"Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif'

let mapLibreConfigured = false
function configureMapLibre() {
  if (mapLibreConfigured) return
  // MapLibre 6 resolves its worker next to its own module, which a bundle moves: point at
  // the copy Vite emits instead.
  setWorkerUrl(workerUrl)
  addProtocol('pmtiles', new Protocol().tile)
  mapLibreConfigured = true
}

const mapUiStrings = (t: Translate): Record<string, string> => ({
  'NavigationControl.ZoomIn': t('map.zoomIn'),
  'NavigationControl.ZoomOut': t('map.zoomOut'),
  'NavigationControl.ResetBearing': t('map.resetBearing'),
  'AttributionControl.ToggleAttribution': t('map.attribution'),
  'Map.Title': t('map.label'),
})

/**
 * The full-window MapLibre map. Children render at once; those that need the map go inside
 * <WhenMapReady> and get it through `useMapContext()`.
 */
export function MapView({ children }: { children?: ReactNode }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const containerRef = useRef<HTMLDivElement>(null)
  const [context, setContext] = useState<MapContextValue | null>(null)
  const tRef = useRef(t)
  tRef.current = t

  useEffect(() => {
    configureMapLibre()
    let cancelled = false
    let map: MapLibreMap | undefined
    void loadBaseStyle().then(({ style, fallback }) => {
      const container = containerRef.current
      if (cancelled || !container) return
      const created = new MapLibreMap({
        container,
        style,
        ...initialMapView(initialView),
        minZoom: 2,
        maxZoom: 16,
        attributionControl: { compact: true },
        // The project ships every CJK glyph range, so the map draws the same on every screen
        // (a wall PC without CJK fonts included); local fonts only when the basemap is missing.
        localIdeographFontFamily: fallback ? CJK_FONTS : false,
        locale: mapUiStrings(tRef.current),
      })
      map = created
      created.on('error', (event) => console.warn('[map]', event.error.message))
      // Layers attach as soon as the style is parsed, not on 'load' (after every basemap tile
      // and glyph): their sources then load alongside the basemap's, not after it (#19 TTI).
      created.once('load', () => {
        window.__map = created
      })
      created.once('style.load', () => {
        setContext({
          map: created,
          textFont: styleTextFont(style.layers),
          beforeLabels: firstSymbolLayerId(style.layers),
          basemap: fallback ? 'fallback' : 'offline',
        })
      })
    })
    return () => {
      cancelled = true
      if (map && window.__map === map) delete window.__map
      map?.remove()
      setContext(null)
    }
  }, [])

  // Controls are re-created on a language change: MapLibre reads its UI strings on add.
  useEffect(() => {
    if (!context) return
    const { map } = context
    map._locale = { ...map._locale, ...mapUiStrings(tRef.current) }
    const navigation = new NavigationControl({ visualizePitch: false })
    const scale = new ScaleControl({ maxWidth: 120, unit: 'metric' })
    map.addControl(navigation, 'bottom-right')
    map.addControl(scale, 'bottom-left')
    return () => {
      map.removeControl(navigation)
      map.removeControl(scale)
    }
  }, [context, locale])

  return (
    <>
      <div ref={containerRef} className="map" />
      <MapContext.Provider value={context}>
        {context?.basemap === 'fallback' && (
          <p className="map-notice" role="status">
            {t('map.basemapFallback')}
          </p>
        )}
        {children}
      </MapContext.Provider>
    </>
  )
}
