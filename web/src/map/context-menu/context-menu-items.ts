import type { Translate } from '../../i18n/use-t.ts'
import { useReport } from '../../incidents/report-store.ts'
import { useNearbyTool } from '../../tools/nearby/nearby-store.ts'

type LngLat = [lng: number, lat: number]

/** What an entry may depend on: who is signed in and what they may do. */
export interface ContextMenuAudience {
  signedIn: boolean
  canWrite: boolean
}

/** One action of the map's right-click menu, run at the clicked point. */
export interface ContextMenuItem {
  /** Also the `data-action` of its button. */
  action: string
  label: (t: Translate) => string
  shownTo: (audience: ContextMenuAudience) => boolean
  run: (at: LngLat) => void
}

/**
 * Every right-click action, listed once: features add an entry here rather than each
 * listening for `contextmenu` and drawing its own menu on top of the others'.
 */
export const contextMenuItems: readonly ContextMenuItem[] = [
  {
    action: 'report-here',
    label: (t) => t('incidents.reportHere'),
    shownTo: ({ canWrite }) => canWrite,
    run: (at) => useReport.getState().startAt(at),
  },
  {
    action: 'nearby-here',
    label: (t) => t('nearby.here', { km: useNearbyTool.getState().radiusKm }),
    shownTo: ({ signedIn }) => signedIn,
    run: (at) => useNearbyTool.getState().query(at),
  },
]
