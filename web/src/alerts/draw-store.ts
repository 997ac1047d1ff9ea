import { create } from 'zustand'
import { useActiveTool } from '../tools/active-tool.ts'

export type LngLat = [number, number]
export type DrawMode = 'polygon' | 'circle'

interface AlertDrawStore {
  /** `regions`: a click on the map adds the region under it to `regionCodes`. */
  mode: DrawMode | 'regions' | null
  points: LngLat[]
  /** Circle: the centre, then the radius from the second click. */
  radiusM: number | null
  /** The chosen GB/T 2260 regions (by name search or by clicking the map). */
  regionCodes: string[]
  start: (mode: DrawMode | 'regions') => void
  add: (point: LngLat) => void
  addRegion: (code: string) => void
  removeRegion: (code: string) => void
  setRegions: (codes: string[]) => void
  clear: () => void
  stop: () => void
}

const EARTH_RADIUS_M = 6_371_008.8
const rad = (d: number) => (d * Math.PI) / 180

/** Great-circle distance in metres (the server draws circles on the same sphere). */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1])
  const dLng = rad(b[0] - a[0])
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h))
}

/** Drawing an alert's area on the map: a polygon by clicks, or a circle by centre + edge. */
export const useAlertDraw = create<AlertDrawStore>()((set, get) => ({
  mode: null,
  points: [],
  radiusM: null,
  regionCodes: [],
  start: (mode) => {
    useActiveTool.getState().setTool('alert-draw')
    set({ mode, points: [], radiusM: null })
  },
  add: (point) => {
    const { mode, points } = get()
    if (mode === 'circle') {
      if (points.length === 0) set({ points: [point] })
      else set({ radiusM: Math.max(50, Math.round(distanceM(points[0]!, point))) })
      return
    }
    set({ points: [...points, point] })
  },
  addRegion: (code) => {
    if (!get().regionCodes.includes(code)) set({ regionCodes: [...get().regionCodes, code] })
  },
  removeRegion: (code) => set({ regionCodes: get().regionCodes.filter((c) => c !== code) }),
  setRegions: (codes) => set({ regionCodes: codes }),
  clear: () => set({ points: [], radiusM: null }),
  stop: () => {
    if (useActiveTool.getState().tool === 'alert-draw') useActiveTool.getState().setTool(null)
    set({ mode: null })
  },
}))

/** The drawn polygon as GeoJSON MultiPolygon coordinates (closed ring), or null below 3 points. */
export function drawnPolygon(points: LngLat[]): LngLat[][][] | null {
  if (points.length < 3) return null
  const round = (p: LngLat): LngLat => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6]
  const ring = points.map(round)
  return [[[...ring, ring[0]!]]]
}
