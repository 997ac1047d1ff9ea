import { useLocale } from '../i18n/locale.ts'
import { useT } from '../i18n/use-t.ts'
import { formatDistance, metresBetween } from './distance.ts'
import type { MoveDraft } from './edit-store.ts'

/** While moving: the hint, then the distance moved with 确认 / 取消. */
export function MoveStep(props: {
  move: MoveDraft
  locating: boolean
  onUseMyLocation: () => void
  onConfirm: () => void
  onCancel: () => void
}) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const { origin, proposed, via } = props.move
  return (
    <div className="move-step" data-testid="move-step">
      {proposed ? (
        <p className="move-step__distance" data-field="distance-moved" role="status">
          {t(via === 'gps' ? 'editing.movedGps' : 'editing.moved', {
            distance: formatDistance(metresBetween(origin, proposed), locale),
          })}
        </p>
      ) : (
        <p className="move-step__hint">
          {props.locating ? t('editing.locating') : t('editing.moveHint')}
        </p>
      )}
      <div className="edit-actions">
        {proposed && (
          <button
            type="button"
            className="edit-button edit-button--primary"
            data-action="confirm-move"
            onClick={props.onConfirm}
          >
            {t('editing.confirm')}
          </button>
        )}
        {!proposed && (
          <button
            type="button"
            className="edit-button"
            data-action="my-location"
            disabled={props.locating}
            onClick={props.onUseMyLocation}
          >
            {t('editing.myLocation')}
          </button>
        )}
        <button
          type="button"
          className="edit-button"
          data-action="cancel-move"
          onClick={props.onCancel}
        >
          {t('editing.cancel')}
        </button>
      </div>
    </div>
  )
}
