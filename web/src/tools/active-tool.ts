import { create } from 'zustand'

/** The map tool that owns clicks on the map; while one is active, clicks open no panels. */
export type MapTool = 'measure' | 'nearby-pick' | 'alert-draw'

interface ActiveToolStore {
  tool: MapTool | null
  setTool: (tool: MapTool | null) => void
}

export const useActiveTool = create<ActiveToolStore>()((set) => ({
  tool: null,
  setTool: (tool) => set({ tool }),
}))

/** For map event handlers (outside React): whether a tool takes this click. */
export const isMapToolActive = () => useActiveTool.getState().tool !== null

/*
 * A tool may finish on the very click it takes (the nearby query releases the tool once it
 * has its centre), and map click handlers run in the order they were (re-)registered. The
 * tool marks the DOM event as its own, so the click-to-open handler skips it either way.
 */
const taken = new WeakSet<Event>()

/** Marks a click as taken by a map tool (or a picking mode): it opens no panel. */
export const takeClick = (event: Event) => void taken.add(event)

export const isClickTaken = (event: Event) => taken.has(event)
