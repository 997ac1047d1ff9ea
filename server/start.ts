import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basemapArchive, repoRoot, webDist } from './lib/paths.ts'
import { join } from 'node:path'
import { startServer } from './server.ts'

/**
 * `npm start`: build what a fresh clone lacks (the SPA, the basemap), then run the server.
 * The builds run only when their output is missing, so a second start goes straight to
 * the server.
 */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    )
  })
}

const builds: Promise<void>[] = []
if (!existsSync(join(webDist, 'index.html'))) {
  console.log('[jinan] building the web app (first start only)')
  builds.push(run('npx', ['vite', 'build', '--logLevel', 'warn']))
}
if (!existsSync(basemapArchive)) {
  console.log('[jinan] building the offline basemap (first start only)')
  builds.push(run('npx', ['tsx', 'tiles/build.ts']))
}
// The server opens and seeds the database while the builds run, and listens after them.
await startServer(Promise.all(builds))
