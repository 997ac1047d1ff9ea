import { useState } from 'react'
import { useSearch } from '../api/search.ts'
import { useT } from '../i18n/use-t.ts'

/** Address or region search (the same /api/search as the top bar): a pick moves the report. */
export function PlaceSearch({
  onPick,
}: {
  onPick: (location: [number, number], name: string) => void
}) {
  const t = useT()
  const [q, setQ] = useState('')
  const { data } = useSearch(q, 6)
  const results = q.trim() ? (data ?? []) : []
  return (
    <div className="place-search">
      <input
        type="search"
        value={q}
        placeholder={t('incidents.form.placeSearch')}
        aria-label={t('incidents.form.placeSearch')}
        onChange={(e) => setQ(e.target.value)}
      />
      {results.length > 0 && (
        <ul className="place-search__results">
          {results.map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onPick(r.location, r.name)
                  setQ('')
                }}
              >
                {r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
