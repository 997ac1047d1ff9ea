import type { FourColourStyle } from '../../../server/domain/risk/four-colours.ts'
import { fourColourPalette } from '../../../server/domain/risk/four-colours.ts'
import { incidentTypes } from '../../../server/domain/incidents/incident-types.ts'
import type { IncidentDetail } from './incidents-api.ts'

type AccidentGrade = IncidentDetail['grade']

/** The report form's type choices: the server's own list (server/domain/incident-types.ts). */
export const incidentTypeList = incidentTypes

/** Accident grades are emergency levels I–IV: red, orange, yellow, blue (highest first). */
export const accidentGradeColour: Readonly<Record<AccidentGrade, FourColourStyle>> = {
  特别重大: fourColourPalette.red,
  重大: fourColourPalette.orange,
  较大: fourColourPalette.yellow,
  一般: fourColourPalette.blue,
}

export const accidentGradeList = Object.keys(accidentGradeColour) as AccidentGrade[]
