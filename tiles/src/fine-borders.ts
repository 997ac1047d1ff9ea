// Province, prefecture and national borders at the detail of the county files, for the zooms
// where county borders show. Drawn from the coarser province/prefecture files instead, county
// borders would stop short of or overshoot them by up to a kilometre. Each prefecture outline
// comes from its own file, so a shared border exists twice, a few metres apart: the side with
// the lower code draws it, and the nearest other outline tells what kind of border it is.
import type { Position } from 'geojson'
import type { FineOutline } from './admin'
import { SegmentGrid, smoothRuns, splitByClass } from './segment-grid'

const NEAR = 0.004 // degrees (~400 m): the same border in two files is far closer than this
const MIN_RUN = 3

type Kind = 'province' | 'city' | 'outer' | 'skip'

export interface FineBorders {
  province: Position[][]
  city: Position[][]
  /** National land border and coast, not yet told apart. */
  outer: Position[][]
}

export function fineBorders(outlines: readonly FineOutline[]): FineBorders {
  const grid = new SegmentGrid(0.01)
  outlines.forEach((o, i) => {
    for (const line of o.lines) grid.addLine(line, i)
  })
  const out: FineBorders = { province: [], city: [], outer: [] }
  outlines.forEach((o, i) => {
    for (const line of o.lines) {
      const kinds: Kind[] = []
      for (let s = 0; s + 1 < line.length; s++) {
        const [ax = 0, ay = 0] = line[s] ?? []
        const [bx = 0, by = 0] = line[s + 1] ?? []
        const j = grid.nearest((ax + bx) / 2, (ay + by) / 2, NEAR, i)
        const other = j === undefined ? undefined : outlines[j]
        if (j === undefined || !other) kinds.push('outer')
        else if (j < i) kinds.push('skip')
        else kinds.push(other.province === o.province ? 'city' : 'province')
      }
      for (const run of splitByClass(line, smoothRuns(kinds, MIN_RUN))) {
        if (run.cls !== 'skip') out[run.cls].push(run.line)
      }
    }
  })
  return out
}
