import { useState } from 'react'
import { planKinds, planLevels } from '../../../server/domain/plans/plan-shape.ts'
import { useMe } from '../api/auth.ts'
import { useT } from '../i18n/use-t.ts'
import { PlanForm } from './PlanForm.tsx'
import { usePlanList, type PlanFilters } from './plans-api.ts'
import { usePlansUi } from './plans-store.ts'
import { PlanBadges, PlanView } from './PlanView.tsx'

function PlanList() {
  const t = useT()
  const select = usePlansUi((s) => s.select)
  const [filters, setFilters] = useState<PlanFilters>({})
  const { data, isPending, error } = usePlanList(filters)
  const set = (patch: PlanFilters) => setFilters({ ...filters, ...patch })
  return (
    <>
      <div className="plan-filters" role="group" aria-label={t('plans.library')}>
        <label>
          <span>{t('plans.filter.level')}</span>
          <select
            name="level"
            value={filters.level ?? ''}
            onChange={(e) => set({ level: e.target.value || undefined })}
          >
            <option value="">{t('plans.filter.all')}</option>
            {planLevels.map((l) => (
              <option key={l} value={l}>
                {t(`plans.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('plans.filter.kind')}</span>
          <select
            name="kind"
            value={filters.kind ?? ''}
            onChange={(e) => set({ kind: e.target.value || undefined })}
          >
            <option value="">{t('plans.filter.all')}</option>
            {planKinds.map((k) => (
              <option key={k} value={k}>
                {t(`plans.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="plan-filters__check">
          <input
            type="checkbox"
            name="overdue"
            checked={filters.overdue === true}
            onChange={(e) => set({ overdue: e.target.checked || undefined })}
          />
          <span>{t('plans.filter.overdue')}</span>
        </label>
      </div>
      {isPending ? (
        <p className="panel-status">{t('panel.loading')}</p>
      ) : error ? (
        <p className="panel-status panel-status--error">{error.message}</p>
      ) : data.plans.length === 0 ? (
        <p className="panel-status">{t('plans.empty')}</p>
      ) : (
        <>
          <p className="panel-status">{t('plans.count', { n: data.plans.length })}</p>
          <ul className="plan-list" data-testid="plan-list">
            {data.plans.map((p) => (
              <li key={p.id} data-plan={p.id} data-overdue={p.overdue}>
                <button type="button" className="plan-list__open" onClick={() => select(p.id)}>
                  <strong>{p.title}</strong>
                  <span className="plan-list__where">
                    {p.enterpriseName ?? p.regionName}
                    {p.reviewDue && ` · ${t('plans.reviewDue', { date: p.reviewDue })}`}
                  </span>
                </button>
                <PlanBadges plan={p} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}

/** 预案库: the plans the user may read, filtered by level, kind and overdue review. */
export function PlanLibrary() {
  const t = useT()
  const open = usePlansUi((s) => s.libraryOpen)
  const setOpen = usePlansUi((s) => s.setLibraryOpen)
  const selected = usePlansUi((s) => s.selected)
  const select = usePlansUi((s) => s.select)
  const editing = usePlansUi((s) => s.editing)
  const edit = usePlansUi((s) => s.edit)
  const me = useMe().data
  if (!open || !me) return null
  return (
    <aside className="plan-library card" data-testid="plan-library" aria-label={t('plans.library')}>
      <header className="report-form__header">
        <h2>{t('plans.library')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      {editing === 'new' ? (
        <PlanForm id={null} />
      ) : editing ? (
        <PlanForm id={editing} />
      ) : selected ? (
        <>
          <button type="button" className="link-button" onClick={() => select(null)}>
            ← {t('plans.back')}
          </button>
          <PlanView id={selected} />
        </>
      ) : (
        <>
          {me.canWrite && (
            <button
              type="button"
              className="button button--small button--primary plan-library__new"
              data-action="new-plan"
              onClick={() => edit('new')}
            >
              + {t('plans.form.new')}
            </button>
          )}
          <PlanList />
        </>
      )}
    </aside>
  )
}
