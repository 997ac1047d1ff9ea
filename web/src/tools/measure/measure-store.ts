import { create } from 'zustand'
import { useActiveTool } from '../active-tool.ts'
import type { LngLat, MeasureMode } from './measure-math.ts'

interface MeasureStore {
  /** null: the tool is closed. */
  mode: MeasureMode | null
  points: LngLat[]
  /** Finished: the shape stays drawn with its readout, new clicks start a new one. */
  finished: boolean
  start: (mode: MeasureMode) => void
  add: (point: LngLat) => void
  finish: () => void
  clear: () => void
  close: () => void
}

/** The measurement being drawn. One at a time; closing forgets it. */
export const useMeasure = create<MeasureStore>()((set, get) => ({
  mode: null,
  points: [],
  finished: false,
  start: (mode) => {
    useActiveTool.getState().setTool('measure')
    set({ mode, points: [], finished: false })
  },
  add: (point) =>
    set((s) =>
      s.finished ? { points: [point], finished: false } : { points: [...s.points, point] },
    ),
  finish: () => {
    const { mode, points } = get()
    const enough = mode === 'area' ? 3 : 2
    set({ finished: points.length >= enough, points: points.length >= enough ? points : [] })
  },
  clear: () => set({ points: [], finished: false }),
  close: () => {
    if (useActiveTool.getState().tool === 'measure') useActiveTool.getState().setTool(null)
    set({ mode: null, points: [], finished: false })
  },
}))
