import { useT } from '../i18n/use-t.ts'
import { exerciseModes, useFilters } from '../state/filters.ts'

/**
 * 演练: whether the incident list and layer show exercise incidents. Kept in the URL (`ex=`)
 * like every filter; absent, exercises stay out of the live views.
 */
export function ExerciseToggle() {
  const t = useT()
  const mode = useFilters((s) => s.exercises ?? 'exclude')
  const setExercises = useFilters((s) => s.setExercises)
  return (
    <label className="exercise-toggle" data-field="exercise-filter">
      <span>{t('drills.filter.label')}</span>
      <select
        value={mode}
        onChange={(e) => setExercises(e.target.value as (typeof exerciseModes)[number])}
      >
        {exerciseModes.map((m) => (
          <option key={m} value={m}>
            {t(`drills.filter.${m}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
