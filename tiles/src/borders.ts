// Splits China's outer edge into land border and coastline. The coast needs no line (land meets
// water), while the land border must be drawn. A stretch is land border where a neighbouring
// country's edge runs close by; the neighbours come from a coarser source (Natural Earth 50m,
// simplified), hence the generous distance.
import type { Position } from 'geojson'
import type { Ring } from './geo'
import { SegmentGrid, smoothRuns, splitByClass } from './segment-grid'

const NEAR = 0.15 // degrees (~15 km): how far the coarse neighbour outline may stray
const MIN_RUN = 6 // segments: shorter flips between border and coast are noise

export function landBorders(
  outerLines: readonly Position[][],
  foreignRings: readonly Ring[],
): Position[][] {
  const grid = new SegmentGrid(0.25)
  for (const ring of foreignRings) grid.addLine(ring, 0)
  const borders: Position[][] = []
  for (const line of outerLines) {
    const flags: boolean[] = []
    for (let i = 0; i + 1 < line.length; i++) {
      const [ax = 0, ay = 0] = line[i] ?? []
      const [bx = 0, by = 0] = line[i + 1] ?? []
      flags.push(grid.nearest((ax + bx) / 2, (ay + by) / 2, NEAR) !== undefined)
    }
    for (const run of splitByClass(line, smoothRuns(flags, MIN_RUN))) {
      if (run.cls) borders.push(run.line)
    }
  }
  return borders
}
