import { useEffect, useState } from 'react'
import type { MapMouseEvent } from 'maplibre-gl'
import { useLocale } from '../../i18n/locale.ts'
import { useT } from '../../i18n/use-t.ts'
import { useMapContext } from '../../map/map-context.ts'
import {
  formatArea,
  formatDistance,
  lineLengthMetres,
  polygonAreaSquareMetres,
  type LngLat,
} from './measure-math.ts'
import { ensureMeasureLayers, measureFeatures, setMeasureData } from './measure-layers.ts'
import { useMeasure } from './measure-store.ts'

/** Two clicks closer than this (px) are one point: the pair a double-click leaves behind. */
const SAME_POINT_PX = 4

/**
 * Measuring by clicking (or tapping) on the map: a polyline for distance, a polygon for
 * area. Double-click or 完成 finishes, Esc cancels the shape and a second Esc closes the tool.
 */
export function MeasureTool() {
  const { map } = useMapContext()
  const mode = useMeasure((s) => s.mode)
  const points = useMeasure((s) => s.points)
  const finished = useMeasure((s) => s.finished)
  const [cursor, setCursor] = useState<LngLat | null>(null)

  useEffect(() => {
    if (!mode) return
    ensureMeasureLayers(map)
    const store = useMeasure.getState
    const canvas = map.getCanvas()
    canvas.classList.add('measure-cursor')
    const zoomOnDoubleClick = map.doubleClickZoom.isEnabled()
    map.doubleClickZoom.disable()

    const onClick = (e: MapMouseEvent) => {
      const { points: current, finished: done } = store()
      const last = current[current.length - 1]
      if (!done && last) {
        const p = map.project(last)
        if (Math.hypot(p.x - e.point.x, p.y - e.point.y) < SAME_POINT_PX) return
      }
      store().add([e.lngLat.lng, e.lngLat.lat])
    }
    const onDoubleClick = (e: MapMouseEvent) => {
      e.preventDefault()
      store().finish()
    }
    let frame = 0
    const onMove = (e: MapMouseEvent) => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setCursor([e.lngLat.lng, e.lngLat.lat]))
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      if (store().points.length > 0) store().clear()
      else store().close()
    }
    map.on('click', onClick)
    map.on('dblclick', onDoubleClick)
    map.on('mousemove', onMove)
    window.addEventListener('keydown', onKey, true)
    return () => {
      cancelAnimationFrame(frame)
      map.off('click', onClick)
      map.off('dblclick', onDoubleClick)
      map.off('mousemove', onMove)
      window.removeEventListener('keydown', onKey, true)
      canvas.classList.remove('measure-cursor')
      if (zoomOnDoubleClick) map.doubleClickZoom.enable()
      setMeasureData(map, { type: 'FeatureCollection', features: [] })
      setCursor(null)
    }
  }, [map, mode])

  useEffect(() => {
    if (!mode) return
    setMeasureData(map, measureFeatures(mode, points, finished ? null : cursor))
  }, [map, mode, points, finished, cursor])

  if (!mode) return null
  return <MeasureReadout />
}

function MeasureReadout() {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const { mode, points, finished, start, finish, clear, close } = useMeasure()
  if (!mode) return null
  const metres = lineLengthMetres(points)
  const squareMetres = polygonAreaSquareMetres(points)
  const distance = formatDistance(metres, locale)
  const area = formatArea(squareMetres, locale)
  return (
    <section
      className="tool-card measure"
      aria-label={t(mode === 'distance' ? 'measure.distance' : 'measure.area')}
      data-testid="measure-readout"
      data-mode={mode}
      data-metres={metres}
      data-square-metres={squareMetres}
    >
      <div className="tool-card__tabs" role="group">
        {(['distance', 'area'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className="tool-card__tab"
            aria-pressed={mode === m}
            onClick={() => start(m)}
          >
            {t(m === 'distance' ? 'measure.distance' : 'measure.area')}
          </button>
        ))}
        <button
          type="button"
          className="tool-card__close"
          aria-label={t('measure.close')}
          title={t('measure.close')}
          onClick={close}
        >
          ×
        </button>
      </div>
      <p className="measure__value" aria-live="polite">
        {mode === 'distance' ? (
          <>
            <span className="measure__label">{t('measure.total')}</span>
            <strong data-field="distance">
              {distance.value} {distance.unit}
            </strong>
          </>
        ) : (
          <>
            <span className="measure__label">{t('measure.areaValue')}</span>
            <strong data-field="area">
              {area.value} {area.unit}
            </strong>
            <span className="measure__hectares" data-field="hectares">
              {t('measure.hectares', { value: area.hectares })}
            </span>
          </>
        )}
      </p>
      <p className="tool-card__hint">
        {t('measure.points', { count: points.length })} ·{' '}
        {t(mode === 'distance' ? 'measure.hintDistance' : 'measure.hintArea')}
      </p>
      <div className="tool-card__actions">
        <button type="button" onClick={finish} disabled={finished || points.length < 2}>
          {t('measure.finish')}
        </button>
        <button type="button" onClick={clear} disabled={points.length === 0}>
          {t('measure.clear')}
        </button>
      </div>
    </section>
  )
}
