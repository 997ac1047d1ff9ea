import type { FormEvent } from 'react'
import { useT } from '../i18n/use-t.ts'
import {
  assessInputOf,
  draftOf,
  unitKindOptions,
  type HazardSourceDraft,
  type HazardSourceFormValues,
  type SubstanceRow,
  type UnitKind,
} from './hazard-source-draft.ts'
import { LiveAssessment } from './LiveAssessment.tsx'

/**
 * The hazard-source form: name, unit kind, substances with their maximum quantities and the
 * people within 500 m. The grade it would get shows live, before anything is saved.
 */
export function HazardSourceForm(props: {
  values: HazardSourceFormValues
  onChange: (values: HazardSourceFormValues) => void
  onSave: (draft: HazardSourceDraft) => void
  onCancel: () => void
  saving: boolean
}) {
  const t = useT()
  const { values, onChange } = props
  const draft = draftOf(values)
  const setRow = (key: number, patch: Partial<SubstanceRow>) =>
    onChange({ ...values, rows: values.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) })
  const nextKey = Math.max(-1, ...values.rows.map((r) => r.key)) + 1

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (draft) props.onSave(draft)
  }

  return (
    <form className="edit-form" data-testid="hazard-source-form" onSubmit={submit} noValidate>
      <label className="edit-field">
        <span>{t('editing.field.name')}</span>
        <input
          name="name"
          value={values.name}
          maxLength={200}
          required
          onChange={(e) => onChange({ ...values, name: e.target.value })}
        />
      </label>
      <label className="edit-field">
        <span>{t('editing.field.unitKind')}</span>
        <select
          name="unitKind"
          value={values.unitKind}
          onChange={(e) => onChange({ ...values, unitKind: e.target.value as UnitKind })}
        >
          {unitKindOptions.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="edit-substances">
        <legend>{t('editing.field.substances')}</legend>
        {values.rows.map((row, index) => (
          <div className="edit-substance" key={row.key} data-substance={index}>
            <input
              aria-label={t('editing.substance.name')}
              name={`substance-${index}-name`}
              value={row.name}
              onChange={(e) => setRow(row.key, { name: e.target.value })}
            />
            <input
              aria-label={`${row.name} ${t('editing.substance.q')}`}
              name={`substance-${index}-q`}
              inputMode="decimal"
              value={row.quantity}
              onChange={(e) => setRow(row.key, { quantity: e.target.value })}
            />
            <button
              type="button"
              className="edit-button edit-button--icon"
              aria-label={t('editing.substance.remove', { name: row.name })}
              title={t('editing.substance.remove', { name: row.name })}
              disabled={values.rows.length <= 1}
              onClick={() =>
                onChange({ ...values, rows: values.rows.filter((r) => r.key !== row.key) })
              }
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="edit-button"
          data-action="add-substance"
          onClick={() =>
            onChange({
              ...values,
              rows: [...values.rows, { key: nextKey, name: '', quantity: '' }],
            })
          }
        >
          {t('editing.substance.add')}
        </button>
      </fieldset>
      <label className="edit-field">
        <span>{t('editing.field.people')}</span>
        <input
          name="peopleWithin500m"
          inputMode="numeric"
          value={values.people}
          onChange={(e) => onChange({ ...values, people: e.target.value })}
        />
      </label>
      <LiveAssessment input={assessInputOf(values)} />
      {!draft && <p className="panel-status">{t('editing.invalid')}</p>}
      <div className="edit-actions">
        <button
          type="submit"
          className="edit-button edit-button--primary"
          data-action="save"
          disabled={!draft || props.saving}
        >
          {props.saving ? t('editing.saving') : t('editing.save')}
        </button>
        <button
          type="button"
          className="edit-button"
          data-action="cancel-edit"
          onClick={props.onCancel}
        >
          {t('editing.cancel')}
        </button>
      </div>
    </form>
  )
}
