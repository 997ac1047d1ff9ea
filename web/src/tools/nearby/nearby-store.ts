import { create } from 'zustand'
import { useActiveTool } from '../active-tool.ts'
import type { LngLat } from '../measure/measure-math.ts'

export const nearbyRadiusOptions = [1, 3, 5, 10, 20, 50] as const
export const DEFAULT_NEARBY_RADIUS_KM = 5

interface NearbyStore {
  /** The centre asked about; null: no query shown. */
  center: LngLat | null
  radiusKm: number
  /** Waiting for a click (or tap) on the map to choose the centre. */
  picking: boolean
  query: (center: LngLat) => void
  setRadius: (km: number) => void
  startPicking: () => void
  close: () => void
}

const releaseTool = () => {
  if (useActiveTool.getState().tool === 'nearby-pick') useActiveTool.getState().setTool(null)
}

/** The "what is within N km of here" query: its centre, radius and how it is being chosen. */
export const useNearbyTool = create<NearbyStore>()((set) => ({
  center: null,
  radiusKm: DEFAULT_NEARBY_RADIUS_KM,
  picking: false,
  query: (center) => {
    releaseTool()
    set({ center, picking: false })
  },
  setRadius: (radiusKm) => set({ radiusKm }),
  startPicking: () => {
    useActiveTool.getState().setTool('nearby-pick')
    set({ picking: true })
  },
  close: () => {
    releaseTool()
    set({ center: null, picking: false })
  },
}))
