import { useState } from 'react'
import { useRegion } from '../api/regions.ts'
import { useSearch } from '../api/search.ts'
import { useDebounced } from '../editing/use-debounced.ts'
import { useT } from '../i18n/use-t.ts'
import { useAlertDraw } from './draw-store.ts'

/** A chosen region by name (its code until the name has loaded), with a ✕ to drop it. */
function RegionChip({ code }: { code: string }) {
  const t = useT()
  const { data } = useRegion(code)
  const name = data?.name ?? code
  return (
    <li className="region-chip" data-region={code}>
      <span>{name}</span>
      <button
        type="button"
        aria-label={t('alerts.form.removeRegion', { name })}
        onClick={() => useAlertDraw.getState().removeRegion(code)}
      >
        ✕
      </button>
    </li>
  )
}

/** 选择行政区: search regions by name, or click them on the map; chips show the chosen ones. */
export function RegionPicker() {
  const t = useT()
  const codes = useAlertDraw((s) => s.regionCodes)
  const [text, setText] = useState('')
  const q = useDebounced(text, 250)
  const { data } = useSearch(q, 10)
  const results = text.trim() ? (data ?? []).filter((r) => r.kind === 'region') : []
  return (
    <div className="region-picker" data-field="region-picker">
      {codes.length > 0 && (
        <ul className="region-picker__chips" aria-label={t('alerts.form.regionsChosen')}>
          {codes.map((code) => (
            <RegionChip key={code} code={code} />
          ))}
        </ul>
      )}
      <input
        type="search"
        name="regionSearch"
        aria-label={t('alerts.form.regionSearch')}
        placeholder={t('alerts.form.regionSearch')}
        value={text}
        maxLength={50}
        onChange={(e) => setText(e.target.value)}
      />
      {results.length > 0 && (
        <ul className="region-picker__results">
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="link-button"
                data-region-result={r.id}
                disabled={codes.includes(r.id)}
                onClick={() => {
                  useAlertDraw.getState().addRegion(r.id)
                  setText('')
                }}
              >
                {r.name} <span className="region-picker__code">{r.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="panel-status">{t('alerts.form.regionHint')}</p>
    </div>
  )
}
