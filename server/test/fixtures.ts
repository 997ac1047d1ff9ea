import { makeUscc } from '../domain/registry/uscc.ts'

let serial = 0

/** A valid, unique 统一社会信用代码 for test records (9 = enterprise, 1 = company). */
export function testUscc(regionCode = '610113'): string {
  serial += 1
  const body = `${process.pid}${serial}`.padStart(9, '0').slice(-9)
  return makeUscc(`91${regionCode}${body}`)
}

let nameSerial = 0

/**
 * A name no other test record's name contains or is contained in: list searches match
 * substrings, so random digits of varying length (`-1234` inside `-12345`) made one test's
 * record turn up in another's search. A fixed-width serial between delimiters cannot.
 */
export function uniqueName(prefix: string): string {
  nameSerial += 1
  return `${prefix}-${process.pid}-${String(nameSerial).padStart(6, '0')}号`
}

/** Points inside known counties (WGS84). */
export const places = {
  yanta: [108.948, 34.213] as [number, number], // 雁塔区, 西安
  weiyang: [108.947, 34.33] as [number, number], // 未央区, 西安
  yuyang: [109.735, 38.285] as [number, number], // 榆阳区, 榆林
  beijing: [116.397, 39.909] as [number, number],
  sea: [125.0, 30.0] as [number, number], // East China Sea, in the extent but in no region
}
