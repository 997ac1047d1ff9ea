/**
 * Where the demo records cluster: real places in 陕西 (WGS84, approximate to a few km) with the
 * county each lies in, a Gaussian spread, and relative weights per industry or resource use.
 * The writer derives every row's region from the county polygon that contains its point, so a
 * point that spills into a neighbouring county is recorded there; one that falls outside 陕西
 * is moved back to its anchor, which lies inside the county named here (a DB test checks).
 */
import type { Industry } from '../../server/db/schema/enterprises.ts'
import { countySeats, type CountySeat } from './county-seats.ts'

/** What an anchor can attract: an industry, urban services ('urban') or one per county. */
export type WeightKey = Industry | 'urban' | 'county'

export interface Anchor {
  key: string
  name: string
  /** GB/T 2260 code of the county the anchor point lies in. */
  county: string
  lng: number
  lat: number
  /** Standard deviation of the spread around the point, km. */
  sigmaKm: number
  weights: Partial<Record<WeightKey, number>>
  /** What a non-coal mine near here digs (非煤矿山 names). */
  mineral?: string
}

export interface DemoGeography {
  /** Province code: points are located among this province's counties only. */
  province: string
  anchors: readonly Anchor[]
}

type SiteRow = [string, string, number, number, number, Anchor['weights'], string?]

/** Industrial clusters: chemical parks, coal fields, ore districts, steel and fireworks towns. */
const sites: SiteRow[] = [
  // Chemical parks and energy-chemical bases.
  ['西安经开区泾渭新城', '610117', 109.02, 34.47, 5, { 危险化学品: 30, 冶金工贸: 15, 其他: 5 }],
  [
    '西安高新区',
    '610113',
    108.885,
    34.205,
    2.5,
    { 危险化学品: 10, 其他: 8, 冶金工贸: 4, urban: 12 },
  ],
  ['蒲城高新区', '610526', 109.55, 34.9, 5, { 危险化学品: 25, 烟花爆竹: 30 }],
  ['渭南经开区', '610502', 109.44, 34.52, 4, { 危险化学品: 12, 冶金工贸: 8 }],
  ['宝鸡长青工业园', '610305', 107.45, 34.47, 4, { 危险化学品: 15, 冶金工贸: 8 }],
  ['宝鸡高新区', '610302', 107.2, 34.35, 4, { 冶金工贸: 20, 危险化学品: 6 }],
  ['岐山蔡家坡', '610323', 107.6, 34.31, 3, { 冶金工贸: 10 }],
  ['兴平化工区', '610481', 108.49, 34.3, 4, { 危险化学品: 12, 冶金工贸: 10 }],
  ['榆神工业区清水园', '610802', 109.9, 38.45, 8, { 危险化学品: 35, 煤矿: 5 }],
  ['榆横工业区', '610802', 109.62, 38.2, 7, { 危险化学品: 25 }],
  ['神木锦界工业园', '610881', 110.18, 38.63, 6, { 危险化学品: 25, 冶金工贸: 8 }],
  ['府谷化工园区', '610822', 111.0, 39.05, 7, { 危险化学品: 10, 冶金工贸: 15, 煤矿: 12 }],
  ['靖边能源化工园', '610824', 108.85, 37.62, 6, { 危险化学品: 12, 其他: 4 }],
  ['定边石油化工区', '610825', 107.65, 37.55, 6, { 危险化学品: 5 }],
  ['延安宝塔', '610602', 109.49, 36.6, 4, { 危险化学品: 6 }],
  ['延长石油基地', '610621', 110.0, 36.58, 5, { 危险化学品: 8 }],
  ['安塞油田', '610603', 109.32, 36.86, 6, { 危险化学品: 5 }],
  ['韩城龙门', '610581', 110.48, 35.52, 5, { 冶金工贸: 25, 危险化学品: 10, 煤矿: 20 }],
  ['彬长矿区', '610482', 108.08, 35.03, 7, { 煤矿: 25, 危险化学品: 8 }],
  ['汉中汉台', '610702', 107.02, 33.07, 4, { 危险化学品: 5, 冶金工贸: 6 }],
  ['城固工业园', '610722', 107.33, 33.16, 4, { 危险化学品: 3 }],
  // Coal fields.
  ['神木大柳塔', '610881', 110.25, 39.22, 7, { 煤矿: 40 }],
  ['神木孙家岔', '610881', 110.45, 38.95, 8, { 煤矿: 30, 冶金工贸: 5 }],
  ['榆阳金鸡滩', '610802', 109.62, 38.45, 8, { 煤矿: 35 }],
  ['横山矿区', '610803', 109.3, 37.95, 7, { 煤矿: 18 }],
  ['长武矿区', '610428', 107.8, 35.2, 5, { 煤矿: 12 }],
  ['旬邑矿区', '610429', 108.33, 35.12, 5, { 煤矿: 8 }],
  ['黄陵店头', '610632', 109.15, 35.62, 7, { 煤矿: 25 }],
  ['子长矿区', '610681', 109.67, 37.15, 6, { 煤矿: 15 }],
  ['铜川矿区', '610203', 109.1, 35.1, 5, { 煤矿: 20, 冶金工贸: 8 }],
  ['耀州', '610204', 108.98, 34.92, 4, { 冶金工贸: 8, 煤矿: 5 }],
  ['澄城矿区', '610525', 109.93, 35.2, 5, { 煤矿: 12 }],
  ['白水矿区', '610527', 109.59, 35.18, 4, { 煤矿: 8 }],
  ['蒲白矿区', '610526', 109.6, 35.05, 4, { 煤矿: 10 }],
  ['麟游矿区', '610329', 107.79, 34.68, 5, { 煤矿: 8 }],
  ['宜君矿区', '610222', 109.12, 35.4, 5, { 煤矿: 5 }],
  // Ore districts (非煤矿山) of 秦岭 and 大巴山, and the 小秦岭 gold field.
  ['金堆城', '610503', 109.95, 34.33, 4, { 非煤矿山: 20 }, '钼矿'],
  ['洛南', '611021', 110.14, 34.09, 6, { 非煤矿山: 12 }, '钼矿'],
  ['商州', '611002', 109.93, 33.87, 5, { 非煤矿山: 8 }, '石料矿'],
  ['山阳', '611024', 109.88, 33.53, 7, { 非煤矿山: 15 }, '钒矿'],
  ['镇安', '611025', 109.15, 33.43, 7, { 非煤矿山: 12 }, '金矿'],
  ['柞水', '611026', 109.11, 33.68, 6, { 非煤矿山: 12 }, '铁矿'],
  ['商南', '611023', 110.88, 33.53, 6, { 非煤矿山: 8 }, '钒矿'],
  ['凤县', '610330', 106.52, 33.91, 7, { 非煤矿山: 15 }, '铅锌矿'],
  ['太白', '610331', 107.31, 34.06, 5, { 非煤矿山: 8 }, '金矿'],
  ['勉县', '610725', 106.68, 33.16, 5, { 非煤矿山: 10, 冶金工贸: 8 }, '铅锌矿'],
  ['略阳', '610727', 106.15, 33.33, 6, { 非煤矿山: 15, 冶金工贸: 5 }, '铁矿'],
  ['宁强', '610726', 106.25, 32.83, 6, { 非煤矿山: 8 }, '金矿'],
  ['西乡', '610724', 107.76, 32.99, 6, { 非煤矿山: 6 }, '石料矿'],
  ['旬阳', '610981', 109.36, 32.83, 7, { 非煤矿山: 15 }, '铅锌矿'],
  ['汉滨', '610902', 109.02, 32.69, 5, { 非煤矿山: 6, 危险化学品: 4 }, '石料矿'],
  ['紫阳', '610924', 108.53, 32.52, 6, { 非煤矿山: 5 }, '石料矿'],
  ['平利', '610926', 109.36, 32.39, 6, { 非煤矿山: 5 }, '石料矿'],
  ['潼关', '610522', 110.24, 34.5, 4, { 非煤矿山: 15 }, '金矿'],
  ['华阴', '610582', 110.08, 34.52, 4, { 非煤矿山: 5 }, '金矿'],
]

/** Urban weight of a county seat: 西安's core districts, other districts, city seats. */
const XIAN_CORE = new Set(['610102', '610103', '610104', '610112', '610113'])
const CITY_SEATS = new Set(
  '610202 610302 610303 610402 610404 610502 610602 610702 610802 610902 611002'.split(' '),
)

function urbanWeight(seat: CountySeat): number {
  if (XIAN_CORE.has(seat.code)) return 6
  if (seat.code.startsWith('6101')) return 3
  if (CITY_SEATS.has(seat.code)) return 4
  return 1
}

/** Every county seat also attracts a little of everything that is scattered. */
function seatAnchor(seat: CountySeat): Anchor {
  const urban = urbanWeight(seat)
  return {
    key: `seat-${seat.code}`,
    name: seat.name,
    county: seat.code,
    lng: seat.lng,
    lat: seat.lat,
    sigmaKm: urban > 1 ? 3 : 4,
    weights: {
      county: 1,
      urban,
      烟花爆竹: 1,
      冶金工贸: 0.5 * urban,
      其他: urban,
      危险化学品: 0.3 * urban,
      非煤矿山: 0.3,
    },
    mineral: '石料矿',
  }
}

export const shaanxiGeography: DemoGeography = {
  province: '610000',
  anchors: [
    ...sites.map(([name, county, lng, lat, sigmaKm, weights, mineral]): Anchor => ({
      key: `site-${name}`,
      name,
      county,
      lng,
      lat,
      sigmaKm,
      weights,
      ...(mineral ? { mineral } : {}),
    })),
    ...countySeats.map(seatAnchor),
  ],
}
