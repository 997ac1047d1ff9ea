import type { FourColourStyle } from '../../../server/domain/four-colours.ts'
import { fourColourPalette } from '../../../server/domain/four-colours.ts'
import type { IncidentDetail } from './incidents-api.ts'

type IncidentType = IncidentDetail['type']
type AccidentGrade = IncidentDetail['grade']

/*
 * The server's enums as runtime lists for the form. The database schema module holds them but
 * pulls drizzle into the bundle, so they are repeated here and checked both ways by the
 * compiler: a type added on the server fails `Exhaustive` until it is listed.
 */
export const incidentTypeList = [
  '火灾',
  '爆炸',
  '泄漏',
  '中毒窒息',
  '坍塌',
  '冒顶片帮',
  '透水',
  '瓦斯',
  '危化品运输',
  '道路交通',
  '其他',
] as const satisfies readonly IncidentType[]

type Exhaustive<All, Listed> = [All] extends [Listed] ? true : never
export const typesExhaustive: Exhaustive<IncidentType, (typeof incidentTypeList)[number]> = true

/** Accident grades are emergency levels I–IV: red, orange, yellow, blue (highest first). */
export const accidentGradeColour: Readonly<Record<AccidentGrade, FourColourStyle>> = {
  特别重大: fourColourPalette.red,
  重大: fourColourPalette.orange,
  较大: fourColourPalette.yellow,
  一般: fourColourPalette.blue,
}

export const accidentGradeList = Object.keys(accidentGradeColour) as AccidentGrade[]
