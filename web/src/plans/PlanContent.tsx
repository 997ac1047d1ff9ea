import { useT } from '../i18n/use-t.ts'
import { Markdown } from './Markdown.tsx'
import type { PlanVersionDetail } from './plans-api.ts'

/** What one version says: response levels with triggers, the ordered steps, contacts, body. */
export function PlanContent({ version }: { version: PlanVersionDetail }) {
  const t = useT()
  return (
    <div className="plan-content" data-version={version.number}>
      {version.responseLevels.length > 0 && (
        <>
          <h3 className="panel-subhead">{t('plans.responseLevels')}</h3>
          <dl className="facts">
            {version.responseLevels.map((l) => (
              <div key={l.level} className="plan-level">
                <dt>{t(`plans.response.${l.level}`)}</dt>
                <dd>{l.trigger}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {version.steps.length > 0 && (
        <>
          <h3 className="panel-subhead">{t('plans.steps')}</h3>
          <ol className="plan-steps">
            {version.steps.map((s) => (
              <li key={s.key} data-step={s.key}>
                <strong>{s.title}</strong>
                <span className="plan-steps__meta">
                  {t('plans.step.role', { role: s.role })} ·{' '}
                  {t('plans.step.target', { min: s.targetMinutes })}
                  {s.resources.length > 0 &&
                    ` · ${s.resources.map((r) => `${r.kind}×${r.quantity}`).join('、')}`}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {version.contacts.length > 0 && (
        <>
          <h3 className="panel-subhead">{t('plans.contacts')}</h3>
          <ul className="plan-contacts">
            {version.contacts.map((c, i) => (
              <li key={i}>
                {c.role} {c.name} <a href={`tel:${c.phone}`}>{c.phone}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {version.body && (
        <>
          <h3 className="panel-subhead">{t('plans.body')}</h3>
          <Markdown text={version.body} />
        </>
      )}
    </div>
  )
}
