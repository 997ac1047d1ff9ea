// A uniform grid of line segments for "what runs close to this point?" queries. Distances are
// in degrees of latitude, with longitude scaled by cos(latitude) so they approximate ground
// distance at China's latitudes.
import type { Position } from 'geojson'

interface Segment {
  ax: number
  ay: number
  bx: number
  by: number
  owner: number
}

export class SegmentGrid {
  private readonly cells = new Map<string, Segment[]>()

  /** cell: grid cell size in degrees; queries look one cell around, so keep it ≥ max distance. */
  constructor(private readonly cell: number) {}

  addLine(line: readonly Position[], owner: number): void {
    for (let i = 0; i + 1 < line.length; i++) {
      const [ax = 0, ay = 0] = line[i] ?? []
      const [bx = 0, by = 0] = line[i + 1] ?? []
      const seg: Segment = { ax, ay, bx, by, owner }
      const c = this.cell
      for (
        let cx = Math.floor(Math.min(ax, bx) / c);
        cx <= Math.floor(Math.max(ax, bx) / c);
        cx++
      ) {
        for (
          let cy = Math.floor(Math.min(ay, by) / c);
          cy <= Math.floor(Math.max(ay, by) / c);
          cy++
        ) {
          const k = `${cx},${cy}`
          const list = this.cells.get(k)
          if (list) list.push(seg)
          else this.cells.set(k, [seg])
        }
      }
    }
  }

  /** The closest segment's owner within maxDist, ignoring one owner (the asking line's). */
  nearest(x: number, y: number, maxDist: number, ignore?: number): number | undefined {
    const kx = Math.cos((y * Math.PI) / 180)
    const cx0 = Math.floor(x / this.cell)
    const cy0 = Math.floor(y / this.cell)
    let best = maxDist * maxDist
    let owner: number | undefined
    for (let cx = cx0 - 1; cx <= cx0 + 1; cx++) {
      for (let cy = cy0 - 1; cy <= cy0 + 1; cy++) {
        for (const s of this.cells.get(`${cx},${cy}`) ?? []) {
          if (s.owner === ignore) continue
          const dx = (s.bx - s.ax) * kx
          const dy = s.by - s.ay
          const px = (x - s.ax) * kx
          const py = y - s.ay
          const len = dx * dx + dy * dy
          const t = len > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len)) : 0
          const d = (px - t * dx) ** 2 + (py - t * dy) ** 2
          if (d < best) {
            best = d
            owner = s.owner
          }
        }
      }
    }
    return owner
  }
}

/** Turn runs shorter than minRun of one class into the class before them (noise removal). */
export function smoothRuns<T>(classes: readonly T[], minRun: number): T[] {
  const out = [...classes]
  let i = 0
  while (i < out.length) {
    let j = i
    while (j < out.length && out[j] === out[i]) j++
    const before = out[i - 1]
    if (i > 0 && j < out.length && j - i < minRun && before !== undefined) {
      for (let k = i; k < j; k++) out[k] = before
    }
    i = j
  }
  return out
}

/** Cut a line into runs of consecutive segments sharing a class. */
export function splitByClass<T>(
  line: readonly Position[],
  classes: readonly T[],
): { cls: T; line: Position[] }[] {
  const out: { cls: T; line: Position[] }[] = []
  let current: { cls: T; line: Position[] } | undefined
  classes.forEach((cls, i) => {
    const p = line[i]
    const q = line[i + 1]
    if (!p || !q) return
    if (!current || current.cls !== cls) {
      current = { cls, line: [p, q] }
      out.push(current)
    } else {
      current.line.push(q)
    }
  })
  return out
}
