import { problemMessage } from '../i18n/field-error.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useObligationDone, type IncidentDetail } from './incidents-api.ts'
import { formatSpan, useNow } from './use-now.ts'

/**
 * 报告时限: each level that must be told, counting down to its deadline, red once late;
 * 标记已报 records who and when (the server takes both from the session and the clock).
 */
export function Obligations({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const date = useDateFormat()
  const now = useNow()
  const done = useObligationDone(incident.id)
  return (
    <section data-field="obligations">
      <h3 className="panel-subhead">{t('incidents.obligations')}</h3>
      <ul className="obligations">
        {incident.obligations.map((o) => {
          const left = Date.parse(o.dueAt) - now
          const late = o.doneAt ? o.late : o.late || left < 0
          return (
            <li
              key={o.level}
              className="obligation"
              data-level={o.level}
              data-late={late ? 'true' : 'false'}
              data-done={o.doneAt ? 'true' : 'false'}
            >
              <span className="obligation__level">{t(`incidents.level.${o.level}`)}</span>
              <span className="obligation__due">{t('incidents.due', { at: date(o.dueAt) })}</span>
              {o.doneAt ? (
                <span className="obligation__done" data-field="done">
                  {t('incidents.doneBy', { who: o.doneBy ?? '', at: date(o.doneAt) })}
                  {o.late && ` · ${t('incidents.wasLate')}`}
                </span>
              ) : (
                <>
                  <span className="obligation__countdown" data-field="countdown">
                    {late
                      ? t('incidents.overdue', { span: formatSpan(left) })
                      : t('incidents.left', { span: formatSpan(left) })}
                  </span>
                  {incident.canEdit && (
                    <button
                      type="button"
                      className="button button--small"
                      data-action="obligation-done"
                      disabled={done.isPending}
                      onClick={() => done.mutate(o.level)}
                    >
                      {t('incidents.markDone')}
                    </button>
                  )}
                </>
              )}
            </li>
          )
        })}
      </ul>
      {done.error && (
        <p className="field-error" role="alert">
          {problemMessage(t, done.error)}
        </p>
      )}
    </section>
  )
}
