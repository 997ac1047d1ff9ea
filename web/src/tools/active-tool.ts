import { create } from 'zustand'

/** The map tool that owns clicks on the map; while one is active, clicks open no panels. */
export type MapTool = 'measure' | 'nearby-pick'

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
