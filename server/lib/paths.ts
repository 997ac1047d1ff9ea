import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/** Repository root, found from this file so the server can start from any cwd. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const webDist = join(repoRoot, 'web', 'dist')
export const tilesDir = join(repoRoot, 'tiles')
export const basemapArchive = join(tilesDir, 'dist', 'basemap.pmtiles')
export const basemapStyle = join(tilesDir, 'style.json')
export const glyphsDir = join(tilesDir, 'glyphs')
