/**
 * National warning identifiers (as seen in published data, see
 * ../shared/reference/accidents-and-warnings.md): a 14-digit issuing-unit code
 * (6-digit GB/T 2260 region + 3-digit sector + 3-digit sub-unit + 2-digit extension), `_`,
 * then the issue time as YYYYMMDDhhmmss in Beijing time, e.g. `36080041600000_20250313143727`.
 *
 * The sector code table is not available here, so our sector is a setting with `000`
 * ("not specified") as its default; sub-unit and extension default to `000` and `00`.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000

export interface IssuerParts {
  regionCode: string
  sector?: string
  subUnit?: string
  extension?: string
}

export const DEFAULT_SECTOR = '000'

const digits = (value: string, n: number, name: string) => {
  if (!new RegExp(`^\\d{${n}}$`).test(value)) throw new Error(`${name} must be ${n} digits`)
  return value
}

export function issuerCode(p: IssuerParts): string {
  return (
    digits(p.regionCode, 6, 'regionCode') +
    digits(p.sector ?? DEFAULT_SECTOR, 3, 'sector') +
    digits(p.subUnit ?? '000', 3, 'subUnit') +
    digits(p.extension ?? '00', 2, 'extension')
  )
}

/** YYYYMMDDhhmmss in Beijing time (UTC+8, no daylight saving). */
export function beijingStamp(at: Date): string {
  const b = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString()
  return b.slice(0, 19).replace(/[-T:]/g, '')
}

export function alertIdentifier(issuer: string, issuedAt: Date): string {
  return `${digits(issuer, 14, 'issuer')}_${beijingStamp(issuedAt)}`
}

export interface ParsedIdentifier {
  issuer: string
  regionCode: string
  sector: string
  subUnit: string
  extension: string
  issuedAt: Date
}

/** The parts of a national identifier, or null when it does not follow the scheme. */
export function parseAlertIdentifier(id: string): ParsedIdentifier | null {
  const m = /^(\d{6})(\d{3})(\d{3})(\d{2})_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(id)
  if (!m) return null
  const [, regionCode, sector, subUnit, extension, y, mo, d, h, mi, s] = m as unknown as string[]
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!)
  const check = new Date(local)
  // Reject dates that roll over (month 13, 31 February, 24:00 …).
  if (
    check.getUTCMonth() !== +mo! - 1 ||
    check.getUTCDate() !== +d! ||
    check.getUTCHours() !== +h! ||
    check.getUTCMinutes() !== +mi! ||
    check.getUTCSeconds() !== +s!
  ) {
    return null
  }
  return {
    issuer: `${regionCode}${sector}${subUnit}${extension}`,
    regionCode: regionCode!,
    sector: sector!,
    subUnit: subUnit!,
    extension: extension!,
    issuedAt: new Date(local - BEIJING_OFFSET_MS),
  }
}

/** A CAP date-time in Beijing time with its numeric offset (CAP forbids `Z`). */
export function capDateTime(at: Date): string {
  const b = new Date(Math.floor(at.getTime() / 1000) * 1000 + BEIJING_OFFSET_MS).toISOString()
  return `${b.slice(0, 19)}+08:00`
}

/** The region code padded to a full GB/T 2260 code (61 → 610000, 6101 → 610100, '' → 000000). */
export const fullRegionCode = (prefix: string) => prefix.padEnd(6, '0').slice(0, 6)
