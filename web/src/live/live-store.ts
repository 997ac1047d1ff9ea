import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { LngLatTuple } from '../state/panels.ts'

/** How long a newly reported incident pulses on the map. */
export const FLASH_MS = 12_000

export interface Flash {
  id: string
  location: LngLatTuple
  grade: string
  until: number
}

interface LiveStore {
  /** The alert tone on new incidents; remembered per browser. */
  soundOn: boolean
  setSoundOn: (on: boolean) => void
  /** 'open' while the event stream is connected. */
  connection: 'connecting' | 'open' | 'closed'
  setConnection: (connection: LiveStore['connection']) => void
  flashes: Flash[]
  flash: (flash: Omit<Flash, 'until'>) => void
  expireFlashes: (now: number) => void
}

export const useLive = create<LiveStore>()(
  persist(
    (set) => ({
      soundOn: true,
      setSoundOn: (soundOn) => set({ soundOn }),
      connection: 'closed',
      setConnection: (connection) => set({ connection }),
      flashes: [],
      flash: (flash) =>
        set(({ flashes }) => ({
          flashes: [
            ...flashes.filter((f) => f.id !== flash.id),
            { ...flash, until: Date.now() + FLASH_MS },
          ],
        })),
      expireFlashes: (now) =>
        set(({ flashes }) => {
          const kept = flashes.filter((f) => f.until > now)
          return kept.length === flashes.length ? { flashes } : { flashes: kept }
        }),
    }),
    { name: 'jinan.live', partialize: (s) => ({ soundOn: s.soundOn }) },
  ),
)
