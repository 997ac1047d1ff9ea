import { takeClick } from '../active-tool.ts'
import { useEffect } from 'react'
import type { MapMouseEvent } from 'maplibre-gl'
import { useSignedIn } from '../../api/auth.ts'
import { useMapContext } from '../../map/map-context.ts'
import { ensureNearbyLayers, nearbyFeatures, setNearbyData } from './nearby-layers.ts'
import { useNearbyTool } from './nearby-store.ts'

/**
 * "What is within N km of here": the map's context menu (map/context-menu), or 周边查询 and
 * a tap → the circle on the map and the hazard sources and resources inside, nearest first.
 */
export function NearbyTool() {
  const { map } = useMapContext()
  const signedIn = useSignedIn()
  const center = useNearbyTool((s) => s.center)
  const radiusKm = useNearbyTool((s) => s.radiusKm)
  const picking = useNearbyTool((s) => s.picking)

  useEffect(() => {
    if (!signedIn) return
    const store = useNearbyTool.getState
    const onClick = (e: MapMouseEvent) => {
      if (!store().picking) return
      takeClick(e.originalEvent)
      store().query([e.lngLat.lng, e.lngLat.lat])
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && store().picking) store().close()
    }
    map.on('click', onClick)
    window.addEventListener('keydown', onKey)
    return () => {
      map.off('click', onClick)
      window.removeEventListener('keydown', onKey)
    }
  }, [map, signedIn])

  useEffect(() => {
    const canvas = map.getCanvas()
    canvas.classList.toggle('measure-cursor', picking)
    return () => canvas.classList.remove('measure-cursor')
  }, [map, picking])

  useEffect(() => {
    ensureNearbyLayers(map)
    setNearbyData(map, nearbyFeatures(signedIn ? center : null, radiusKm))
  }, [map, center, radiusKm, signedIn])

  if (!signedIn) return null
  // The results card sits in the right-hand corner stack (NearbyCard), not over it.
  return null
}
