import { useT } from '../i18n/use-t.ts'
import { usePlanDiff, type PlanDiff } from './plans-api.ts'

function Rows({ rows, label }: { rows: PlanDiff['body']; label: string }) {
  return (
    <table className="plan-diff" aria-label={label}>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-kind={r.kind}>
            <td className="plan-diff__left">{r.left ?? ''}</td>
            <td className="plan-diff__right">{r.right ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Two versions side by side: the older on the left, the newer on the right. */
export function DiffView({ planId, from, to }: { planId: string; from: number; to: number }) {
  const t = useT()
  const { data } = usePlanDiff(planId, from, to, from !== to)
  if (from === to) return null
  if (!data) return <p className="panel-status">{t('panel.loading')}</p>
  const changed = (rows: PlanDiff['body']) => rows.some((r) => r.kind !== 'same')
  if (!changed(data.body) && !changed(data.steps)) {
    return <p className="panel-status">{t('plans.diff.none')}</p>
  }
  return (
    <div className="plan-diff-view" data-testid="plan-diff">
      <div className="plan-diff__heads" aria-hidden="true">
        <span>{t('plans.version', { n: from })}</span>
        <span>{t('plans.version', { n: to })}</span>
      </div>
      {changed(data.steps) && (
        <>
          <h4>{t('plans.diff.steps')}</h4>
          <Rows rows={data.steps} label={t('plans.diff.steps')} />
        </>
      )}
      {changed(data.body) && (
        <>
          <h4>{t('plans.diff.body')}</h4>
          <Rows rows={data.body} label={t('plans.diff.body')} />
        </>
      )}
    </div>
  )
}
