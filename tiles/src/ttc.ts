// Extracts one face from an OpenType collection (.ttc/.otc). fontnik (FreeType) reads only
// single-face fonts from a buffer, and Debian ships Noto Sans CJK only as collections. A face is
// its table directory plus the tables it points at; faces of one collection share tables.

interface TableRecord {
  tag: string
  checksum: number
  offset: number
  length: number
}

export interface Face {
  index: number
  /** name ID 1 (family), e.g. "Noto Sans CJK SC" */
  family: string
  /** name ID 2 (subfamily), e.g. "Regular" */
  subfamily: string
  /** name ID 6, e.g. "NotoSansCJKsc-Regular" */
  postscriptName: string
  /** name ID 0 */
  copyright: string
  tables: TableRecord[]
}

function readTables(buf: Buffer, faceOffset: number): TableRecord[] {
  const count = buf.readUInt16BE(faceOffset + 4)
  const tables: TableRecord[] = []
  for (let i = 0; i < count; i++) {
    const at = faceOffset + 12 + i * 16
    tables.push({
      tag: buf.toString('latin1', at, at + 4),
      checksum: buf.readUInt32BE(at + 4),
      offset: buf.readUInt32BE(at + 8),
      length: buf.readUInt32BE(at + 12),
    })
  }
  return tables
}

/** Windows-platform (UTF-16BE) English names, which every Noto font carries. */
function readNames(buf: Buffer, name: TableRecord): Map<number, string> {
  const names = new Map<number, string>()
  const count = buf.readUInt16BE(name.offset + 2)
  const strings = name.offset + buf.readUInt16BE(name.offset + 4)
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + i * 12
    const platform = buf.readUInt16BE(at)
    const language = buf.readUInt16BE(at + 4)
    const id = buf.readUInt16BE(at + 6)
    const length = buf.readUInt16BE(at + 8)
    const offset = buf.readUInt16BE(at + 10)
    if (platform !== 3 || language !== 0x409 || names.has(id)) continue
    const raw = buf.subarray(strings + offset, strings + offset + length)
    names.set(id, Buffer.from(raw).swap16().toString('utf16le'))
  }
  return names
}

export function listFaces(ttc: Buffer): Face[] {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection')
  const numFonts = ttc.readUInt32BE(8)
  const faces: Face[] = []
  for (let index = 0; index < numFonts; index++) {
    const tables = readTables(ttc, ttc.readUInt32BE(12 + index * 4))
    const name = tables.find((t) => t.tag === 'name')
    const names = name ? readNames(ttc, name) : new Map<number, string>()
    faces.push({
      index,
      family: names.get(1) ?? '',
      subfamily: names.get(2) ?? '',
      postscriptName: names.get(6) ?? '',
      copyright: names.get(0) ?? '',
      tables,
    })
  }
  return faces
}

/** A standalone font file for one face of the collection. */
export function extractFace(ttc: Buffer, face: Face): Buffer {
  const ttcOffset = ttc.readUInt32BE(12 + face.index * 4)
  const tables = face.tables
  const headerLength = 12 + tables.length * 16
  const align4 = (n: number): number => (n + 3) & ~3
  let size = headerLength
  for (const t of tables) size += align4(t.length)
  const out = Buffer.alloc(size)
  // sfntVersion, numTables, searchRange, entrySelector, rangeShift stay as in the collection.
  ttc.copy(out, 0, ttcOffset, ttcOffset + 12)
  let offset = headerLength
  tables.forEach((t, i) => {
    const at = 12 + i * 16
    out.write(t.tag, at, 'latin1')
    out.writeUInt32BE(t.checksum, at + 4)
    out.writeUInt32BE(offset, at + 8)
    out.writeUInt32BE(t.length, at + 12)
    ttc.copy(out, offset, t.offset, t.offset + t.length)
    offset += align4(t.length)
  })
  return out
}
