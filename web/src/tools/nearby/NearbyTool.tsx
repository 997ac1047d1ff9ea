import { useEffect } from 'react'
import type { MapMouseEvent } from 'maplibre-gl'
import { useSignedIn } from '../../api/auth.ts'
import { useMapContext } from '../../map/map-context.ts'
import { ensureNearbyLayers, nearbyFeatures, setNearbyData } from './nearby-layers.ts'
import { NearbyMenu } from './NearbyMenu.tsx'
import { NearbyPanel } from './NearbyPanel.tsx'
import { useNearbyTool } from './nearby-store.ts'

/**
 * "What is within N km of here": right-click the map (or press 周边查询 and tap it) → the
 * circle on the map and the hazard sources and resources inside, nearest first.
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
    const onContextMenu = (e: MapMouseEvent) => {
      e.preventDefault()
      e.originalEvent.preventDefault()
      store().openMenu({
        x: e.originalEvent.clientX,
        y: e.originalEvent.clientY,
        at: [e.lngLat.lng, e.lngLat.lat],
      })
    }
    const onClick = (e: MapMouseEvent) => {
      if (store().picking) store().query([e.lngLat.lng, e.lngLat.lat])
      else if (store().menu) store().closeMenu()
    }
    const onMoveStart = () => {
      if (store().menu) store().closeMenu()
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      const s = store()
      if (s.menu) s.closeMenu()
      else if (s.picking) s.close()
    }
    map.on('contextmenu', onContextMenu)
    map.on('click', onClick)
    map.on('movestart', onMoveStart)
    window.addEventListener('keydown', onKey)
    return () => {
      map.off('contextmenu', onContextMenu)
      map.off('click', onClick)
      map.off('movestart', onMoveStart)
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
  return (
    <>
      <NearbyMenu />
      {(center || picking) && <NearbyPanel />}
    </>
  )
}
