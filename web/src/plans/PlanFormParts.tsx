import type { ReactNode } from 'react'
import { responseLevels } from '../../../server/domain/plans/plan-shape.ts'
import { useT } from '../i18n/use-t.ts'
import type { PlanDraft } from './plan-draft.ts'

/** A labelled form field with its server error beside it (as the report form shows them). */
export function Field(props: {
  label: string
  error: string | undefined
  children: ReactNode
  className?: string
}) {
  return (
    <label
      className={`form-field ${props.className ?? ''}`}
      data-invalid={props.error ? 'true' : undefined}
    >
      <span className="form-field__label">{props.label}</span>
      {props.children}
      {props.error && (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      )}
    </label>
  )
}

/** 响应分级: Ⅰ–Ⅳ, each on or off with the trigger that starts it. */
export function ResponseLevelsEditor(props: {
  levels: PlanDraft['levels']
  onChange: (levels: PlanDraft['levels']) => void
  error: string | undefined
}) {
  const { levels, onChange, error } = props
  const t = useT()
  return (
    <fieldset className="plan-form__levels" data-field="responseLevels">
      <legend>{t('plans.responseLevels')}</legend>
      {responseLevels.map((l) => (
        <div key={l} className="plan-form__level" data-level={l}>
          <label className="plan-form__check">
            <input
              type="checkbox"
              name={`level-${l}`}
              checked={levels[l].on}
              onChange={(e) => onChange({ ...levels, [l]: { ...levels[l], on: e.target.checked } })}
            />
            <span>{t(`plans.response.${l}`)}</span>
          </label>
          <input
            name={`trigger-${l}`}
            aria-label={t('plans.form.trigger')}
            placeholder={t('plans.form.trigger')}
            disabled={!levels[l].on}
            value={levels[l].trigger}
            onChange={(e) =>
              onChange({ ...levels, [l]: { ...levels[l], trigger: e.target.value } })
            }
          />
        </div>
      ))}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  )
}

type Contact = PlanDraft['contacts'][number]

/** 联系人: role, name and phone of whom to call when the plan is started. */
export function ContactsEditor(props: {
  contacts: Contact[]
  onChange: (contacts: Contact[]) => void
  error: string | undefined
}) {
  const { contacts, onChange, error } = props
  const t = useT()
  const set = (i: number, patch: Partial<Contact>) =>
    onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)))
  return (
    <fieldset className="plan-form__contacts" data-field="contacts">
      <legend>{t('plans.contacts')}</legend>
      {contacts.map((c, i) => (
        <div key={i} className="plan-form__contact">
          <input
            name="contactRole"
            aria-label={t('plans.form.contactRole')}
            placeholder={t('plans.form.contactRole')}
            value={c.role}
            onChange={(e) => set(i, { role: e.target.value })}
          />
          <input
            name="contactName"
            aria-label={t('plans.form.contactName')}
            placeholder={t('plans.form.contactName')}
            value={c.name}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            name="contactPhone"
            type="tel"
            aria-label={t('plans.form.contactPhone')}
            placeholder={t('plans.form.contactPhone')}
            value={c.phone}
            onChange={(e) => set(i, { phone: e.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t('plans.form.removeContact')}
            onClick={() => onChange(contacts.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        onClick={() => onChange([...contacts, { role: '', name: '', phone: '' }])}
      >
        + {t('plans.form.addContact')}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  )
}
