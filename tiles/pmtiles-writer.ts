// Minimal PMTiles v3 writer (the protomaps/PMTiles repository, spec/v3/spec.md).
// The npm `pmtiles` package only reads archives, so the build writes them itself. Tiles are
// deduplicated by content, identical neighbours in Hilbert order collapse into one run-length
// entry, and tile data is laid out in tile-id order so the archive is "clustered".
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

export const Compression = { none: 1, gzip: 2 } as const
export const TileType = { mvt: 1 } as const

/** Header fields the caller chooses; section offsets and counts are computed. */
export interface ArchiveInfo {
  minZoom: number
  maxZoom: number
  /** [west, south, east, north] in degrees */
  bounds: [number, number, number, number]
  /** [lon, lat, zoom] */
  center: [number, number, number]
  /** Written as gzip-compressed JSON (vector_layers, attribution, …). */
  metadata: Record<string, unknown>
  /** How tile payloads are already compressed: the writer stores them as given. */
  tileCompression?: number
  tileType?: number
}

export interface Entry {
  tileId: number
  offset: number
  length: number
  runLength: number
}

const HEADER_BYTES = 127
// The spec requires header + root directory to fit in the first 16 KiB.
const ROOT_BUDGET = 16384 - HEADER_BYTES

/** Rotate/flip a quadrant so the Hilbert curve stays continuous (as in the reference code). */
function rotate(n: number, x: number, y: number, rx: number, ry: number): [number, number] {
  if (ry === 0) {
    if (rx !== 0) return [n - 1 - y, n - 1 - x]
    return [y, x]
  }
  return [x, y]
}

/** Tile id: all tiles of lower zooms come first, then the Hilbert index within zoom z. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > 26) throw new Error('zoom above 26 exceeds safe integer tile ids')
  const n = 2 ** z
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`tile ${z}/${x}/${y} out of range`)
  let acc = (n * n - 1) / 3
  let tx = x
  let ty = y
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0
    const ry = (ty & s) > 0 ? 1 : 0
    acc += s * s * ((3 * rx) ^ ry)
    ;[tx, ty] = rotate(s, tx, ty, rx, ry)
  }
  return acc
}

/** Unsigned LEB128 varint that stays exact past 2^32 (tile ids at z>15 exceed it). */
function writeVarint(out: number[], value: number): void {
  let v = value
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  out.push(v)
}

/** Column-oriented directory encoding: ids as deltas, then run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly Entry[]): Buffer {
  const out: number[] = []
  writeVarint(out, entries.length)
  let lastId = 0
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId)
    lastId = e.tileId
  }
  for (const e of entries) writeVarint(out, e.runLength)
  for (const e of entries) writeVarint(out, e.length)
  let prev: Entry | undefined
  for (const e of entries) {
    // 0 means "directly after the previous entry", which is what clustered data mostly is.
    if (prev && e.offset === prev.offset + prev.length) writeVarint(out, 0)
    else writeVarint(out, e.offset + 1)
    prev = e
  }
  return gzipSync(Buffer.from(out), { level: 9 })
}

interface Directories {
  root: Buffer
  leaves: Buffer
  leafCount: number
}

/** Put everything in the root if it fits, otherwise page entries into leaves. */
export function buildDirectories(entries: readonly Entry[], forceLeafSize?: number): Directories {
  if (forceLeafSize === undefined) {
    const root = serializeDirectory(entries)
    if (root.length <= ROOT_BUDGET) return { root, leaves: Buffer.alloc(0), leafCount: 0 }
  }
  let leafSize = forceLeafSize ?? Math.max(4096, Math.ceil(entries.length / 3500))
  for (;;) {
    const rootEntries: Entry[] = []
    const leafParts: Buffer[] = []
    let offset = 0
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize)
      const first = chunk[0]
      if (!first) break
      const leaf = serializeDirectory(chunk)
      // runLength 0 marks a pointer to a leaf directory; offset is relative to the leaf section.
      rootEntries.push({ tileId: first.tileId, offset, length: leaf.length, runLength: 0 })
      leafParts.push(leaf)
      offset += leaf.length
    }
    const root = serializeDirectory(rootEntries)
    if (root.length <= ROOT_BUDGET || forceLeafSize !== undefined) {
      return { root, leaves: Buffer.concat(leafParts), leafCount: leafParts.length }
    }
    leafSize = Math.ceil(leafSize * 1.2)
  }
}

function writeUint64(buf: Buffer, pos: number, value: number): void {
  buf.writeBigUInt64LE(BigInt(value), pos)
}

const e7 = (deg: number): number => Math.round(deg * 1e7)

export interface WriteStats {
  addressedTiles: number
  tileEntries: number
  tileContents: number
  leafDirectories: number
  bytes: number
}

/** Collects tiles in any order and serialises a complete archive. */
export class PMTilesWriter {
  private readonly tiles = new Map<number, Buffer>()
  /** Test hook: force leaf directories even for tiny archives. */
  forceLeafSize: number | undefined

  addTile(z: number, x: number, y: number, data: Uint8Array): void {
    this.tiles.set(zxyToTileId(z, x, y), Buffer.from(data))
  }

  get size(): number {
    return this.tiles.size
  }

  finish(info: ArchiveInfo): { archive: Buffer; stats: WriteStats } {
    const ids = [...this.tiles.keys()].sort((a, b) => a - b)
    const entries: Entry[] = []
    const blobs: Buffer[] = []
    const offsetByHash = new Map<string, { offset: number; length: number }>()
    let dataLength = 0
    for (const id of ids) {
      const data = this.tiles.get(id)
      if (!data) continue
      const hash = createHash('sha1').update(data).digest('hex')
      let place = offsetByHash.get(hash)
      if (!place) {
        place = { offset: dataLength, length: data.length }
        offsetByHash.set(hash, place)
        blobs.push(data)
        dataLength += data.length
      }
      const last = entries.at(-1)
      // Consecutive ids with identical content become one run (e.g. all-land tiles).
      if (last && last.offset === place.offset && last.tileId + last.runLength === id) {
        last.runLength += 1
      } else {
        entries.push({ tileId: id, offset: place.offset, length: place.length, runLength: 1 })
      }
    }

    const dirs = buildDirectories(entries, this.forceLeafSize)
    const metadata = gzipSync(Buffer.from(JSON.stringify(info.metadata), 'utf8'), { level: 9 })

    const rootOffset = HEADER_BYTES
    const metadataOffset = rootOffset + dirs.root.length
    const leafOffset = metadataOffset + metadata.length
    const dataOffset = leafOffset + dirs.leaves.length

    const header = Buffer.alloc(HEADER_BYTES)
    header.write('PMTiles', 0, 'ascii')
    header.writeUInt8(3, 7)
    writeUint64(header, 8, rootOffset)
    writeUint64(header, 16, dirs.root.length)
    writeUint64(header, 24, metadataOffset)
    writeUint64(header, 32, metadata.length)
    writeUint64(header, 40, leafOffset)
    writeUint64(header, 48, dirs.leaves.length)
    writeUint64(header, 56, dataOffset)
    writeUint64(header, 64, dataLength)
    writeUint64(header, 72, ids.length)
    writeUint64(header, 80, entries.length)
    writeUint64(header, 88, blobs.length)
    header.writeUInt8(1, 96) // clustered: data follows tile-id order
    header.writeUInt8(Compression.gzip, 97) // internal compression (directories, metadata)
    header.writeUInt8(info.tileCompression ?? Compression.gzip, 98)
    header.writeUInt8(info.tileType ?? TileType.mvt, 99)
    header.writeUInt8(info.minZoom, 100)
    header.writeUInt8(info.maxZoom, 101)
    const [west, south, east, north] = info.bounds
    header.writeInt32LE(e7(west), 102)
    header.writeInt32LE(e7(south), 106)
    header.writeInt32LE(e7(east), 110)
    header.writeInt32LE(e7(north), 114)
    const [lon, lat, zoom] = info.center
    header.writeUInt8(zoom, 118)
    header.writeInt32LE(e7(lon), 119)
    header.writeInt32LE(e7(lat), 123)

    const archive = Buffer.concat([header, dirs.root, metadata, dirs.leaves, ...blobs])
    return {
      archive,
      stats: {
        addressedTiles: ids.length,
        tileEntries: entries.length,
        tileContents: blobs.length,
        leafDirectories: dirs.leafCount,
        bytes: archive.length,
      },
    }
  }
}
