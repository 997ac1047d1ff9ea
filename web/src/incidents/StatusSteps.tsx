import { isApiProblem } from '../api/http.ts'
import { problemMessage } from '../i18n/field-error.ts'
import { useT } from '../i18n/use-t.ts'
import { STATUS_STEPS, useIncidentStatus, type IncidentDetail } from './incidents-api.ts'

/** 接报 → 处置中 → 已控制 → 结案, one step at a time (the server refuses skips). */
export function StatusSteps({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const change = useIncidentStatus(incident.id)
  const at = STATUS_STEPS.indexOf(incident.status)
  const next = STATUS_STEPS[at + 1]
  return (
    <section data-field="status-steps">
      <ol className="steps">
        {STATUS_STEPS.map((s, i) => (
          <li
            key={s}
            className="steps__step"
            data-status={s}
            data-state={i < at ? 'past' : i === at ? 'current' : 'future'}
            aria-current={i === at ? 'step' : undefined}
          >
            {t(`incidents.status.${s}`)}
          </li>
        ))}
      </ol>
      {next && incident.canEdit && (
        <button
          type="button"
          className="button button--small"
          data-action="advance-status"
          disabled={change.isPending}
          onClick={() => change.mutate({ version: incident.version, status: next })}
        >
          {t('incidents.advance', { status: t(`incidents.status.${next}`) })}
        </button>
      )}
      {change.error && (
        <p className="field-error" role="alert">
          {isApiProblem(change.error) && change.error.status === 409
            ? t('incidents.stale')
            : problemMessage(t, change.error)}
        </p>
      )}
    </section>
  )
}
