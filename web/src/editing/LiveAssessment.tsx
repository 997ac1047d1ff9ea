import type { AssessBody } from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import { useAssessment } from '../api/hazard-source-mutations.ts'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import { GradeChip } from '../panels/GradeChip.tsx'
import { useDebounced } from './use-debounced.ts'

const ASSESS_DEBOUNCE_MS = 300

/** S, R, α and the grade of the unsaved draft, recomputed by the server as the officer types. */
export function LiveAssessment({ input }: { input: AssessBody | null }) {
  const t = useT()
  const fmt = useNumberFormat(2)
  const settled = useDebounced(input, ASSESS_DEBOUNCE_MS)
  const { data, error, isFetching } = useAssessment(settled)
  const pending = isFetching || settled !== input
  return (
    <div
      className="live-assessment"
      data-testid="live-assessment"
      aria-live="polite"
      aria-busy={pending}
    >
      <p className="live-assessment__title">
        {t('editing.live')}
        {pending && <span className="live-assessment__pending"> · {t('editing.liveStale')}</span>}
      </p>
      {error ? (
        <p className="panel-status panel-status--error">
          {t('editing.liveError', { detail: error.message })}
        </p>
      ) : data ? (
        <dl className="facts">
          <dt>{t('hazard.grade')}</dt>
          <dd data-field="live-grade" data-grade={data.grade ?? ''}>
            <GradeChip grade={data.grade} />
          </dd>
          <dt>{t('hazard.S')}</dt>
          <dd data-field="live-S">{fmt(data.S)}</dd>
          <dt>{t('hazard.R')}</dt>
          <dd data-field="live-R">{fmt(data.R)}</dd>
          <dt>{t('hazard.alpha')}</dt>
          <dd data-field="live-alpha">{fmt(data.alpha)}</dd>
        </dl>
      ) : (
        <p className="panel-status">{input ? t('panel.loading') : t('editing.invalid')}</p>
      )}
    </div>
  )
}
