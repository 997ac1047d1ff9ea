import { useMapPick } from '../tools/use-map-pick.ts'
import { useEffect } from 'react'
import { Marker } from 'maplibre-gl'
import { useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { PlaceSearch } from './PlaceSearch.tsx'
import { useReport } from './report-store.ts'

/**
 * Where a report is placed on the map: in 接报 mode the next click (or a typed place); the
 * map's context menu offers 在此接报 at any time (map/context-menu). The draft point is a
 * draggable marker while the form is open.
 */
export function ReportPicker() {
  const t = useT()
  const { map } = useMapContext()
  const picking = useReport((s) => s.picking)
  const draft = useReport((s) => s.draft)
  const startAt = useReport((s) => s.startAt)
  const moveTo = useReport((s) => s.moveTo)

  useMapPick(picking, startAt)

  const location = draft?.location
  useEffect(() => {
    if (!location) return
    const element = document.createElement('div')
    element.className = 'report-marker'
    element.dataset.testid = 'report-marker'
    const marker = new Marker({ element, draggable: true }).setLngLat(location).addTo(map)
    // The form opens over the left of the map (a bottom sheet on phones, up to 60 % of the
    // height): bring a point hidden under it into view.
    const drawers = document.querySelector('.incident-drawers')?.getBoundingClientRect()
    const box = map.getContainer().getBoundingClientRect()
    const point = map.project(location)
    if (drawers && drawers.width >= box.width - 1) {
      // Into the band between the corner cards and the sheet, or above the sheet's middle.
      const sheetTop = box.height * 0.4
      const cards = [...document.querySelectorAll('.corner > *')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.height > 0 && r.bottom - box.top < sheetTop)
      const cardsBottom = Math.max(0, ...cards.map((r) => r.bottom - box.top))
      const target = sheetTop - cardsBottom >= 40 ? (cardsBottom + sheetTop) / 2 : sheetTop / 2
      if (point.y > sheetTop - 20 || point.y < cardsBottom) map.panBy([0, point.y - target])
    } else if (drawers) {
      const x = point.x + box.left
      if (x < drawers.right + 40) map.panBy([x - drawers.right - 180, 0])
    }
    marker.on('dragend', () => {
      const p = marker.getLngLat()
      moveTo([p.lng, p.lat])
    })
    return () => void marker.remove()
  }, [map, location, moveTo])

  // In 接报 mode the place can also be typed: an address, a region or an enterprise.
  return picking && !draft ? (
    <div className="report-place card" data-testid="report-place">
      <p>{t('incidents.reportPicking')}</p>
      <PlaceSearch
        onPick={(point, name) => {
          startAt(point, name)
          map.flyTo({ center: point, zoom: Math.max(map.getZoom(), 12) })
        }}
      />
    </div>
  ) : null
}
