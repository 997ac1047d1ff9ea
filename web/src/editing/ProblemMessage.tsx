import { isApiProblem } from '../api/http.ts'
import { fieldErrorMessage } from '../i18n/field-error.ts'
import { useT } from '../i18n/use-t.ts'
import { fieldLabels } from './field-labels.ts'

/**
 * Why a save failed (the values are already rolled back), with the fields the server named,
 * in the interface language: the field's label and the message for the error's code (the
 * same localisation as the incident forms).
 */
export function ProblemMessage({ error }: { error: Error }) {
  const t = useT()
  const fields = isApiProblem(error) ? error.errors : []
  return (
    <div className="edit-error" role="alert" data-testid="edit-error">
      <p>{t('editing.error', { detail: error.message })}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => {
            const label = fieldLabels[f.field]
            return (
              <li key={`${f.field}:${f.message}`} data-error-field={f.field}>
                <strong>{label ? t(label) : f.field}</strong> {fieldErrorMessage(t, f)}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
