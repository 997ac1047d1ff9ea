import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basemapArchive, repoRoot, webDist } from './lib/paths.ts'
import { join } from 'node:path'
import { startServer } from './server.ts'
import { parseEnv } from './env.ts'
import { runCluster, workersProblem } from './cluster.ts'

/**
 * `npm start`: build what a fresh clone lacks (the SPA, the basemap), then run the server.
 * The builds run only when their output is missing, so a second start goes straight to
 * the server. With WORKERS=N they run here once, before the N API processes are forked.
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

// Refused before anything is built: the answer does not depend on the builds.
const env = parseEnv()
const problem = workersProblem(env)
if (problem) {
  console.error(`[jinan] ${problem}`)
  process.exit(2)
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
if (env.WORKERS > 1) await runCluster(env, Promise.all(builds))
else await startServer(Promise.all(builds))
