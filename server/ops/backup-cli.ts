import { parseArgs } from 'node:util'
import { parseEnv } from '../env.ts'
import { openDatabase } from '../db/open.ts'
import { backup, restore, RestoreRefused } from './backup.ts'
import { tableChecksums } from './table-checksums.ts'

/**
 * `npm run backup -- <file>` and `npm run restore -- <file> [--force]`, on the engine the
 * environment selects (DATABASE_URL: pg_dump/pg_restore; else DATA_DIR: a PGlite tarball).
 * Stop the server first on the embedded engine: PGlite is one process's database.
 */
const [command, ...rest] = process.argv.slice(2)
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
})
const file = positionals[0]
if ((command !== 'backup' && command !== 'restore') || !file || positionals.length > 1) {
  console.error('usage: npm run backup -- <file>\n       npm run restore -- <file> [--force]')
  process.exit(64)
}

const env = parseEnv()
const target = { databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }
const where = env.DATABASE_URL
  ? `PostgreSQL database ${new URL(env.DATABASE_URL).pathname.slice(1)}`
  : `embedded engine in ${env.DATA_DIR}`
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1)

try {
  if (command === 'backup') {
    const report = await backup(target, file)
    console.log(`[backup] ${where} → ${file}: ${mib(report.bytes)} MiB in ${report.ms} ms`)
  } else {
    const report = await restore(target, file, { force: values.force })
    console.log(`[restore] ${file} → ${where} in ${report.ms} ms`)
    // Read back what arrived, so the operator sees the restore opens and holds data.
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
    try {
      const tables = await tableChecksums(database)
      const rows = Object.values(tables).reduce((sum, t) => sum + t.rows, 0)
      console.log(`[restore] ${Object.keys(tables).length} tables, ${rows} rows`)
    } finally {
      await database.close()
    }
  }
} catch (error) {
  console.error(`[${command}] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(error instanceof RestoreRefused ? 3 : 1)
}
