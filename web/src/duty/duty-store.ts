import { create } from 'zustand'

interface DutyStore {
  open: boolean
  setOpen: (open: boolean) => void
}

/** Whether the 应急值守 panel is shown. */
export const useDuty = create<DutyStore>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}))
