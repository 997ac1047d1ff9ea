import { useEffect, useRef } from 'react'
import { Marker } from 'maplibre-gl'
import { useMapContext } from '../map/map-context.ts'
import { SHEET_QUERY } from '../panels/use-media-query.ts'
import type { LngLatTuple } from '../state/panels.ts'

const MOVE_ZOOM = 14
const NUDGE_PX = 4
const DRAGGING_CLASS = 'is-dragging-marker'
const arrowDeltas: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

/** The vertical middle of the map not covered by the phone's bottom sheet and top controls. */
function freeStripMiddle(container: HTMLElement): number {
  const height = container.clientHeight
  if (!window.matchMedia(SHEET_QUERY).matches) return height / 2
  const top = document.querySelector('.corner--top-right')?.getBoundingClientRect().bottom ?? 0
  const bottom = document.querySelector('.attached-panel')?.getBoundingClientRect().top ?? height
  return bottom > top ? (top + bottom) / 2 : height / 2
}

/**
 * The draggable stand-in for the record being moved: a DOM marker (a 48 px touch target, not
 * a canvas symbol) that the officer drags to the true position. Renders nothing in React.
 */
export function MoveMarker(props: {
  origin: LngLatTuple
  proposed: LngLatTuple | null
  label: string
  onDragEnd: (point: LngLatTuple) => void
}) {
  const { map } = useMapContext()
  const markerRef = useRef<Marker | null>(null)
  const onDragEndRef = useRef(props.onDragEnd)
  onDragEndRef.current = props.onDragEnd
  const [originLng, originLat] = props.origin

  useEffect(() => {
    const element = document.createElement('div')
    element.className = 'move-marker'
    element.dataset.testid = 'move-marker'
    element.setAttribute('role', 'img')
    element.setAttribute('aria-label', props.label)
    element.title = props.label
    element.innerHTML =
      '<svg width="30" height="40" viewBox="0 0 30 40" aria-hidden="true"><path d="M15 39C15 39 2 23 2 14a13 13 0 0 1 26 0c0 9-13 25-13 25z" fill="#1d6b66" stroke="#fff" stroke-width="2.5"/><circle cx="15" cy="14" r="5" fill="#fff"/></svg>'
    const marker = new Marker({ element, draggable: true, anchor: 'bottom', offset: [0, 4] })
      .setLngLat([originLng, originLat])
      .addTo(map)
    // MapLibre follows the drag through map events: panels must not swallow them on the way.
    marker.on('dragstart', () => document.body.classList.add(DRAGGING_CLASS))
    marker.on('dragend', () => {
      document.body.classList.remove(DRAGGING_CLASS)
      const { lng, lat } = marker.getLngLat()
      onDragEndRef.current([lng, lat])
    })
    // Keyboard users nudge it with the arrow keys (Shift for bigger steps).
    element.tabIndex = 0
    element.addEventListener('keydown', (event) => {
      const step = event.shiftKey ? NUDGE_PX * 5 : NUDGE_PX
      const delta = arrowDeltas[event.key]
      if (!delta) return
      event.preventDefault()
      const p = map.project(marker.getLngLat())
      const next = map.unproject([p.x + delta[0] * step, p.y + delta[1] * step])
      marker.setLngLat(next)
      onDragEndRef.current([next.lng, next.lat])
    })
    markerRef.current = marker

    // Bring the record into view close enough to place it; on a phone, into the strip of map
    // left between the top corner controls and the bottom sheet.
    map.easeTo({
      center: [originLng, originLat],
      zoom: Math.max(map.getZoom(), MOVE_ZOOM),
      offset: [0, freeStripMiddle(map.getContainer()) - map.getContainer().clientHeight / 2],
      duration: 0,
    })
    return () => {
      document.body.classList.remove(DRAGGING_CLASS)
      marker.remove()
      markerRef.current = null
    }
    // The label is read once: the marker is rebuilt only for another record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, originLng, originLat])

  // A GPS fix moves the marker too, so the officer can still adjust it by hand.
  const proposedLng = props.proposed?.[0]
  const proposedLat = props.proposed?.[1]
  useEffect(() => {
    if (proposedLng === undefined || proposedLat === undefined) return
    const marker = markerRef.current
    if (!marker) return
    const { lng, lat } = marker.getLngLat()
    if (lng === proposedLng && lat === proposedLat) return
    marker.setLngLat([proposedLng, proposedLat])
    if (!map.getBounds().contains([proposedLng, proposedLat])) {
      map.easeTo({ center: [proposedLng, proposedLat], duration: 300 })
    }
  }, [map, proposedLng, proposedLat])

  return null
}
