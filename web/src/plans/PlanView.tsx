import { useState } from 'react'
import { useT } from '../i18n/use-t.ts'
import { PlanContent } from './PlanContent.tsx'
import { usePlan, type PlanSummary } from './plans-api.ts'
import { usePlansUi } from './plans-store.ts'
import { PlanVersions } from './PlanVersions.tsx'

/** Level, kind, in force, review due and overdue: the badges of a plan. */
export function PlanBadges({ plan }: { plan: PlanSummary }) {
  const t = useT()
  return (
    <div className="record-badges">
      <span className="badge">{t(`plans.level.${plan.level}`)}</span>
      <span className="badge">{t(`plans.kind.${plan.kind}`)}</span>
      <span className={plan.inForce === null ? 'badge badge--dark' : 'badge plan-status--in_force'}>
        {plan.inForce === null ? t('plans.noInForce') : t('plans.inForce', { n: plan.inForce })}
      </span>
      {plan.overdue && (
        <span className="badge plan-overdue" data-field="overdue">
          {t('plans.overdue')}
        </span>
      )}
    </div>
  )
}

/** One plan: what it covers, its versions (lifecycle, diff) and the content of one version. */
export function PlanView({ id }: { id: string }) {
  const t = useT()
  const { data: plan, error, isPending } = usePlan(id)
  const [shown, setShown] = useState<number | null>(null)
  const select = usePlansUi((s) => s.select)
  const edit = usePlansUi((s) => s.edit)
  if (isPending) return <p className="panel-status">{t('panel.loading')}</p>
  if (error) {
    return (
      <p className="panel-status panel-status--error">
        {t('panel.error', { detail: error.message })}
      </p>
    )
  }
  const number = shown ?? plan.inForce ?? plan.latest
  const version = plan.versions.find((v) => v.number === number) ?? plan.versions[0]
  const covers = [...plan.incidentTypes, ...plan.substances].join('、')
  return (
    <div className="plan-view" data-plan={plan.id}>
      <div className="plan-view__head">
        <PlanBadges plan={plan} />
        {plan.canEdit && (
          <button
            type="button"
            className="button button--small"
            data-action="edit-plan"
            onClick={() => {
              select(plan.id)
              edit(plan.id)
            }}
          >
            {t('plans.form.edit')}
          </button>
        )}
      </div>
      <dl className="facts">
        <dt>{plan.enterpriseName ? t('incidents.field.enterprise') : t('record.region')}</dt>
        <dd>{plan.enterpriseName ?? plan.regionName}</dd>
        {plan.reviewDue && (
          <>
            <dt>{t('plans.review')}</dt>
            <dd className={plan.overdue ? 'plan-overdue-text' : undefined}>
              {t('plans.reviewDue', { date: plan.reviewDue })}
            </dd>
          </>
        )}
        {covers && (
          <>
            <dt>{t('plans.coversLabel')}</dt>
            <dd>{covers}</dd>
          </>
        )}
      </dl>
      <PlanVersions plan={plan} shown={version?.number ?? 0} onShow={setShown} />
      {version && (
        <>
          <h3 className="panel-subhead plan-view__shown">
            {t('plans.version', { n: version.number })} · {t(`plans.status.${version.status}`)}
          </h3>
          <PlanContent version={version} />
        </>
      )}
    </div>
  )
}
