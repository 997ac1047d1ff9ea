import { useSignedIn } from '../api/auth.ts'
import { useT } from '../i18n/use-t.ts'
import { useFilters } from '../state/filters.ts'

/** In a region's panel: limit every registry layer to this region (pressed again: undo). */
export function FilterToRegionButton({ code, name }: { code: string; name: string }) {
  const t = useT()
  const signedIn = useSignedIn()
  const active = useFilters((s) => s.region?.code === code)
  const setRegion = useFilters((s) => s.setRegion)
  if (!signedIn) return null
  return (
    <button
      type="button"
      className="filters__to-region"
      aria-pressed={active}
      data-action="filter-to-region"
      onClick={() => setRegion(active ? null : { code, name })}
    >
      {t('filters.toRegion')}
    </button>
  )
}
