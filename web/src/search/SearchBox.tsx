import { useCallback, useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useSignedIn } from '../api/auth.ts'
import { useSearch, type SearchKind, type SearchResult } from '../api/search.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { useT } from '../i18n/use-t.ts'
import { useMapContext, WhenMapReady } from '../map/map-context.ts'
import { useOpenRecordPanel } from '../panels/open-record.ts'
import { useOpenRegionPanel } from '../panels/open-region.ts'
import type { RecordKind } from '../state/panels.ts'

const DEBOUNCE_MS = 250

const kindLabel: Record<SearchKind, MessageKey> = {
  region: 'search.kind.region',
  enterprise: 'search.kind.enterprise',
  hazard_source: 'search.kind.hazardSource',
  resource: 'search.kind.resource',
}

const recordKind: Record<Exclude<SearchKind, 'region'>, RecordKind> = {
  enterprise: 'enterprise',
  hazard_source: 'hazard-source',
  resource: 'resource',
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** Top-bar search: type, pick a result, and the map flies there with its panel open. */
export function SearchBox() {
  return <WhenMapReady>{useSignedIn() ? <SearchBoxInner /> : null}</WhenMapReady>
}

function SearchBoxInner() {
  const t = useT()
  const { map } = useMapContext()
  const openRegion = useOpenRegionPanel()
  const openRecord = useOpenRecordPanel()
  const listId = useId()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [activeRaw, setActive] = useState(0)
  const q = useDebounced(text, DEBOUNCE_MS)
  const { data, isFetching } = useSearch(q)
  const results = text.trim() && q.trim() ? (data ?? []) : []

  const active = Math.min(activeRaw, Math.max(results.length - 1, 0))

  const pick = useCallback(
    (result: SearchResult) => {
      setOpen(false)
      setText(result.name)
      const zoom = result.kind === 'region' ? Math.max(map.getZoom(), 8) : 13
      map.flyTo({ center: result.location, zoom })
      if (result.kind === 'region') void openRegion(result.id)
      else void openRecord(recordKind[result.kind], result.id)
    },
    [map, openRegion, openRecord],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive(results.length ? (active + 1) % results.length : 0)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(results.length ? (active - 1 + results.length) % results.length : 0)
    } else if (event.key === 'Enter') {
      const result = results[active]
      if (open && result) {
        event.preventDefault()
        pick(result)
      }
    } else if (event.key === 'Escape') {
      setOpen(false)
    }
  }

  const expanded = open && text.trim().length > 0 && q.trim().length > 0
  return (
    <div className="search-box" data-testid="search">
      <input
        type="search"
        className="search-box__input"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && results[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={text}
        maxLength={50}
        onChange={(event) => {
          setText(event.target.value)
          setActive(0)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul className="search-box__results" id={listId} role="listbox">
          {results.length === 0 ? (
            <li className="search-box__empty">
              {isFetching ? t('search.searching') : t('search.none')}
            </li>
          ) : (
            results.map((result, i) => (
              <li
                key={`${result.kind}:${result.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="search-box__result"
                data-kind={result.kind}
                data-id={result.id}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(result)}
              >
                <span className="search-box__kind">{t(kindLabel[result.kind])}</span>
                <span className="search-box__name">{result.name}</span>
                <span className="search-box__detail">{result.detail}</span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  )
}
