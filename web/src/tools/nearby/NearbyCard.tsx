import { useSignedIn } from '../../api/auth.ts'
import { NearbyPanel } from './NearbyPanel.tsx'
import { useNearbyTool } from './nearby-store.ts'

/** The nearby results, shown while a query is open or its centre is being picked. */
export function NearbyCard() {
  const signedIn = useSignedIn()
  const open = useNearbyTool((s) => s.center !== null || s.picking)
  return signedIn && open ? <NearbyPanel /> : null
}
