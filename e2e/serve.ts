import { rmSync } from 'node:fs'
import { adminQuery, withDatabase } from '../server/test/template.ts'

/**
 * The e2e web server: the real app on a fresh database each run. With DATABASE_URL it is a
 * new database on that server (dropped and created here); otherwise a new embedded folder.
 */
const url = process.env.DATABASE_URL
if (url) {
  const name = `jinan_e2e_${process.env.PORT ?? '8091'}`
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await adminQuery(url, `CREATE DATABASE ${name}`)
  process.env.DATABASE_URL = withDatabase(url, name)
  console.log(`[e2e] fresh PostgreSQL database ${name}`)
} else {
  const dir = process.env.DATA_DIR ?? '.tmp/e2e'
  rmSync(dir, { recursive: true, force: true })
  process.env.DATA_DIR = dir
}
await import('../server/start.ts')
