import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../lib/paths.ts'
import { spaRouter } from './spa.ts'

// The SPA router sends the build's precompressed files: brotli where the browser takes it,
// gzip otherwise, the plain file to a client that asks for neither.
let dist: string
let app: Hono
const script = 'console.log("金安")\n'.repeat(200)

beforeAll(() => {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  dist = mkdtempSync(join(repoRoot, '.tmp', 'spa-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>金安</title>')
  writeFileSync(join(dist, 'assets', 'index-abc.js'), script)
  writeFileSync(join(dist, 'assets', 'index-abc.js.br'), brotliCompressSync(script))
  writeFileSync(join(dist, 'assets', 'index-abc.js.gz'), gzipSync(script))
  app = new Hono().route('/', spaRouter(dist))
})
afterAll(() => rmSync(dist, { recursive: true, force: true }))

const get = (path: string, encoding?: string) =>
  app.request(path, { headers: encoding ? { 'accept-encoding': encoding } : {} })

describe('static app files', () => {
  it('brotli when accepted, with the plain type and a cache for good', async () => {
    const res = await get('/assets/index-abc.js', 'gzip, deflate, br')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('cache-control')).toContain('immutable')
    const body = Buffer.from(await res.arrayBuffer())
    expect(brotliDecompressSync(body).toString()).toBe(script)
  })

  it('gzip when brotli is not accepted', async () => {
    const res = await get('/assets/index-abc.js', 'gzip')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script)
  })

  it('the plain file to a client that accepts neither', async () => {
    const res = await get('/assets/index-abc.js')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe(script)
  })

  it('any other path is the app shell', async () => {
    const res = await get('/screen/wall', 'br')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>金安</title>')
  })
})
