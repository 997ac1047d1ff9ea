import { useEffect, useState } from 'react'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { IncidentGradeChip } from './IncidentGradeChip.tsx'
import { useClassification, type ClassifyInput } from './incidents-api.ts'

const DEBOUNCE_MS = 200

/** Live 等级 + 报告时限 as the figures change: the server's own classify, nothing saved. */
export function GradePreview({ input }: { input: ClassifyInput | null }) {
  const t = useT()
  const date = useDateFormat()
  const [debounced, setDebounced] = useState(input)
  const key = JSON.stringify(input)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(input), DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // The key stands for the input's value; a new object with the same figures is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  const { data, isError } = useClassification(debounced)
  return (
    <div className="grade-preview" data-testid="grade-preview" aria-live="polite">
      <div className="grade-preview__head">
        <span>{t('incidents.preview.grade')}</span>
        {data ? <IncidentGradeChip grade={data.grade} /> : <span>…</span>}
      </div>
      {isError && <p className="field-error">{t('incidents.preview.failed')}</p>}
      {data && (
        <ul className="grade-preview__obligations">
          {data.obligations.map((o) => (
            <li key={o.level} data-level={o.level}>
              {t(`incidents.level.${o.level}`)} · {t('incidents.due', { at: date(o.dueAt) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
