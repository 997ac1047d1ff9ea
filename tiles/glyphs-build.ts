// Dev-time step, not part of `npm install` or the tile build: renders the SDF glyph ranges that
// MapLibre fetches for labels, from Debian's Noto Sans CJK (package fonts-noto-cjk). The output
// under tiles/glyphs/ is committed, so user machines need neither the font nor fontnik's native
// binary. Run: npx tsx tiles/glyphs-build.ts [path/to/NotoSansCJK-Regular.ttc]
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fontnik from 'fontnik'
import { extractFace, listFaces } from './src/ttc'

const here = dirname(fileURLToPath(import.meta.url))
const TTC = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
const DEBIAN_COPYRIGHT = '/usr/share/doc/fonts-noto-cjk/copyright'
/** The face we want from the collection: Simplified Chinese glyph shapes. */
const FAMILY = 'Noto Sans CJK SC'
export const FONTSTACK = 'Noto Sans CJK SC Regular'

/** Start code points of the 256-code-point ranges MapLibre asks for. */
function rangeStarts(): number[] {
  const spans: [number, number][] = [
    [0x0000, 0x00ff], // Latin-1: digits, ASCII, ·
    [0x2000, 0x21ff], // general punctuation (— … “ ”), letterlike symbols (℃ №), arrows
    [0x3000, 0x30ff], // CJK symbols and punctuation (、。《》【】)
    [0x4e00, 0x9fff], // all CJK Unified Ideographs, so any demo name renders
    [0xff00, 0xffff], // full-width forms (（）：，)
  ]
  const starts: number[] = []
  for (const [from, to] of spans) for (let s = from; s <= to; s += 256) starts.push(s)
  return starts
}

const renderRange = (font: Buffer, start: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    fontnik.range({ font, start, end: start + 255 }, (err, pbf) =>
      err ? reject(err) : resolve(pbf),
    )
  })

/** The OFL text as Debian ships it (indented, "." for blank lines) back to plain text. */
function oflText(): string {
  const text = readFileSync(DEBIAN_COPYRIGHT, 'utf8')
  const start = text.indexOf('License: SIL-1.1\n -----')
  if (start < 0) throw new Error(`no OFL text in ${DEBIAN_COPYRIGHT}`)
  const lines: string[] = []
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (!line.startsWith(' ')) break
    lines.push(line === ' .' ? '' : line.slice(1))
  }
  return lines.join('\n').trimEnd()
}

async function main(): Promise<void> {
  const t0 = performance.now()
  const ttc = readFileSync(TTC)
  const face = listFaces(ttc).find((f) => f.family === FAMILY && f.subfamily === 'Regular')
  if (!face) throw new Error(`${FAMILY} Regular not found in ${TTC}`)
  const font = extractFace(ttc, face)

  const outDir = join(here, 'glyphs', FONTSTACK)
  if (existsSync(outDir)) rmSync(outDir, { recursive: true })
  mkdirSync(outDir, { recursive: true })

  const starts = rangeStarts()
  // fontnik renders on libuv's thread pool; a few at a time keeps memory flat.
  const queue = [...starts]
  const worker = async (): Promise<void> => {
    for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
      const pbf = await renderRange(font, start)
      writeFileSync(join(outDir, `${start}-${start + 255}.pbf`), pbf)
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])

  writeFileSync(
    join(here, 'glyphs', 'OFL.txt'),
    [
      `Glyph ranges in "${FONTSTACK}/" are signed-distance-field renderings of`,
      `${face.postscriptName} (${face.family} ${face.subfamily}), extracted from ${TTC}`,
      `(Debian package fonts-noto-cjk) by tiles/glyphs-build.ts with fontnik.`,
      '',
      face.copyright,
      '',
      'This Font Software is licensed under the SIL Open Font License, Version 1.1.',
      '',
      oflText(),
      '',
    ].join('\n'),
  )

  const bytes = readdirSync(outDir).reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0)
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  console.log(
    `[glyphs] ${starts.length} ranges, ${(bytes / 1e6).toFixed(1)} MB in ${seconds}s → ${outDir}`,
  )
}

await main()
