import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'

/** Where the data lives: a PostgreSQL database, or the embedded engine under DATA_DIR. */
export interface BackupTarget {
  databaseUrl?: string | undefined
  /** DATA_DIR: the embedded engine keeps its cluster in DATA_DIR/pglite (server/db/open.ts). */
  dataDir?: string | undefined
}

export interface BackupReport {
  engine: 'pglite' | 'postgres'
  file: string
  bytes: number
  ms: number
}

/** A restore that would overwrite data, refused because --force was not given. */
export class RestoreRefused extends Error {
  constructor(where: string) {
    super(`${where} is not empty; restore over it with --force`)
    this.name = 'RestoreRefused'
  }
}

const clusterDir = (target: BackupTarget) => join(target.dataDir ?? './.data', 'pglite')
const sizeOf = (file: string) => statSync(file).size

/** Writes through a temporary name so an interrupted backup never leaves a truncated file. */
function atomicTarget(file: string): { tmp: string; commit(): void } {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.partial`
  return { tmp, commit: () => renameSync(tmp, file) }
}

export async function backup(target: BackupTarget, file: string): Promise<BackupReport> {
  const t0 = performance.now()
  if (target.databaseUrl) {
    const out = atomicTarget(file)
    // Custom format: compressed, and pg_restore can pick or reorder objects from it.
    const { dbname, env } = connection(target.databaseUrl)
    await run('pg_dump', ['--format=custom', `--file=${out.tmp}`, `--dbname=${dbname}`], env)
    out.commit()
    return { engine: 'postgres', file, bytes: sizeOf(file), ms: elapsed(t0) }
  }
  const dir = clusterDir(target)
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new Error(`no embedded database in ${dir}`)
  assertNotOpen(dir)
  const db = new PGlite(dir, { extensions: { postgis } })
  try {
    await db.waitReady
    // The tarball is a copy of the files: a checkpoint first makes them self-contained, so the
    // restored copy starts without replaying the write-ahead log.
    await db.exec('CHECKPOINT')
    const tarball = await db.dumpDataDir('gzip')
    const out = atomicTarget(file)
    writeFileSync(out.tmp, Buffer.from(await tarball.arrayBuffer()))
    out.commit()
  } finally {
    await db.close()
  }
  return { engine: 'pglite', file, bytes: sizeOf(file), ms: elapsed(t0) }
}

export async function restore(
  target: BackupTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupReport> {
  const t0 = performance.now()
  const kind = backupKind(file)
  const engine = target.databaseUrl ? 'postgres' : 'pglite'
  if (kind !== engine) {
    throw new Error(
      `${file} is a backup of the ${kind === 'pglite' ? 'embedded' : 'server'} engine, but the ` +
        `target is the ${engine === 'pglite' ? 'embedded engine (no DATABASE_URL)' : 'server engine (DATABASE_URL)'}`,
    )
  }
  if (target.databaseUrl) await restorePostgres(target.databaseUrl, file, options.force ?? false)
  else await restorePglite(clusterDir(target), file, options.force ?? false)
  return { engine, file, bytes: sizeOf(file), ms: elapsed(t0) }
}

/** Reads the first bytes: pg_dump's custom format starts with PGDMP, a .tgz with gzip's magic. */
export function backupKind(file: string): 'postgres' | 'pglite' {
  const head = Buffer.alloc(5)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, 5, 0)
  } finally {
    closeSync(fd)
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres'
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite'
  throw new Error(`${file} is neither a pg_dump custom archive nor an embedded-engine tarball`)
}

/**
 * PGlite is one process's database: a second process opening the same folder (the running
 * server, say) would corrupt it. The cluster keeps postmaster.pid while it is open, and only
 * a clean close removes it.
 */
function assertNotOpen(dir: string) {
  if (existsSync(join(dir, 'postmaster.pid'))) {
    throw new Error(
      `${dir} is open (is the server running?) or was not shut down cleanly: stop the ` +
        'server, or start and stop it once to recover the database, then back up',
    )
  }
}

async function restorePglite(dir: string, file: string, force: boolean) {
  const occupied = existsSync(dir) && readdirSync(dir).length > 0
  if (occupied && !force) throw new RestoreRefused(dir)
  if (occupied) assertNotOpen(dir)
  // Unpacked beside the target and swapped in only once it opens: a failed restore leaves
  // the old database where it was.
  const staging = `${dir}.restoring`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  const db = new PGlite(staging, {
    extensions: { postgis },
    loadDataDir: new Blob([readFileSync(file)]),
  })
  try {
    await db.waitReady
    await db.query('select 1')
  } finally {
    await db.close()
  }
  if (occupied) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dirname(dir), { recursive: true })
  renameSync(staging, dir)
}

async function restorePostgres(url: string, file: string, force: boolean) {
  await createDatabaseIfMissing(url)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const objects = await client.query<{ n: number }>(userObjectCount)
    if ((objects.rows[0]?.n ?? 0) > 0) {
      if (!force) throw new RestoreRefused(`database ${new URL(url).pathname.slice(1)}`)
      await dropEverything(client)
    }
  } finally {
    await client.end()
  }
  // --no-owner: the restoring role owns what it creates, whoever owned it where it was dumped.
  // --single-transaction: a failed restore leaves the (empty) database unchanged.
  const { dbname, env } = connection(url)
  await run(
    'pg_restore',
    ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
    env,
  )
}

/** Tables, views and sequences outside the system schemas that no extension brought. */
const userObjectCount = `
  select count(*)::int as n
  from pg_class c join pg_namespace s on s.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S')
    and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg\\_%'
    and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`

/**
 * --force on the server engine: empties the database in place (extensions, then every user
 * schema; public is recreated as PostgreSQL 15 creates it) rather than dropping the database,
 * which needs CREATEDB and would fail on the maintenance database or an open connection.
 */
async function dropEverything(client: pg.Client) {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  const extensions = await client.query<{ name: string }>(
    `select extname as name from pg_extension where extname <> 'plpgsql'`,
  )
  for (const { name } of extensions.rows) {
    await client.query(`drop extension if exists ${quote(name)} cascade`)
  }
  const schemas = await client.query<{ name: string }>(`
    select nspname as name from pg_namespace
    where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`)
  for (const { name } of schemas.rows) await client.query(`drop schema ${quote(name)} cascade`)
  await client.query('create schema public authorization pg_database_owner')
  await client.query('grant usage on schema public to public')
}

/** A restore to a new server starts from a database name: create it if it is not there. */
async function createDatabaseIfMissing(url: string) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    return
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error
  } finally {
    await client.end().catch(() => {})
  }
  const admin = new URL(url)
  const name = decodeURIComponent(admin.pathname.slice(1))
  admin.pathname = '/postgres'
  const c = new pg.Client({ connectionString: admin.toString() })
  await c.connect()
  try {
    await c.query(`create database "${name.replaceAll('"', '""')}"`)
  } finally {
    await c.end()
  }
}

const elapsed = (t0: number) => Math.round(performance.now() - t0)

/** The URL without its password, which goes in PGPASSWORD: a command line is public (ps). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, ...env },
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${command} not found: install the PostgreSQL client (postgresql-client)`)
          : error,
      ),
    )
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited with ${code}: ${stderr.trim().slice(-2000)}`)),
    )
  })
}
