import { create } from 'zustand'
import type { LngLatTuple } from '../state/panels.ts'

interface ReportStore {
  /** 接报 mode: the next map click places the report. */
  picking: boolean
  setPicking: (picking: boolean) => void
  /** The report being written, at this point (null: no form open). */
  draft: { location: LngLatTuple; address: string } | null
  startAt: (location: LngLatTuple, address?: string) => void
  moveTo: (location: LngLatTuple, address?: string) => void
  cancel: () => void
}

export const useReport = create<ReportStore>()((set) => ({
  picking: false,
  setPicking: (picking) => set({ picking }),
  draft: null,
  startAt: (location, address = '') => set({ picking: false, draft: { location, address } }),
  moveTo: (location, address) =>
    set(({ draft }) => ({
      draft: { location, address: address ?? draft?.address ?? '' },
    })),
  cancel: () => set({ picking: false, draft: null }),
}))
