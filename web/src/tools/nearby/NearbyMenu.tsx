import { useT } from '../../i18n/use-t.ts'
import { useNearbyTool } from './nearby-store.ts'

/** The right-click menu: one action, the nearby query at the clicked point. */
export function NearbyMenu() {
  const t = useT()
  const menu = useNearbyTool((s) => s.menu)
  const radiusKm = useNearbyTool((s) => s.radiusKm)
  const query = useNearbyTool((s) => s.query)
  if (!menu) return null
  return (
    <div
      className="map-context-menu"
      role="menu"
      style={{ left: menu.x, top: menu.y }}
      onContextMenu={(e) => e.preventDefault()}
    >
      <button
        type="button"
        role="menuitem"
        data-action="nearby-here"
        autoFocus
        onClick={() => query(menu.at)}
      >
        {t('nearby.here', { km: radiusKm })}
      </button>
    </div>
  )
}
