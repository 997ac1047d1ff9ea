import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../shared/errors'
import {
  isValidUscc,
  makeUscc,
  parseUscc,
  usccCheckChar,
  usccSchema,
  USCC_ALPHABET,
  USCC_WEIGHTS,
} from './uscc'

describe('GB 32100-2015 alphabet and weights', () => {
  it('31 symbols: digits and letters without I O Z S V', () => {
    expect(USCC_ALPHABET).toHaveLength(31)
    for (const banned of 'IOZSV') expect(USCC_ALPHABET).not.toContain(banned)
  })

  it('weights are 3^i mod 31 for i = 0…16', () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31))
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
  })
})

describe('isValidUscc', () => {
  // Real-format codes; check characters computed independently of this module.
  it.each([
    '91350100M000100Y43',
    '914403001922038216',
    '91330100716105852F',
    '9144030071526726XG',
    '91110000802100433B',
    '91610102500000021' + '0', // Σ mod 31 = 0 → 31 → written 0
    '91610102500000011' + 'Y', // Σ mod 31 = 1 → 30 → Y
  ])('%s is valid', (code) => {
    expect(isValidUscc(code)).toBe(true)
  })

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['914403001922038217', 'wrong check character'],
    ['9144030071526726xg', 'lower case'],
    ['91330100716105852f', 'lower-case check character'],
    ['91350100M000100YI3', 'forbidden I'],
    ['91350100M000100O43', 'forbidden O'],
    ['9135010SM000100Y43', 'forbidden S (and letter in region code)'],
    ['91350100M00010ZY43', 'forbidden Z'],
    ['91350100M0001V0Y43', 'forbidden V'],
    ['91A50100M000100Y4', 'letter in region code, 17 chars'],
    ['9135010AM000100Y43', 'letter in region code'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['', 'empty'],
    [' 91350100M000100Y43', 'leading space'],
  ])('%s is invalid (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false)
  })
})

describe('usccCheckChar and makeUscc', () => {
  it('computes the check character of a 17-char prefix', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(usccCheckChar('91610102MA6T00000')).toBe('D')
    expect(usccCheckChar('91610102500000021')).toBe('0')
  })

  it('makeUscc appends it, and the result validates', () => {
    expect(makeUscc('91610102MA6T00000')).toBe('91610102MA6T00000D')
    for (const prefix of ['12610000MB0000000', '5161000050000000P', '91610000000000001']) {
      expect(isValidUscc(makeUscc(prefix))).toBe(true)
    }
  })

  it.each(['9161010250000002', '916101025000000210', '91610102500000O21', '9161a102500000021'])(
    'malformed prefix %s → InvalidInputError',
    (prefix) => {
      expect(() => makeUscc(prefix)).toThrow(InvalidInputError)
    },
  )
})

describe('parseUscc and usccSchema', () => {
  it('splits authority, type, region, entity id, check', () => {
    expect(parseUscc('91610102MA6T00000D')).toEqual({
      registrationAuthority: '9',
      entityType: '1',
      regionCode: '610102',
      entityId: 'MA6T00000',
      checkChar: 'D',
    })
    expect(parseUscc('91610102MA6T00000E')).toBeUndefined()
  })

  it('usccSchema trims and validates', () => {
    expect(usccSchema.parse(' 91350100M000100Y43 ')).toBe('91350100M000100Y43')
    expect(usccSchema.safeParse('91350100M000100Y44').success).toBe(false)
  })
})
