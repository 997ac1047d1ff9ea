import { useT } from '../i18n/use-t.ts'
import { conflictRows, othersChanges } from './conflict-diff.ts'
import type { EditConflict } from './edit-store.ts'
import { fieldLabels } from './field-labels.ts'

/**
 * "Someone changed this": the user's draft beside the record as it is now, the fields that
 * differ highlighted; keep mine re-submits on the new version, take theirs drops the draft.
 */
export function ConflictView(props: {
  conflict: EditConflict
  sentVersion: number
  busy: boolean
  onKeepMine: () => void
  onTakeTheirs: () => void
}) {
  const t = useT()
  const { conflict } = props
  const rows = conflictRows(conflict.draft, conflict.current)
  const alsoChanged = othersChanges(
    conflict.draft,
    conflict.base,
    conflict.current,
    Object.keys(fieldLabels),
  )
  return (
    <section className="edit-conflict" data-testid="conflict" role="alert">
      <h3 className="edit-conflict__title">{t('editing.conflict.title')}</h3>
      <p className="edit-conflict__intro">
        {t('editing.conflict.intro', {
          mine: props.sentVersion,
          theirs: conflict.current.version,
        })}
      </p>
      <table className="data-table edit-conflict__table">
        <thead>
          <tr>
            <th>{t('editing.conflict.field')}</th>
            <th>{t('editing.conflict.mine')}</th>
            <th>{t('editing.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = fieldLabels[row.field]
            return (
              <tr
                key={row.field}
                data-field={row.field}
                data-differs={row.differs}
                className={row.differs ? 'edit-conflict__differs' : undefined}
              >
                <th scope="row">{label ? t(label) : row.field}</th>
                <td data-side="mine">{row.mine}</td>
                <td data-side="theirs">{row.theirs}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {alsoChanged.length > 0 && (
        <p className="edit-conflict__others" data-field="others-changed">
          {t('editing.conflict.others', {
            fields: alsoChanged
              .map((f) => {
                const label = fieldLabels[f]
                return label ? t(label) : f
              })
              .join('、'),
          })}
        </p>
      )}
      <div className="edit-actions">
        <button
          type="button"
          className="edit-button edit-button--primary"
          data-action="keep-mine"
          disabled={props.busy}
          onClick={props.onKeepMine}
        >
          {t('editing.conflict.keepMine')}
        </button>
        <button
          type="button"
          className="edit-button"
          data-action="take-theirs"
          disabled={props.busy}
          onClick={props.onTakeTheirs}
        >
          {t('editing.conflict.takeTheirs')}
        </button>
      </div>
    </section>
  )
}
