import { join } from 'node:path'
import { build as viteBuild } from 'vite'
import { repoRoot } from '../../server/lib/paths.ts'

/** Where the bench serves its bare-map reference page (bench/bare-map), built per run. */
export const bareMapPath = '/bench-bare'
export const bareMapDist = join(repoRoot, '.tmp', 'bench-bare-map')

/** Builds the bare MapLibre page with the app's own Vite, MapLibre and basemap style. */
export async function buildBareMap(): Promise<void> {
  await viteBuild({
    configFile: false,
    root: join(repoRoot, 'bench', 'bare-map'),
    base: `${bareMapPath}/`,
    logLevel: 'warn',
    build: { outDir: bareMapDist, emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  })
}
