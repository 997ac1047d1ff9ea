import type { HazardGrade } from '../../../server/domain/registry/gb18218-tables.ts'
import { hazardGradeStyle } from '../../../server/domain/risk/risk-level.ts'
import { useT } from '../i18n/use-t.ts'

const grades: readonly string[] = ['一级', '二级', '三级', '四级']
const isGrade = (value: string | null): value is HazardGrade =>
  value !== null && grades.includes(value)

/** A hazard grade in its national colour, always with the grade in words. */
export function GradeChip({ grade, long = false }: { grade: string | null; long?: boolean }) {
  const t = useT()
  if (!isGrade(grade)) {
    return (
      <span className="grade-chip grade-chip--none" data-grade="">
        {long ? t('hazard.ungraded') : t('record.none')}
      </span>
    )
  }
  const style = hazardGradeStyle(grade)
  return (
    <span
      className="grade-chip"
      data-grade={grade}
      style={{ background: style.hex, color: style.textHex, borderColor: style.strokeHex }}
    >
      {long ? t('hazard.gradeValue', { grade }) : grade}
    </span>
  )
}
