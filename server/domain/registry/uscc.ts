/**
 * 统一社会信用代码 (Unified Social Credit Code, USCC), GB 32100-2015.
 *
 * 18 characters from a 31-symbol alphabet: digits and upper-case letters without I, O, Z, S, V
 * (they read like 1, 0, 2, 5, U). Layout:
 *   1      registration authority (登记管理部门代码): 1 机构编制, 5 民政, 9 工商 (market regulation), Y 其他 …
 *   2      entity type (机构类别代码): under 9, 1 enterprise, 2 individual business, 3 farmers' co-op
 *   3–8    region code of the registering authority (登记管理机关行政区划码, GB/T 2260, six digits)
 *   9–17   entity identifier (主体标识码, the organisation code of GB 11714)
 *   18     check character
 * Check: character values are their index in the alphabet; weights are 3^i mod 31 for positions
 * i = 0…16; check = 31 − (Σ value·weight mod 31), with 31 written as 0.
 *
 * Validation here is the standard's: alphabet, numeric region code, check character. Lower case
 * is rejected, not folded — callers that want to accept it upper-case first, on purpose.
 */
import { z } from 'zod'
import { InvalidInputError } from '../shared/errors'

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
]

const BODY_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}$/

/** Check character for the first 17 characters; throws when they are malformed. */
export function usccCheckChar(prefix17: string): string {
  if (!BODY_PATTERN.test(prefix17)) {
    throw new InvalidInputError(
      'uscc',
      'USCC prefix must be 17 characters of 0-9 A-H J-N P-R T-U W-Y with digits in positions 3–8',
    )
  }
  let sum = 0
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(prefix17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0)
  }
  const check = (31 - (sum % 31)) % 31
  return USCC_ALPHABET.charAt(check)
}

export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || code.length !== 18) return false
  const prefix = code.slice(0, 17)
  if (!BODY_PATTERN.test(prefix)) return false
  return usccCheckChar(prefix) === code.charAt(17)
}

/** Appends the check character: the demo-data generator builds valid codes with this. */
export function makeUscc(prefix17: string): string {
  return prefix17 + usccCheckChar(prefix17)
}

export interface UsccParts {
  readonly registrationAuthority: string
  readonly entityType: string
  /** GB/T 2260 region code of the registering authority, e.g. '610102'. */
  readonly regionCode: string
  /** 主体标识码 (organisation code), positions 9–17. */
  readonly entityId: string
  readonly checkChar: string
}

/** Splits a valid USCC into its fields; undefined when the code is not valid. */
export function parseUscc(code: string): UsccParts | undefined {
  if (!isValidUscc(code)) return undefined
  return {
    registrationAuthority: code.charAt(0),
    entityType: code.charAt(1),
    regionCode: code.slice(2, 8),
    entityId: code.slice(8, 17),
    checkChar: code.charAt(17),
  }
}

export const usccSchema = z.string().trim().refine(isValidUscc, {
  message: 'not a valid unified social credit code (GB 32100-2015: 18 characters, check character)',
})
