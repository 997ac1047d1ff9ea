import type { PlanStep, StepResource } from '../../../server/domain/plans/plan-shape.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { useT } from '../i18n/use-t.ts'
import { nextKey } from './plan-draft.ts'

/** resources.kind values; a plan may also name a category (危化品救援队) as typed. */
const resourceKinds = ['team', 'warehouse', 'equipment', 'expert', 'shelter', 'medical'] as const

const fieldLabels: Record<string, MessageKey> = {
  title: 'plans.form.stepTitle',
  role: 'plans.form.role',
  targetMinutes: 'plans.form.targetMinutes',
  resources: 'plans.form.resourceKind',
}

const num = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw))

/**
 * The ordered response steps of a plan version: add, remove, move up and down; each with its
 * title, responsible role, time target and the resources it needs (kind × quantity).
 * `errors` are the server's field errors under `steps` (`1.title`, `0.resources.0.kind`).
 */
export function PlanStepsEditor(props: {
  steps: PlanStep[]
  onChange: (steps: PlanStep[]) => void
  errors: Record<string, string>
}) {
  const { steps, onChange, errors } = props
  const t = useT()
  const set = (i: number, patch: Partial<PlanStep>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const move = (i: number, by: -1 | 1) => {
    const next = [...steps]
    const [s] = next.splice(i, 1)
    next.splice(i + by, 0, s!)
    onChange(next)
  }
  const setResource = (i: number, r: number, patch: Partial<StepResource>) =>
    set(i, {
      resources: steps[i]!.resources.map((x, j) => (j === r ? { ...x, ...patch } : x)),
    })
  const add = () =>
    onChange([
      ...steps,
      { key: nextKey(steps), title: '', role: '', targetMinutes: 30, resources: [] },
    ])
  const error = (i: number, field: string) => errors[`${i}.${field}`]
  /** The first error of step i, with the field it is about. */
  const stepError = (i: number) => {
    const hit = Object.entries(errors).find(([k]) => k === String(i) || k.startsWith(`${i}.`))
    if (!hit) return undefined
    const field = hit[0].split('.')[1] ?? ''
    const label = fieldLabels[field]
    return label ? `${t(label)}：${hit[1]}` : hit[1]
  }
  return (
    <fieldset className="plan-form__steps" data-field="steps">
      <legend>{t('plans.steps')}</legend>
      <datalist id="plan-resource-kinds">
        {resourceKinds.map((k) => (
          <option key={k} value={k}>
            {t(`resource.kind.${k}`)}
          </option>
        ))}
      </datalist>
      <ol>
        {steps.map((s, i) => (
          <li key={s.key} className="plan-form__step" data-step={s.key}>
            <div className="plan-form__step-head">
              <span className="plan-form__step-n">{i + 1}</span>
              <input
                name="stepTitle"
                aria-label={t('plans.form.stepTitle')}
                placeholder={t('plans.form.stepTitle')}
                value={s.title}
                data-invalid={error(i, 'title') ? 'true' : undefined}
                onChange={(e) => set(i, { title: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('plans.form.up')}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('plans.form.down')}
                disabled={i === steps.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('plans.form.removeStep')}
                onClick={() => onChange(steps.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            <div className="plan-form__row">
              <label className="form-field">
                <span className="form-field__label">{t('plans.form.role')}</span>
                <input
                  name="stepRole"
                  value={s.role}
                  data-invalid={error(i, 'role') ? 'true' : undefined}
                  onChange={(e) => set(i, { role: e.target.value })}
                />
              </label>
              <label className="form-field plan-form__minutes">
                <span className="form-field__label">{t('plans.form.targetMinutes')}</span>
                <input
                  name="stepMinutes"
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  value={Number.isNaN(s.targetMinutes) ? '' : s.targetMinutes}
                  onChange={(e) => set(i, { targetMinutes: num(e.target.value) })}
                />
              </label>
            </div>
            {s.resources.map((r, j) => (
              <div key={j} className="plan-form__resource">
                <input
                  name="resourceKind"
                  list="plan-resource-kinds"
                  aria-label={t('plans.form.resourceKind')}
                  placeholder={t('plans.form.resourceKind')}
                  value={r.kind}
                  onChange={(e) => setResource(i, j, { kind: e.target.value })}
                />
                ×
                <input
                  name="resourceQuantity"
                  type="number"
                  min={1}
                  step={1}
                  aria-label={t('plans.form.quantity')}
                  value={Number.isNaN(r.quantity) ? '' : r.quantity}
                  onChange={(e) => setResource(i, j, { quantity: num(e.target.value) })}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('plans.form.removeResource')}
                  onClick={() => set(i, { resources: s.resources.filter((_, k) => k !== j) })}
                >
                  ×
                </button>
              </div>
            ))}
            <button
              type="button"
              className="link-button"
              data-action="add-resource"
              onClick={() => set(i, { resources: [...s.resources, { kind: '', quantity: 1 }] })}
            >
              + {t('plans.form.addResource')}
            </button>
            {stepError(i) && (
              <span className="field-error" role="alert">
                {stepError(i)}
              </span>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small" data-action="add-step" onClick={add}>
        + {t('plans.form.addStep')}
      </button>
    </fieldset>
  )
}
