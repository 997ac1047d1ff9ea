import { useEffect } from 'react'
import { Marker } from 'maplibre-gl'
import { useMapContext } from '../map/map-context.ts'
import { useMapPick } from '../tools/use-map-pick.ts'
import { useDrillsUi } from './drills-store.ts'

/** The drill's place: the next map click while picking, then a draggable marker. */
export function DrillPlacePicker() {
  const { map } = useMapContext()
  const picking = useDrillsUi((s) => s.picking)
  const place = useDrillsUi((s) => s.place)
  const setPlace = useDrillsUi((s) => s.setPlace)
  const formOpen = useDrillsUi((s) => s.open)

  useMapPick(picking, setPlace)

  useEffect(() => {
    if (!place || !formOpen) return
    const element = document.createElement('div')
    element.className = 'report-marker drill-marker'
    element.dataset.testid = 'drill-place-marker'
    const marker = new Marker({ element, draggable: true }).setLngLat(place).addTo(map)
    marker.on('dragend', () => {
      const p = marker.getLngLat()
      setPlace([p.lng, p.lat])
    })
    return () => void marker.remove()
  }, [map, place, formOpen, setPlace])
  return null
}
