import { useT } from '../i18n/use-t.ts'

/** 演练: the one mark every exercise incident carries, in lists, panels and on the map. */
export function ExerciseBadge() {
  const t = useT()
  return (
    <span className="badge badge--exercise" data-field="exercise" title={t('drills.exerciseHint')}>
      {t('drills.exercise')}
    </span>
  )
}
