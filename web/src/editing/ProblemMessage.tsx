import { isApiProblem } from '../api/http.ts'
import { useT } from '../i18n/use-t.ts'

/** Why a save failed (the values are already rolled back), with the fields the server named. */
export function ProblemMessage({ error }: { error: Error }) {
  const t = useT()
  const fields = isApiProblem(error) ? error.errors : []
  return (
    <div className="edit-error" role="alert" data-testid="edit-error">
      <p>{t('editing.error', { detail: error.message })}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}:${f.message}`} data-error-field={f.field}>
              <code>{f.field}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
