import { useState } from 'react'
import { useSignedIn } from '../api/auth.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { useLive } from '../live/live-store.ts'
import { usePanels } from '../state/panels.ts'
import { IncidentGradeChip } from './IncidentGradeChip.tsx'
import { useOpenIncidents } from './incidents-api.ts'

/** 在办事故: the open incidents of the jurisdiction, newest first; a click flies there. */
export function IncidentList() {
  return useSignedIn() ? <IncidentListInner /> : null
}

function IncidentListInner() {
  const t = useT()
  const date = useDateFormat()
  const { map } = useMapContext()
  const open = usePanels((s) => s.open)
  const flashes = useLive((s) => s.flashes)
  const [expanded, setExpanded] = useState(true)
  const { data } = useOpenIncidents()
  const features = data?.features ?? []
  return (
    <section
      className="incident-list card"
      data-testid="incident-list"
      aria-label={t('incidents.list')}
    >
      <header className="incident-list__header">
        <h2>
          {t('incidents.list')}{' '}
          <span className="badge" data-field="count">
            {features.length}
          </span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-expanded={expanded}
          aria-label={expanded ? t('layers.collapse') : t('layers.expand')}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? '−' : '+'}
        </button>
      </header>
      {expanded &&
        (features.length === 0 ? (
          <p className="panel-status">{t('incidents.listEmpty')}</p>
        ) : (
          <ul className="incident-list__items">
            {features.map((f) => {
              const id = String(f.id)
              const p = f.properties
              const location = f.geometry.coordinates as [number, number]
              return (
                <li
                  key={id}
                  data-incident-id={id}
                  data-new={flashes.some((x) => x.id === id) ? 'true' : undefined}
                >
                  <button
                    type="button"
                    className="incident-list__item"
                    onClick={() => {
                      map.flyTo({ center: location, zoom: Math.max(map.getZoom(), 11) })
                      open({ content: { kind: 'incident', id }, anchor: location })
                    }}
                  >
                    <IncidentGradeChip grade={p.grade} />
                    <span className="incident-list__what">
                      {p.type} · {p.address || p.regionCode}
                    </span>
                    <span className="incident-list__when">
                      {date(p.occurredAt)} · {t(`incidents.status.${p.status}`)}
                    </span>
                  </button>
                </li>
              )
            })}
          </ul>
        ))}
    </section>
  )
}
