// Turns adjacent polygons into boundary lines drawn once. Stroking polygon outlines instead would
// draw each shared border twice in opposite directions, so dashes never line up and translucent
// lines darken. Works on exact vertex equality, which holds within one DataV file and within the
// world-geo-json-zh countries (both were simplified with their topology kept).
import type { Position } from 'geojson'
import type { Ring } from './geo'

export interface MeshUnit {
  id: number
  rings: Ring[]
}

export interface MeshLine {
  coordinates: Position[]
  /** The unit on one side. */
  a: number
  /** The unit on the other side; undefined on the outer edge of the whole set. */
  b: number | undefined
}

/** Numeric ids for distinct vertices, so edges can be keyed by a number instead of a string. */
class VertexIds {
  private readonly ids = new Map<string, number>()

  of(p: Position): number {
    const k = `${p[0]},${p[1]}`
    let id = this.ids.get(k)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(k, id)
    }
    return id
  }
}

// Vertex ids stay far below 2^26, so two of them pack exactly into one safe integer.
const edgeKey = (a: number, b: number): number => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a)

interface Segment {
  p: Position
  q: Position
  k: number
}

export function mesh(units: readonly MeshUnit[]): MeshLine[] {
  const vertices = new VertexIds()
  const owners = new Map<number, number[]>()
  // Segments per ring, computed once and reused for the walk below.
  const ringSegments: { unit: number; segs: Segment[] }[] = []
  for (const unit of units) {
    for (const ring of unit.rings) {
      const segs: Segment[] = []
      let prevId = -1
      let prev: Position | undefined
      for (const p of ring) {
        const id = vertices.of(p)
        if (prev && id !== prevId) {
          const k = edgeKey(prevId, id)
          segs.push({ p: prev, q: p, k })
          const list = owners.get(k)
          if (!list) owners.set(k, [unit.id])
          else if (!list.includes(unit.id)) list.push(unit.id)
        }
        prev = p
        prevId = id
      }
      if (segs.length > 0) ringSegments.push({ unit: unit.id, segs })
    }
  }

  const emitted = new Set<number>()
  const lines: MeshLine[] = []
  for (const { unit, segs } of ringSegments) {
    const sigs = segs.map((s) => {
      const list = owners.get(s.k) ?? [unit]
      return list.length === 1 ? String(list[0]) : [...list].sort((x, y) => x - y).join(',')
    })
    // Start at a change of neighbour so a run never wraps across the ring's arbitrary start.
    let start = sigs.findIndex((sig, i) => sig !== sigs[(i - 1 + sigs.length) % sigs.length])
    if (start < 0) start = 0
    let run: Position[] = []
    let runSig = ''
    const flush = (): void => {
      if (run.length >= 2) {
        const ids = runSig.split(',').map(Number)
        const a = ids[0] ?? unit
        const b = ids.find((id) => id !== a)
        lines.push({ coordinates: run, a, b })
      }
      run = []
    }
    for (let n = 0; n < segs.length; n++) {
      const i = (start + n) % segs.length
      const s = segs[i]
      const sig = sigs[i]
      if (!s || sig === undefined) continue
      if (emitted.has(s.k)) {
        flush()
        continue
      }
      emitted.add(s.k)
      if (run.length === 0 || sig !== runSig) {
        flush()
        run = [s.p, s.q]
        runSig = sig
      } else {
        run.push(s.q)
      }
    }
    flush()
  }
  return lines
}
