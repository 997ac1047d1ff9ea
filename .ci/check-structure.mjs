#!/usr/bin/env node
// Structure checks that ESLint does not cover (ARCHITECTURE.md): no stylesheet or other
// hand-written source over 400 lines (ESLint's max-lines covers .ts/.tsx/.js), and no
// import circle anywhere in the code (dpdm, type-only imports included).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const maxLines = 400
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(css|html|sql)$/.test(f) && !f.includes('/migrations/'))
const tooLong = tracked
  .map((f) => {
    try {
      return { f, lines: readFileSync(f, 'utf8').split('\n').length }
    } catch {
      return { f, lines: 0 } // listed but deleted in the work tree
    }
  })
  .filter((x) => x.lines > maxLines)
for (const { f, lines } of tooLong) console.error(`${f}: ${lines} lines (at most ${maxLines})`)

let circular = false
try {
  execFileSync(
    'npx',
    [
      'dpdm',
      '--no-warning',
      '--no-tree',
      '--no-progress',
      '--exit-code',
      'circular:1',
      'web/src/**/*.{ts,tsx}',
      'server/**/*.ts',
      'data/**/*.ts',
      'bench/**/*.ts',
      'tiles/**/*.ts',
      'e2e/**/*.ts',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
} catch (error) {
  circular = true
  console.error(String(error.stdout ?? error))
}
if (tooLong.length > 0 || circular) process.exit(1)
console.log('structure: no file over 400 lines, no import circle')
