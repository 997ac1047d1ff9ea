import { useState, type FormEvent } from 'react'
import { problemMessage } from '../i18n/field-error.ts'
import { useT } from '../i18n/use-t.ts'
import { useFinishDrill, type DrillDetail } from './drills-api.ts'

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)

/** 演练评估 form: minutes at which each plan step was done, problems, improvements. */
export function EvaluationForm({ drill }: { drill: DrillDetail }) {
  const t = useT()
  const finish = useFinishDrill(drill.id)
  const [minutes, setMinutes] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState('')
  const [improvements, setImprovements] = useState('')
  const [summary, setSummary] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    finish.mutate({
      version: drill.version,
      stepMinutes: Object.fromEntries(
        Object.entries(minutes)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, Number(v)]),
      ),
      problems: lines(problems),
      improvements: lines(improvements),
      summary: summary.trim(),
    })
  }
  return (
    <form className="drill-evaluation-form" data-testid="drill-evaluation-form" onSubmit={submit}>
      <h3 className="panel-subhead">{t('drills.evaluate')}</h3>
      <p className="panel-status">{t('drills.evaluateHint')}</p>
      <table className="drill-steps">
        <thead>
          <tr>
            <th>{t('drills.step')}</th>
            <th>{t('drills.target')}</th>
            <th>{t('drills.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {drill.steps.map((s) => (
            <tr key={s.key}>
              <td>
                {s.title}
                <small> · {s.role}</small>
              </td>
              <td>{t('drills.minutes', { n: s.targetMinutes })}</td>
              <td>
                <input
                  type="number"
                  min={0}
                  data-step={s.key}
                  aria-label={`${s.title} ${t('drills.actual')}`}
                  value={minutes[s.key] ?? ''}
                  onChange={(e) => setMinutes({ ...minutes, [s.key]: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('drills.problems')}
        <textarea
          data-field="problems"
          rows={2}
          value={problems}
          onChange={(e) => setProblems(e.target.value)}
        />
      </label>
      <label>
        {t('drills.improvements')}
        <textarea rows={2} value={improvements} onChange={(e) => setImprovements(e.target.value)} />
      </label>
      <label>
        {t('drills.summary')}
        <textarea rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
      {finish.error && (
        <p className="field-error" role="alert">
          {problemMessage(t, finish.error)}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        data-action="finish"
        disabled={finish.isPending}
      >
        {t('drills.finish')}
      </button>
    </form>
  )
}

/** The stored evaluation: each step against its target, the score and rating. */
export function EvaluationResult({ drill }: { drill: DrillDetail }) {
  const t = useT()
  const e = drill.evaluation
  if (!e) return null
  return (
    <section data-field="evaluation">
      <h3 className="panel-subhead">
        {t('drills.evaluation')}{' '}
        {e.score !== null && (
          <span className="badge badge--dark" data-field="score">
            {t('drills.score', { score: e.score })} · {t(`drills.rating.${e.rating ?? 'fail'}`)}
          </span>
        )}
      </h3>
      <table className="drill-steps">
        <thead>
          <tr>
            <th>{t('drills.step')}</th>
            <th>{t('drills.target')}</th>
            <th>{t('drills.actual')}</th>
            <th>{t('drills.verdictLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {e.steps.map((s) => (
            <tr key={s.key} data-verdict={s.verdict}>
              <td>{s.title}</td>
              <td>{t('drills.minutes', { n: s.targetMinutes })}</td>
              <td>
                {s.actualMinutes === null ? '—' : t('drills.minutes', { n: s.actualMinutes })}
              </td>
              <td className="drill-verdict">{t(`drills.verdict.${s.verdict}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {e.problems.length > 0 && (
        <>
          <p className="panel-minorhead">{t('drills.problems')}</p>
          <ul className="drill-notes">
            {e.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {e.improvements.length > 0 && (
        <>
          <p className="panel-minorhead">{t('drills.improvements')}</p>
          <ul className="drill-notes">
            {e.improvements.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {e.summary && <p>{e.summary}</p>}
    </section>
  )
}
