import { useEffect, useId, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useSignedIn } from '../api/auth.ts'
import { isPhoneWidth } from '../chrome/phone.ts'
import { LayerFilterSection, RegionFilterChip } from '../filters/LayerFilterSection.tsx'
import { isFilterableLayer } from '../state/filters.ts'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import { useLayers } from '../state/layers.ts'
import type { LayerSwatch } from './layers/layer-types.ts'
import { isLayerListed, isLayerVisible, layerRegistry } from './layers/registry.ts'
import { useMapContext, useMapZoom } from './map-context.ts'

function Swatch({ swatch }: { swatch: LayerSwatch }) {
  const dash = swatch.dashed ? '3 2' : undefined
  return (
    <svg className="legend__swatch" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">
      {swatch.shape === 'area' && (
        <rect
          x="1.5"
          y="1.5"
          width="19"
          height="13"
          rx="2"
          fill={swatch.fill ?? 'none'}
          stroke={swatch.stroke}
          strokeWidth="1.6"
          strokeDasharray={dash}
        />
      )}
      {swatch.shape === 'line' && (
        <line
          x1="2"
          y1="8"
          x2="20"
          y2="8"
          stroke={swatch.stroke}
          strokeWidth="2.5"
          strokeDasharray={dash}
        />
      )}
      {swatch.shape === 'point' &&
        swatch.fills?.map((fill, i) => (
          <circle
            key={fill}
            cx={3.5 + i * 5}
            cy={8}
            r="3.2"
            fill={fill}
            stroke="#ffffff"
            strokeWidth="0.8"
          />
        ))}
      {swatch.shape === 'point' && !swatch.fills && (
        <circle
          cx="11"
          cy="8"
          r="5"
          fill={swatch.fill ?? swatch.stroke}
          stroke={swatch.stroke}
          strokeWidth="1.5"
        />
      )}
    </svg>
  )
}

/** Counts per layer, recounted whenever the map settles (after a pan, a zoom, new data). */
function useCountsInView(map: MapLibreMap): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map())
  useEffect(() => {
    const recount = () => {
      const next = new Map(layerRegistry.map((layer) => [layer.id, layer.countInView(map)]))
      setCounts((prev) =>
        [...next].every(([id, n]) => prev.get(id) === n) && prev.size === next.size ? prev : next,
      )
    }
    recount()
    map.on('idle', recount)
    return () => {
      map.off('idle', recount)
    }
  }, [map])
  return counts
}

/** Legend, visibility toggles and counts in view, one row per registry layer. */
export function LayerLegend() {
  const t = useT()
  const formatCount = useNumberFormat(0)
  const { map } = useMapContext()
  const zoom = useMapZoom(map)
  const counts = useCountsInView(map)
  const visibility = useLayers((s) => s.visible)
  const setVisible = useLayers((s) => s.setVisible)
  const signedIn = useSignedIn()
  const [collapsed, setCollapsed] = useState(isPhoneWidth)
  const listId = useId()

  return (
    <section className="legend" aria-label={t('layers.title')}>
      <button
        type="button"
        className="legend__header"
        aria-expanded={!collapsed}
        aria-controls={listId}
        title={collapsed ? t('layers.expand') : t('layers.collapse')}
        onClick={() => setCollapsed((c) => !c)}
      >
        <span className="legend__title">{t('layers.title')}</span>
        <span className="legend__chevron" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
      </button>
      {!collapsed && signedIn && <RegionFilterChip />}
      {!collapsed && (
        <ul className="legend__list" id={listId}>
          {layerRegistry
            .filter((layer) => isLayerListed(layer, signedIn))
            .map((layer) => {
              const shown = isLayerVisible(layer, visibility)
              const inZoom = zoom >= layer.minzoom
              const count = counts.get(layer.id) ?? 0
              return (
                <li
                  key={layer.id}
                  className="legend__row"
                  data-layer-id={layer.id}
                  data-muted={!shown || !inZoom}
                >
                  <label className="legend__toggle">
                    <input
                      type="checkbox"
                      checked={shown}
                      onChange={(event) => setVisible(layer.id, event.target.checked)}
                    />
                    <Swatch swatch={layer.swatch} />
                    <span className="legend__label">
                      {t(layer.labelKey)}
                      {shown && !inZoom && (
                        <small className="legend__hint">
                          {t('layers.zoomIn', { zoom: layer.minzoom })}
                        </small>
                      )}
                    </span>
                  </label>
                  <span
                    className="legend__count"
                    title={t('layers.countInView')}
                    data-count={shown ? count : ''}
                  >
                    {shown && inZoom ? formatCount(count) : '–'}
                  </span>
                  {isFilterableLayer(layer.id) && <LayerFilterSection layer={layer.id} />}
                </li>
              )
            })}
        </ul>
      )}
      {!collapsed && !signedIn && <p className="legend__signin-hint">{t('layers.signInHint')}</p>}
    </section>
  )
}
