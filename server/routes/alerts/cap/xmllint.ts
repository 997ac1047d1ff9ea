import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CAP_XSD = fileURLToPath(new URL('./CAP-v1.2.xsd', import.meta.url))

/**
 * Validates a document against the OASIS CAP 1.2 schema with xmllint (Debian libxml2-utils):
 * '' when valid, else xmllint's complaint. For tests only; the server never shells out.
 */
export function xmllintCap(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cap-'))
  const file = join(dir, 'alert.xml')
  writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', CAP_XSD, file], { stdio: 'pipe' })
    return ''
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string }
    return e.stderr?.toString() || e.message
  }
}
