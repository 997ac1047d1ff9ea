import { accidentGradeColour } from './incident-enums.ts'
import type { IncidentDetail } from './incidents-api.ts'

/** An accident grade in its emergency-level colour, always with the grade in words. */
export function IncidentGradeChip({ grade }: { grade: IncidentDetail['grade'] }) {
  const style = accidentGradeColour[grade]
  return (
    <span
      className="grade-chip"
      data-field="grade"
      data-grade={grade}
      style={{ background: style.hex, color: style.textHex, borderColor: style.strokeHex }}
    >
      {grade}
    </span>
  )
}
