import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'

// scrypt is memory-hard (N·r·128 bytes = 16 MiB here) and ships with Node: no native addon.
const N = 16384
const r = 8
const p = 1
const KEY_LENGTH = 32

function scrypt(
  password: string,
  salt: Buffer,
  n: number,
  rr: number,
  pp: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(
      password,
      salt,
      KEY_LENGTH,
      { N: n, r: rr, p: pp, maxmem: 64 * 1024 * 1024 },
      (e, k) => (e ? reject(e) : resolve(k)),
    ),
  )
}

/**
 * Verified when there is no user to check against (unknown username), so that answer takes
 * as long as a wrong password and timing does not reveal which usernames exist.
 */
export const DUMMY_PASSWORD_HASH = `scrypt$${N}$${r}$${p}$AAAA$AAAA`

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, N, r, p)
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !rr || !pp || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(rr),
    Number(pp),
  )
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
