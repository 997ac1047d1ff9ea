import { create } from 'zustand'

interface PlansStore {
  /** Whether the 预案库 drawer is shown, and which plan it shows (null: the list). */
  libraryOpen: boolean
  selected: string | null
  /** The plan form: 'new', a plan id being edited, or null. */
  editing: string | null
  setLibraryOpen: (open: boolean) => void
  select: (id: string | null) => void
  edit: (id: string | null) => void
}

export const usePlansUi = create<PlansStore>()((set) => ({
  libraryOpen: false,
  selected: null,
  editing: null,
  setLibraryOpen: (libraryOpen) => set({ libraryOpen }),
  select: (selected) => set({ selected, editing: null }),
  edit: (editing) => set({ editing, libraryOpen: true }),
}))
