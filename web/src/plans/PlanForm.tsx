import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { EnterpriseFeatureProperties } from '../../../server/routes/enterprises/enterprises.schemas.ts'
import { planKinds, planLevels } from '../../../server/domain/plans/plan-shape.ts'
import { useMe } from '../api/auth.ts'
import { getJson, isApiProblem } from '../api/http.ts'
import type { RegistryCollection } from '../api/registry-list.ts'
import { useRegion } from '../api/regions.ts'
import { useT } from '../i18n/use-t.ts'
import { fieldErrors } from '../incidents/field-errors.ts'
import { incidentTypeList } from '../incidents/incident-enums.ts'
import {
  changedContent,
  createBody,
  draftOf,
  emptyDraft,
  nestedErrors,
  patchOf,
  type PlanDraft,
} from './plan-draft.ts'
import { ContactsEditor, Field, ResponseLevelsEditor } from './PlanFormParts.tsx'
import { PlanStepsEditor } from './PlanStepsEditor.tsx'
import { planQuery, useCreatePlan, usePlan, useSavePlan, type PlanDetail } from './plans-api.ts'
import { usePlansUi } from './plans-store.ts'

const FIELDS = [
  'title',
  'level',
  'kind',
  'regionCode',
  'enterpriseId',
  'incidentTypes',
  'substances',
  'responseLevels',
  'contacts',
  'body',
  'note',
] as const

/** Enterprises in the user's jurisdiction whose name has the text, for an enterprise plan. */
function useEnterpriseChoices(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['enterprises', 'choices', q],
    queryFn: ({ signal }) =>
      getJson<RegistryCollection<EnterpriseFeatureProperties>>('/api/enterprises', {
        signal,
        query: { q: q.trim() || undefined, limit: 30 },
      }),
    enabled,
    staleTime: 60_000,
  })
}

/** 新建预案 / 编辑预案 in the 预案库 drawer: `id` null for a new plan. */
export function PlanForm({ id }: { id: string | null }) {
  return id === null ? <PlanFormInner plan={null} /> : <PlanFormLoad id={id} />
}

function PlanFormLoad({ id }: { id: string }) {
  const t = useT()
  const { data: plan, error } = usePlan(id)
  if (error) return <p className="panel-status panel-status--error">{error.message}</p>
  if (!plan) return <p className="panel-status">{t('panel.loading')}</p>
  return <PlanFormInner key={plan.id} plan={plan} />
}

function PlanFormInner({ plan }: { plan: PlanDetail | null }) {
  const t = useT()
  const me = useMe().data
  const queryClient = useQueryClient()
  const edit = usePlansUi((s) => s.edit)
  const select = usePlansUi((s) => s.select)
  const [draft, setDraft] = useState<PlanDraft>(() => (plan ? draftOf(plan) : emptyDraft(me)))
  const [version, setVersion] = useState(plan?.version ?? 0)
  const [conflict, setConflict] = useState(false)
  const [unchanged, setUnchanged] = useState(false)
  const [enterpriseQ, setEnterpriseQ] = useState('')
  const create = useCreatePlan()
  const save = useSavePlan(plan?.id ?? '')
  const region = useRegion(me?.agency.regionCode)
  const enterprises = useEnterpriseChoices(enterpriseQ, !plan && draft.level === 'enterprise')
  const set = (patch: Partial<PlanDraft>) => {
    setUnchanged(false)
    setDraft({ ...draft, ...patch })
  }

  const writeError = plan ? save.error : create.error
  const stale = isApiProblem(writeError) && writeError.status === 409
  const { byField, rest } = fieldErrors(stale ? null : writeError, FIELDS, t)
  const stepErrors = nestedErrors(writeError, 'steps', t)
  const regions = [
    ...(me
      ? [{ code: me.agency.regionCode, name: me.agency.regionName, level: me.agency.level }]
      : []),
    ...(region.data?.children ?? []),
  ]

  /** Someone else saved first: take the plan as it is now, and say so. */
  const reload = async () => {
    if (!plan) return
    const fresh = await queryClient.fetchQuery({ ...planQuery(plan.id), staleTime: 0 })
    setDraft(draftOf(fresh))
    setVersion(fresh.version)
    setConflict(true)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setConflict(false)
    if (!plan) {
      create.mutate(createBody(draft), { onSuccess: (p) => select(p.id) })
      return
    }
    const patch = patchOf(plan, draft)
    const content = changedContent(plan, draft)
    if (!patch && !content) {
      setUnchanged(true)
      return
    }
    save.mutate(
      { patch, content, version, onStep: (p) => setVersion(p.version) },
      {
        onSuccess: () => edit(null),
        onError: (e) => {
          if (isApiProblem(e) && e.status === 409) void reload()
        },
      },
    )
  }

  const pending = create.isPending || save.isPending
  return (
    <form className="plan-form" data-testid="plan-form" onSubmit={submit} noValidate>
      <h3 className="panel-subhead">
        {plan ? t('plans.form.editTitle', { title: plan.title }) : t('plans.form.newTitle')}
      </h3>
      {plan && (
        <p className="panel-status">
          {t('plans.form.newVersionHint', { n: (plan.versions[0]?.number ?? 0) + 1 })}
        </p>
      )}
      {conflict && (
        <p className="field-error" role="alert" data-testid="plan-conflict">
          {t('plans.form.conflict')}
        </p>
      )}
      <Field label={t('plans.form.title')} error={byField.title}>
        <input name="title" value={draft.title} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <div className="report-form__grid">
        <Field label={t('plans.filter.level')} error={byField.level}>
          <select
            name="level"
            value={draft.level}
            disabled={plan !== null}
            onChange={(e) => {
              const level = e.target.value as PlanDraft['level']
              const same = regions.find((r) => r.level === level)
              set({ level, ...(same ? { regionCode: same.code } : {}) })
            }}
          >
            {planLevels.map((l) => (
              <option key={l} value={l}>
                {t(`plans.level.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('plans.filter.kind')} error={byField.kind}>
          <select
            name="kind"
            value={draft.kind}
            disabled={plan !== null}
            onChange={(e) => set({ kind: e.target.value as PlanDraft['kind'] })}
          >
            {planKinds.map((k) => (
              <option key={k} value={k}>
                {t(`plans.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {draft.level === 'enterprise' ? (
        <Field label={t('incidents.field.enterprise')} error={byField.enterpriseId}>
          {plan ? (
            <input name="enterprise" value={plan.enterpriseName ?? ''} disabled />
          ) : (
            <>
              <input
                name="enterpriseQ"
                type="search"
                placeholder={t('plans.form.enterpriseSearch')}
                value={enterpriseQ}
                onChange={(e) => setEnterpriseQ(e.target.value)}
              />
              <select
                name="enterpriseId"
                value={draft.enterpriseId}
                onChange={(e) => set({ enterpriseId: e.target.value })}
              >
                <option value="">{t('incidents.form.none')}</option>
                {enterprises.data?.features.map((f) => (
                  <option key={String(f.id)} value={String(f.id)}>
                    {f.properties.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
      ) : (
        <Field label={t('record.region')} error={byField.regionCode}>
          <select
            name="regionCode"
            value={draft.regionCode}
            disabled={plan !== null}
            onChange={(e) => {
              const r = regions.find((x) => x.code === e.target.value)
              set({ regionCode: e.target.value, ...(r ? { level: r.level } : {}) })
            }}
          >
            {plan ? (
              <option value={plan.regionCode}>{plan.regionName}</option>
            ) : (
              regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))
            )}
          </select>
        </Field>
      )}
      <fieldset
        className="plan-form__types"
        data-field="incidentTypes"
        data-invalid={byField.incidentTypes ? 'true' : undefined}
      >
        <legend>{t('plans.form.incidentTypes')}</legend>
        {incidentTypeList.map((k) => (
          <label key={k} className="plan-form__check">
            <input
              type="checkbox"
              name="incidentTypes"
              value={k}
              checked={draft.incidentTypes.includes(k)}
              onChange={(e) =>
                set({
                  incidentTypes: e.target.checked
                    ? [...draft.incidentTypes, k]
                    : draft.incidentTypes.filter((x) => x !== k),
                })
              }
            />
            <span>{k}</span>
          </label>
        ))}
        {byField.incidentTypes && <span className="field-error">{byField.incidentTypes}</span>}
      </fieldset>
      <Field label={t('plans.form.substances')} error={byField.substances}>
        <input
          name="substances"
          placeholder="7782-50-5, 7664-41-7"
          value={draft.substances}
          onChange={(e) => set({ substances: e.target.value })}
        />
      </Field>
      <ResponseLevelsEditor
        levels={draft.levels}
        onChange={(levels) => set({ levels })}
        error={byField.responseLevels}
      />
      <PlanStepsEditor
        steps={draft.steps}
        onChange={(steps) => set({ steps })}
        errors={stepErrors}
      />
      <ContactsEditor
        contacts={draft.contacts}
        onChange={(contacts) => set({ contacts })}
        error={byField.contacts}
      />
      <Field label={t('plans.form.body')} error={byField.body}>
        <textarea
          name="body"
          rows={8}
          placeholder={t('plans.form.bodyHint')}
          value={draft.body}
          onChange={(e) => set({ body: e.target.value })}
        />
      </Field>
      <Field label={t('plans.form.note')} error={byField.note}>
        <input name="note" value={draft.note} onChange={(e) => set({ note: e.target.value })} />
      </Field>
      {rest && !stale && (
        <p className="field-error" role="alert" data-testid="plan-form-error">
          {rest}
        </p>
      )}
      {unchanged && <p className="panel-status">{t('plans.form.unchanged')}</p>}
      <div className="report-form__actions">
        <button type="button" className="button" onClick={() => edit(null)}>
          {t('incidents.form.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {plan ? t('plans.form.save') : t('plans.form.create')}
        </button>
      </div>
    </form>
  )
}
