import { useEffect, useState } from 'react'
import type { MapMouseEvent } from 'maplibre-gl'
import { useMe } from '../../api/auth.ts'
import { useT } from '../../i18n/use-t.ts'
import { useMapContext } from '../map-context.ts'
import { contextMenuItems } from './context-menu-items.ts'

interface OpenMenu {
  /** Viewport coordinates of the right-click (the menu is `position: fixed`). */
  x: number
  y: number
  at: [number, number]
}

/** The map's one right-click menu; its entries come from `contextMenuItems`. */
export function MapContextMenu() {
  const t = useT()
  const { map } = useMapContext()
  const me = useMe().data
  const audience = { signedIn: Boolean(me), canWrite: me?.canWrite ?? false }
  const items = contextMenuItems.filter((item) => item.shownTo(audience))
  const [menu, setMenu] = useState<OpenMenu | null>(null)
  const hasItems = items.length > 0

  useEffect(() => {
    if (!hasItems) return
    const onContextMenu = (event: MapMouseEvent) => {
      event.preventDefault()
      event.originalEvent.preventDefault()
      const { clientX, clientY } = event.originalEvent
      setMenu({ x: clientX, y: clientY, at: [event.lngLat.lng, event.lngLat.lat] })
    }
    const close = () => setMenu(null)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenu(null)
    }
    map.on('contextmenu', onContextMenu)
    map.on('click', close)
    map.on('movestart', close)
    window.addEventListener('keydown', onKey)
    return () => {
      map.off('contextmenu', onContextMenu)
      map.off('click', close)
      map.off('movestart', close)
      window.removeEventListener('keydown', onKey)
    }
  }, [map, hasItems])

  if (!menu || !hasItems) return null
  return (
    <div
      className="map-context-menu"
      role="menu"
      style={{ left: menu.x, top: menu.y }}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item, index) => (
        <button
          key={item.action}
          type="button"
          role="menuitem"
          data-action={item.action}
          autoFocus={index === 0}
          onClick={() => {
            setMenu(null)
            item.run(menu.at)
          }}
        >
          {item.label(t)}
        </button>
      ))}
    </div>
  )
}
