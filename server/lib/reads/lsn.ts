/**
 * PostgreSQL write-ahead-log positions (`pg_lsn`, printed as `16/B374D848`): two 32-bit
 * halves in hex. Compared as one 64-bit number, so "has the replica replayed past this
 * write?" is a comparison in the process, not a query.
 */
export type Lsn = bigint

const LSN_TEXT = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i

/** The LSN in `text`, or null when it is not one (a cookie is client input). */
export function parseLsn(text: string | undefined | null): Lsn | null {
  const match = text ? LSN_TEXT.exec(text.trim()) : null
  if (!match) return null
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

export function formatLsn(lsn: Lsn): string {
  const high = (lsn >> 32n).toString(16).toUpperCase()
  const low = (lsn & 0xffffffffn).toString(16).toUpperCase()
  return `${high}/${low}`
}
