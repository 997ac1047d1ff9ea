import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { PMTiles, zxyToTileId as readerTileId, type Source } from 'pmtiles'
import { describe, expect, it } from 'vitest'
import { LAYER_DOCS, MAX_ZOOM } from './src/layers'
import { PMTilesWriter, zxyToTileId, type ArchiveInfo } from './pmtiles-writer'

/** The reader's Source over an in-memory archive, as the server's Range handler would serve it. */
class BufferSource implements Source {
  constructor(
    private readonly buf: Buffer,
    private readonly key = 'memory',
  ) {}

  getKey(): string {
    return this.key
  }

  async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
    const slice = this.buf.subarray(offset, offset + length)
    return {
      data: slice.buffer.slice(
        slice.byteOffset,
        slice.byteOffset + slice.byteLength,
      ) as ArrayBuffer,
    }
  }
}

const info: ArchiveInfo = {
  minZoom: 0,
  maxZoom: 3,
  bounds: [70, 0, 140, 56],
  center: [108.94, 34.34, 2],
  metadata: { name: 'test', vector_layers: [{ id: 'land', fields: {} }], attribution: '测试' },
}

/** Distinct payload per tile, except that every tile of z3 column 5 is identical (dedup + runs). */
function payload(z: number, x: number, y: number): Buffer {
  const text = z === 3 && x === 5 ? 'same' : `tile ${z}/${x}/${y}`
  return gzipSync(Buffer.from(text))
}

function allTiles(maxZoom: number): [number, number, number][] {
  const out: [number, number, number][] = []
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) out.push([z, x, y])
  }
  return out
}

async function readAll(archive: Buffer, tiles: [number, number, number][]): Promise<void> {
  const reader = new PMTiles(new BufferSource(archive))
  for (const [z, x, y] of tiles) {
    const tile = await reader.getZxy(z, x, y)
    expect(tile, `${z}/${x}/${y}`).toBeDefined()
    const text = Buffer.from(tile?.data ?? new ArrayBuffer(0)).toString()
    expect(text).toBe(gunzipSync(payload(z, x, y)).toString())
  }
}

describe('zxyToTileId', () => {
  it('matches the reference reader for every tile up to z6 and some deep ones', () => {
    for (const [z, x, y] of allTiles(6)) expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y))
    for (const [z, x, y] of [
      [12, 3305, 1628],
      [16, 53321, 26134],
      [20, 853211, 418201],
    ] as const) {
      expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y))
    }
  })
})

describe('PMTilesWriter', () => {
  it('round-trips tiles, header and metadata through the pmtiles reader', async () => {
    const writer = new PMTilesWriter()
    const tiles = allTiles(3).filter(([z, x, y]) => !(z === 2 && x === 1 && y === 1)) // one hole
    // Add in scrambled order: the writer must sort by tile id itself.
    for (const [z, x, y] of [...tiles].reverse()) writer.addTile(z, x, y, payload(z, x, y))
    const { archive, stats } = writer.finish(info)

    expect(stats.addressedTiles).toBe(tiles.length)
    expect(stats.tileContents).toBe(tiles.length - 7) // 8 identical tiles stored once
    expect(stats.tileEntries).toBeLessThan(stats.addressedTiles) // some run-length entries

    await readAll(archive, tiles)
    const reader = new PMTiles(new BufferSource(archive))
    expect(await reader.getZxy(2, 1, 1)).toBeUndefined()
    expect(await reader.getZxy(4, 0, 0)).toBeUndefined() // beyond maxZoom

    const header = await reader.getHeader()
    expect(header.specVersion).toBe(3)
    expect(header.clustered).toBe(true)
    expect(header.tileType).toBe(1)
    expect(header.tileCompression).toBe(2)
    expect([header.minZoom, header.maxZoom]).toEqual([0, 3])
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([70, 0, 140, 56])
    expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual([108.94, 34.34, 2])
    expect(header.numTileContents).toBe(stats.tileContents)
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384)

    expect(await reader.getMetadata()).toEqual(info.metadata)
  })

  it('pages large directories into leaf directories the reader follows', async () => {
    const writer = new PMTilesWriter()
    writer.forceLeafSize = 7
    const tiles = allTiles(3)
    for (const [z, x, y] of tiles) writer.addTile(z, x, y, payload(z, x, y))
    const { archive, stats } = writer.finish(info)
    expect(stats.leafDirectories).toBeGreaterThan(1)
    await readAll(archive, tiles)
  })
})

const built = new URL('./dist/basemap.pmtiles', import.meta.url)

describe.skipIf(!existsSync(built))('built basemap archive', () => {
  it('declares the documented layers and zooms', async () => {
    const reader = new PMTiles(new BufferSource(readFileSync(built), 'basemap'))
    const header = await reader.getHeader()
    expect(header.maxZoom).toBe(MAX_ZOOM)
    const metadata = (await reader.getMetadata()) as {
      vector_layers: { id: string }[]
      attribution: string
    }
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(LAYER_DOCS.map((l) => l.id))
    expect(metadata.attribution).toContain('Natural Earth')
    // 西安 at z8 must have a tile (the overzoom base for the city).
    expect(await reader.getZxy(8, 205, 101)).toBeDefined()
  })
})
