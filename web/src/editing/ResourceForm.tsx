import type { FormEvent } from 'react'
import { useT } from '../i18n/use-t.ts'
import { InventoryRows } from './InventoryRows.tsx'
import {
  resourceDraftOf,
  statusOptions,
  type ResourceDraft,
  type ResourceFormValues,
  type ResourceStatus,
} from './resource-draft.ts'

/**
 * The resource fields an officer keeps current: status, headcount, capabilities, a warehouse's
 * inventory and the contact. Plans count on them for their shortfall.
 */
export function ResourceForm(props: {
  values: ResourceFormValues
  onChange: (values: ResourceFormValues) => void
  onSave: (draft: ResourceDraft) => void
  onCancel: () => void
  saving: boolean
}) {
  const t = useT()
  const { values, onChange } = props
  const draft = resourceDraftOf(values)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (draft) props.onSave(draft)
  }
  return (
    <form className="edit-form" data-testid="resource-form" onSubmit={submit} noValidate>
      <label className="edit-field">
        <span>{t('editing.field.status')}</span>
        <select
          name="status"
          value={values.status}
          onChange={(e) => onChange({ ...values, status: e.target.value as ResourceStatus })}
        >
          {statusOptions.map((status) => (
            <option key={status} value={status}>
              {t(`resource.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="edit-field">
        <span>{t('editing.field.headcount')}</span>
        <input
          name="headcount"
          inputMode="numeric"
          value={values.headcount}
          onChange={(e) => onChange({ ...values, headcount: e.target.value })}
        />
      </label>
      <label className="edit-field">
        <span>{t('editing.field.capabilities')}</span>
        <input
          name="capabilities"
          maxLength={2000}
          placeholder={t('editing.capabilities.hint')}
          value={values.capabilities}
          onChange={(e) => onChange({ ...values, capabilities: e.target.value })}
        />
      </label>
      {(values.kind === 'warehouse' || values.inventory.length > 0) && (
        <InventoryRows
          rows={values.inventory}
          onChange={(inventory) => onChange({ ...values, inventory })}
        />
      )}
      <label className="edit-field">
        <span>{t('editing.field.contactName')}</span>
        <input
          name="contactName"
          maxLength={100}
          value={values.contactName}
          onChange={(e) => onChange({ ...values, contactName: e.target.value })}
        />
      </label>
      <label className="edit-field">
        <span>{t('editing.field.contactPhone')}</span>
        <input
          name="contactPhone"
          type="tel"
          maxLength={50}
          value={values.contactPhone}
          onChange={(e) => onChange({ ...values, contactPhone: e.target.value })}
        />
      </label>
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
