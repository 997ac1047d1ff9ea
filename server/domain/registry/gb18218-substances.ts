/**
 * GB 18218-2018 Table 1 (危险化学品名称及其临界量): the 85 named substances and their threshold
 * quantity Q in tonnes, transcribed from `gb18218-2018-table1.csv` (kept beside this file; a test
 * checks the two agree row by row). Row numbers follow the standard's order (序号).
 *
 * Two columns are the project's own, not the standard's:
 * - `aliases`: common trade and short names (光气, 液氨, LPG …) so people can type what they say.
 * - `table4Category`: the GB 30000 hazard category whose Table 4 β applies when the caller gives
 *   no category. Table 4 is keyed by category, Table 1 names substances, so the standard leaves
 *   this link to the assessor. Chosen from the substance's usual classification in the national
 *   hazardous-chemicals catalogue (危险化学品目录); where a substance has several hazards, the one
 *   with the larger β. Omitted (a) for the Table 3 toxic gases, whose β comes from Table 3, and
 *   (b) for 三氧化硫, whose hazards (corrosive, STOT) fall in no Table 2 category: β is then 1
 *   (`betaSource: 'default'`). A caller who knows better (e.g. a flammable liquid handled above
 *   its boiling point, W5.1) passes `category` and it wins for β; Q always stays Table 1's.
 */
import type { HazardCategory } from './gb18218-tables'

export interface Table1Substance {
  /** Row number in Table 1 (序号), 1–85. */
  readonly row: number
  /** Name exactly as Table 1 prints it, qualifiers included. */
  readonly name: string
  /** CAS numbers as printed; empty for mixtures and classes (煤气, 烷基铝, 硝酸铵肥料). */
  readonly cas: readonly string[]
  /** Threshold quantity Q (临界量), tonnes. */
  readonly thresholdTonnes: number
  readonly aliases?: readonly string[]
  readonly table4Category?: HazardCategory
  /**
   * True when the row covers only a concentration or form narrower than what its CAS names
   * (甲醛 >90 %, anhydrous 氯化氢, nitric acid > 70 %, the nitrocellulose and ammonium nitrate
   * grades, one MEKP formulation). Formalin, hydrochloric acid and dilute nitric acid carry the
   * same CAS, so a CAS alone must not select these rows.
   */
  readonly formQualified?: true
}

interface Extra {
  readonly aliases?: readonly string[]
  readonly table4Category?: HazardCategory
  readonly formQualified?: true
}

const r = (
  row: number,
  name: string,
  cas: readonly string[],
  thresholdTonnes: number,
  extra: Extra = {},
): Table1Substance => ({ row, name, cas, thresholdTonnes, ...extra })

const Q_ = { formQualified: true } as const

export const table1Substances: readonly Table1Substance[] = [
  // Toxic gases and toxic liquids. Rows with a Table 3 β carry no table4Category.
  r(1, '氨', ['7664-41-7'], 10, { aliases: ['液氨', '氨气', '无水氨'] }),
  r(2, '二氟化氧', ['7783-41-7'], 1, { aliases: ['一氧化二氟'], table4Category: 'J1' }),
  r(3, '二氧化氮', ['10102-44-0'], 1),
  r(4, '二氧化硫', ['7446-09-5'], 20),
  r(5, '氟', ['7782-41-4'], 1, { aliases: ['氟气'], table4Category: 'J1' }),
  r(6, '碳酰氯(光气)', ['75-44-5'], 0.3, { aliases: ['光气', '碳酰氯'] }),
  r(7, '环氧乙烷', ['75-21-8'], 10, { aliases: ['氧化乙烯'] }),
  // Formaldehyde above 90 % is the gas: acutely toxic gas (J3, β 2) outranks flammable gas (W2).
  r(8, '甲醛(含量>90%)', ['50-00-0'], 5, { table4Category: 'J3', ...Q_ }),
  r(9, '磷化氢', ['7803-51-2'], 1, { aliases: ['膦'] }),
  r(10, '硫化氢', ['7783-06-4'], 5),
  r(11, '氯化氢(无水)', ['7647-01-0'], 20, { aliases: ['氯化氢', '无水氯化氢'], ...Q_ }),
  r(12, '氯', ['7782-50-5'], 5, { aliases: ['氯气', '液氯'] }),
  // Coal gas is judged by its CO: J3 gives β 2, the same as Table 3 gives CO.
  r(13, '煤气(CO、CO和H2、CH4的混合物等)', [], 20, {
    aliases: ['煤气', '焦炉煤气', '高炉煤气', '转炉煤气', '发生炉煤气', '水煤气'],
    table4Category: 'J3',
  }),
  r(14, '砷化氢', ['7784-42-1'], 1, { aliases: ['胂'], table4Category: 'J1' }),
  r(15, '锑化氢', ['7803-52-3'], 1, { table4Category: 'J1' }),
  r(16, '硒化氢', ['7783-07-5'], 1, { table4Category: 'J1' }),
  r(17, '溴甲烷', ['74-83-9'], 10, { aliases: ['甲基溴'] }),
  r(18, '丙酮氰醇', ['75-86-5'], 20, { aliases: ['2-羟基异丁腈'], table4Category: 'J2' }),
  r(19, '丙烯醛', ['107-02-8'], 20, { table4Category: 'J2' }),
  r(20, '氟化氢', ['7664-39-3'], 1),
  r(21, '1-氯-2,3-环氧丙烷(环氧氯丙烷)', ['106-89-8'], 20, {
    aliases: ['环氧氯丙烷', '1-氯-2,3-环氧丙烷'],
    table4Category: 'W5.4',
  }),
  r(22, '3-溴-1,2-环氧丙烷(环氧溴丙烷)', ['3132-64-7'], 20, {
    aliases: ['环氧溴丙烷', '3-溴-1,2-环氧丙烷'],
    table4Category: 'W5.4',
  }),
  r(23, '甲苯二异氰酸酯(TDI)', ['26471-62-5'], 100, {
    aliases: ['甲苯二异氰酸酯', 'TDI'],
    table4Category: 'J5',
  }),
  r(24, '一氯化硫', ['10025-67-9'], 1, { aliases: ['二氯化二硫'], table4Category: 'J5' }),
  r(25, '氰化氢', ['74-90-8'], 1),
  r(26, '三氧化硫', ['7446-11-9'], 75),
  r(27, '3-氨基丙烯(烯丙胺)', ['107-11-9'], 20, {
    aliases: ['烯丙胺', '3-氨基丙烯'],
    table4Category: 'W5.3',
  }),
  r(28, '溴', ['7726-95-6'], 20, { aliases: ['液溴', '溴素'], table4Category: 'J5' }),
  r(29, '乙撑亚胺', ['151-56-4'], 20, { aliases: ['氮丙啶', '乙烯亚胺'], table4Category: 'J2' }),
  r(30, '异氰酸甲酯', ['624-83-9'], 0.75, { aliases: ['甲基异氰酸酯'] }),

  // Explosives.
  r(31, '叠氮化钡', ['18810-58-7'], 0.5, { table4Category: 'W1.1' }),
  r(32, '叠氮化铅', ['13424-46-9'], 0.5, { table4Category: 'W1.1' }),
  r(33, '雷汞', ['628-86-4'], 0.5, { aliases: ['雷酸汞'], table4Category: 'W1.1' }),
  r(34, '三硝基苯甲醚', ['28653-16-9'], 5, { table4Category: 'W1.1' }),
  r(35, '2,4,6-三硝基甲苯(TNT)', ['118-96-7'], 5, {
    aliases: ['TNT', '三硝基甲苯', '2,4,6-三硝基甲苯'],
    table4Category: 'W1.1',
  }),
  r(36, '硝化甘油', ['55-63-0'], 1, { aliases: ['硝酸甘油'], table4Category: 'W1.1' }),
  // Nitrocellulose grades: dry ones are 1.1 explosives, the alcohol-wetted one 1.3 (W1.2),
  // wetted or low-nitrogen ones flammable solids (W10), the solution a flammable liquid.
  r(37, '硝化纤维素[干的或含水(或乙醇)<25%]', ['9004-70-0'], 1, { table4Category: 'W1.1', ...Q_ }),
  r(38, '硝化纤维素(未改型的或增塑的,含增塑剂<18%)', ['9004-70-0'], 1, {
    table4Category: 'W1.1',
    ...Q_,
  }),
  r(39, '硝化纤维素(含乙醇≥25%)', ['9004-70-0'], 10, { table4Category: 'W1.2', ...Q_ }),
  r(40, '硝化纤维素(含氮≤12.6%)', ['9004-70-0'], 50, { table4Category: 'W10', ...Q_ }),
  r(41, '硝化纤维素(含水≥25%)', ['9004-70-0'], 50, { table4Category: 'W10', ...Q_ }),
  r(42, '硝化纤维素溶液(含氮量≤12.6%,含硝化纤维素≤55%)', ['9004-70-0'], 50, {
    table4Category: 'W5.3',
    ...Q_,
  }),
  // Ammonium nitrate: with > 0.2 % combustibles an explosive (1.1), otherwise an oxidizer.
  r(43, '硝酸铵(含可燃物>0.2%)', ['6484-52-2'], 5, { table4Category: 'W1.1', ...Q_ }),
  r(44, '硝酸铵(含可燃物≤0.2%)', ['6484-52-2'], 50, { table4Category: 'W9.2', ...Q_ }),
  r(45, '硝酸铵肥料(含可燃物≤0.4%)', [], 200, { table4Category: 'W9.2' }),
  r(46, '硝酸钾', ['7757-79-1'], 1000, { table4Category: 'W9.2' }),

  // Flammable gases and oxygen.
  r(47, '1,3-丁二烯', ['106-99-0'], 5, { aliases: ['丁二烯'], table4Category: 'W2' }),
  r(48, '二甲醚', ['115-10-6'], 50, { aliases: ['甲醚'], table4Category: 'W2' }),
  r(49, '甲烷/天然气', ['74-82-8', '8006-14-2'], 50, {
    aliases: ['甲烷', '天然气', '液化天然气', 'LNG', '压缩天然气', 'CNG'],
    table4Category: 'W2',
  }),
  r(50, '氯乙烯', ['75-01-4'], 50, { table4Category: 'W2' }),
  r(51, '氢', ['1333-74-0'], 5, { aliases: ['氢气', '液氢'], table4Category: 'W2' }),
  r(52, '液化石油气(含丙烷、丁烷及其混合物)', ['68476-85-7', '74-98-6', '106-97-8'], 50, {
    aliases: ['液化石油气', 'LPG', '丙烷', '丁烷', '正丁烷'],
    table4Category: 'W2',
  }),
  r(53, '一甲胺', ['74-89-5'], 5, { aliases: ['甲胺'], table4Category: 'W2' }),
  r(54, '乙炔', ['74-86-2'], 1, { aliases: ['电石气'], table4Category: 'W2' }),
  r(55, '乙烯', ['74-85-1'], 50, { table4Category: 'W2' }),
  r(56, '氧(压缩的或液化的)', ['7782-44-7'], 200, {
    aliases: ['氧', '氧气', '液氧', '压缩氧'],
    table4Category: 'W4',
  }),

  // Flammable liquids: category 1 (boiling ≤ 35 °C, flash < 23 °C) → W5.1; category 2 → W5.3;
  // category 3 → W5.4. W5.2 and W5.1-by-temperature depend on the process: caller's category.
  r(57, '苯', ['71-43-2'], 50, { table4Category: 'W5.3' }),
  r(58, '苯乙烯', ['100-42-5'], 500, { table4Category: 'W5.4' }),
  r(59, '丙酮', ['67-64-1'], 500, { table4Category: 'W5.3' }),
  r(60, '2-丙烯腈', ['107-13-1'], 50, { aliases: ['丙烯腈'], table4Category: 'W5.3' }),
  r(61, '二硫化碳', ['75-15-0'], 50, { table4Category: 'W5.3' }),
  r(62, '环己烷', ['110-82-7'], 500, { table4Category: 'W5.3' }),
  r(63, '1,2-环氧丙烷', ['75-56-9'], 10, { aliases: ['环氧丙烷'], table4Category: 'W5.1' }),
  r(64, '甲苯', ['108-88-3'], 500, { table4Category: 'W5.3' }),
  r(65, '甲醇', ['67-56-1'], 500, { table4Category: 'W5.3' }),
  // The catalogue classes gasoline as flammable liquid category 2 (at least), hence W5.3.
  r(66, '汽油(乙醇汽油、甲醇汽油)', ['86290-81-5'], 200, {
    aliases: ['汽油', '乙醇汽油', '甲醇汽油'],
    table4Category: 'W5.3',
  }),
  r(67, '乙醇', ['64-17-5'], 500, { aliases: ['酒精'], table4Category: 'W5.3' }),
  r(68, '乙醚', ['60-29-7'], 10, { aliases: ['二乙醚'], table4Category: 'W5.1' }),
  r(69, '乙酸乙酯', ['141-78-6'], 500, { aliases: ['醋酸乙酯'], table4Category: 'W5.3' }),
  r(70, '正己烷', ['110-54-3'], 500, { table4Category: 'W5.3' }),

  // Organic peroxides, pyrophorics, oxidizers, water-reactives.
  r(71, '过乙酸', ['79-21-0'], 10, { aliases: ['过氧乙酸'], table4Category: 'W7.2' }),
  // This MEKP formulation (active oxygen 10–10.7 %, ≥ 48 % type-A diluent) is a type B peroxide.
  r(72, '过氧化甲基乙基酮(10%<有效氧≤10.7%,含A型稀释剂≥48%)', ['1338-23-4'], 10, {
    table4Category: 'W7.1',
    ...Q_,
  }),
  r(73, '白磷', ['12185-10-3'], 50, { aliases: ['黄磷'], table4Category: 'W8' }),
  r(74, '烷基铝', [], 1, { aliases: ['三乙基铝', '三甲基铝', '三异丁基铝'], table4Category: 'W8' }),
  r(75, '戊硼烷', ['19624-22-7'], 1, { aliases: ['五硼烷'], table4Category: 'W8' }),
  r(76, '过氧化钾', ['17014-71-0'], 20, { table4Category: 'W9.1' }),
  r(77, '过氧化钠', ['1313-60-6'], 20, { table4Category: 'W9.1' }),
  r(78, '氯酸钾', ['3811-04-9'], 100, { table4Category: 'W9.1' }),
  r(79, '氯酸钠', ['7775-09-9'], 100, { table4Category: 'W9.1' }),
  r(80, '发烟硝酸', ['52583-42-3'], 20, { table4Category: 'W9.1' }),
  r(81, '硝酸(发红烟的除外,含硝酸>70%)', ['7697-37-2'], 100, { table4Category: 'W9.2', ...Q_ }),
  r(82, '硝酸胍', ['506-93-4'], 50, { table4Category: 'W9.2' }),
  r(83, '碳化钙(电石)', ['75-20-7'], 100, { aliases: ['电石', '碳化钙'], table4Category: 'W11' }),
  r(84, '钾', ['7440-09-7'], 1, { aliases: ['金属钾'], table4Category: 'W11' }),
  r(85, '钠', ['7440-23-5'], 10, { aliases: ['金属钠'], table4Category: 'W11' }),
]
