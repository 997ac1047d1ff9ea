import { create } from 'zustand'
import type { LngLatTuple } from '../state/panels.ts'

interface DrillsStore {
  /** The 应急演练 drawer (list and schedule form). */
  open: boolean
  setOpen: (open: boolean) => void
  /** The schedule form waits for a click on the map for the drill's place. */
  picking: boolean
  place: LngLatTuple | null
  setPicking: (picking: boolean) => void
  setPlace: (place: LngLatTuple | null) => void
  /** The replay on the map: which drill, at which moment (ms since the epoch). */
  replay: { drillId: string; at: number } | null
  setReplay: (replay: { drillId: string; at: number } | null) => void
}

export const useDrillsUi = create<DrillsStore>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
  picking: false,
  place: null,
  setPicking: (picking) => set({ picking }),
  setPlace: (place) => set({ place, picking: false }),
  replay: null,
  setReplay: (replay) => set({ replay }),
}))
