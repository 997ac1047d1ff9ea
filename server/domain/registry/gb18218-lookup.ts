/**
 * Find which GB 18218-2018 entry a substance the user typed refers to.
 *
 * Order (first hit wins):
 * 1. exact name — a Table 1 name (with its qualifiers) or a Table 3 name not in Table 1 (一氧化碳);
 * 2. alias — the project's aliases (光气, 液氨, LPG …);
 * 3. CAS — only when exactly one entry lists that CAS and the row is not form-qualified
 *    (`formQualified`: formalin shares 50-00-0 with 甲醛 >90 %, hydrochloric acid shares
 *    7647-01-0 with anhydrous 氯化氢, and the nitrocellulose / ammonium nitrate grades share theirs).
 *
 * Names are compared after NFKC normalisation (full-width （）， typed with a Chinese IME become
 * the ASCII forms Table 1 prints), with all whitespace removed and Latin letters upper-cased.
 */
import { toxicGasBetaTable, type ToxicGasBeta } from './gb18218-tables'
import { table1Substances, type Table1Substance } from './gb18218-substances'

export type MatchedBy = 'name' | 'alias' | 'cas'

export type SubstanceMatch =
  | {
      readonly kind: 'table1'
      readonly row: Table1Substance
      /** The Table 3 entry for this row, when the row is one of Table 3's toxic gases. */
      readonly toxicGas: ToxicGasBeta | undefined
      readonly by: MatchedBy
    }
  | {
      /** A Table 3 gas that Table 1 does not list (一氧化碳): Q must come from a category. */
      readonly kind: 'table3'
      readonly gas: ToxicGasBeta
      readonly by: MatchedBy
    }

type Entry =
  | {
      readonly kind: 'table1'
      readonly row: Table1Substance
      readonly toxicGas: ToxicGasBeta | undefined
    }
  | { readonly kind: 'table3'; readonly gas: ToxicGasBeta }

export function normaliseSubstanceName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

export function normaliseCas(cas: string): string {
  return cas.normalize('NFKC').replace(/\s+/g, '')
}

const toxicGasByCas = new Map(toxicGasBetaTable.map((g) => [g.cas, g] as const))

const table1Entries: readonly Entry[] = table1Substances.map((row) => ({
  kind: 'table1',
  row,
  toxicGas: row.cas.map((c) => toxicGasByCas.get(c)).find((g) => g !== undefined),
}))

const table1Cas = new Set(table1Substances.flatMap((row) => row.cas))

/** Table 3 gases with no Table 1 row. */
const table3OnlyEntries: readonly Entry[] = toxicGasBetaTable
  .filter((g) => !table1Cas.has(g.cas))
  .map((gas) => ({ kind: 'table3', gas }))

const allEntries = [...table1Entries, ...table3OnlyEntries]

const entryName = (e: Entry): string => (e.kind === 'table1' ? e.row.name : e.gas.name)
const entryAliases = (e: Entry): readonly string[] =>
  (e.kind === 'table1' ? e.row.aliases : e.gas.aliases) ?? []
const entryCas = (e: Entry): readonly string[] => (e.kind === 'table1' ? e.row.cas : [e.gas.cas])
const casAloneIdentifies = (e: Entry): boolean => e.kind !== 'table1' || !e.row.formQualified

function indexBy(keys: (e: Entry) => readonly string[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>()
  for (const e of allEntries) {
    for (const key of keys(e)) {
      const list = index.get(key)
      if (list) list.push(e)
      else index.set(key, [e])
    }
  }
  return index
}

const byName = indexBy((e) => [normaliseSubstanceName(entryName(e))])
const byAlias = indexBy((e) => entryAliases(e).map(normaliseSubstanceName))
const byCas = indexBy(entryCas)

function toMatch(e: Entry, by: MatchedBy): SubstanceMatch {
  return e.kind === 'table1'
    ? { kind: 'table1', row: e.row, toxicGas: e.toxicGas, by }
    : { kind: 'table3', gas: e.gas, by }
}

/** The single entry under `key`, or undefined when absent or ambiguous. */
function only(index: Map<string, Entry[]>, key: string): Entry | undefined {
  const list = index.get(key)
  return list && list.length === 1 ? list[0] : undefined
}

export function identifySubstance(name: string, cas?: string): SubstanceMatch | undefined {
  const key = normaliseSubstanceName(name)
  if (key !== '') {
    const named = only(byName, key)
    if (named) return toMatch(named, 'name')
    const aliased = only(byAlias, key)
    if (aliased) return toMatch(aliased, 'alias')
  }
  if (cas !== undefined) {
    const byThisCas = only(byCas, normaliseCas(cas))
    if (byThisCas && casAloneIdentifies(byThisCas)) return toMatch(byThisCas, 'cas')
  }
  return undefined
}

/** CAS numbers the matched entry lists (empty for mixtures and classes such as 煤气). */
export function matchCas(match: SubstanceMatch): readonly string[] {
  return match.kind === 'table1' ? match.row.cas : [match.gas.cas]
}

/** The name the matched entry carries in the standard. */
export function matchName(match: SubstanceMatch): string {
  return match.kind === 'table1' ? match.row.name : match.gas.name
}
