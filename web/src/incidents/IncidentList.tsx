import { useId, useState } from 'react'
import { useSignedIn } from '../api/auth.ts'
import { isPhoneWidth } from '../chrome/phone.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { useLive } from '../live/live-store.ts'
import { usePanels } from '../state/panels.ts'
import { ExerciseBadge } from '../drills/ExerciseBadge.tsx'
import { ExerciseToggle } from '../filters/ExerciseToggle.tsx'
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
  // On a phone the list starts as a badge, so the map is what the officer sees first.
  const [expanded, setExpanded] = useState(() => !isPhoneWidth())
  const itemsId = useId()
  const { data } = useOpenIncidents()
  const features = data?.features ?? []
  return (
    <section
      className="incident-list card"
      data-testid="incident-list"
      data-expanded={expanded}
      aria-label={t('incidents.list')}
    >
      <h2 className="incident-list__header">
        <button
          type="button"
          className="incident-list__toggle"
          aria-expanded={expanded}
          aria-controls={itemsId}
          onClick={() => setExpanded(!expanded)}
        >
          <span className="incident-list__title">{t('incidents.list')}</span>
          <span className="badge" data-field="count">
            {features.length}
          </span>
          <span className="incident-list__chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
        </button>
      </h2>
      {expanded && <ExerciseToggle />}
      {expanded &&
        (features.length === 0 ? (
          <p className="panel-status" id={itemsId}>
            {t('incidents.listEmpty')}
          </p>
        ) : (
          <ul className="incident-list__items" id={itemsId}>
            {features.map((f) => {
              const id = String(f.id)
              const p = f.properties
              const location = f.geometry.coordinates as [number, number]
              return (
                <li
                  key={id}
                  data-incident-id={id}
                  data-exercise={p.exercise ? 'true' : undefined}
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
                      {p.exercise && <ExerciseBadge />} {p.type} · {p.address || p.regionCode}
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
