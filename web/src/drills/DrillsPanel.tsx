import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useMe } from '../api/auth.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { usePanels } from '../state/panels.ts'
import { DrillForm } from './DrillForm.tsx'
import { drillQuery, useDrills } from './drills-api.ts'
import { useDrillsUi } from './drills-store.ts'

/** 应急演练: the drills of the jurisdiction (latest first) and the form to schedule one. */
export function DrillsPanel() {
  const t = useT()
  const date = useDateFormat()
  const me = useMe().data
  const { map } = useMapContext()
  const open = usePanels((s) => s.open)
  const setOpen = useDrillsUi((s) => s.setOpen)
  const [scheduling, setScheduling] = useState(false)
  const queryClient = useQueryClient()
  const drills = useDrills().data?.drills ?? []
  if (!me) return null
  const show = async (id: string, place?: [number, number]) => {
    const at = place ?? (await queryClient.fetchQuery(drillQuery(id))).place
    map.flyTo({ center: at, zoom: Math.max(map.getZoom(), 11) })
    open({ content: { kind: 'drill', id }, anchor: at })
  }
  return (
    <aside
      className="duty-panel drills-panel card"
      data-testid="drills-panel"
      aria-label={t('drills.title')}
    >
      <header className="report-form__header">
        <h2>{t('drills.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      {me.canWrite && (
        <button
          type="button"
          className="button"
          data-action="new-drill"
          aria-expanded={scheduling}
          onClick={() => setScheduling(!scheduling)}
        >
          {scheduling ? t('drills.cancel') : t('drills.new')}
        </button>
      )}
      {scheduling && (
        <DrillForm
          onDone={(id) => {
            setScheduling(false)
            void show(id)
          }}
        />
      )}
      {drills.length === 0 ? (
        <p className="panel-status">{t('drills.none')}</p>
      ) : (
        <ul className="drill-list">
          {drills.map((d) => (
            <li key={d.id} data-drill-id={d.id} data-status={d.status}>
              <button
                type="button"
                className="link-button"
                onClick={() => void show(d.id, d.place)}
              >
                {d.title}
              </button>
              <small>
                {t(`drills.kind.${d.kind}`)} · {date(d.scheduledAt)} ·{' '}
                {t(`drills.status.${d.status}`)}
                {d.score !== null && ` · ${t('drills.scoreShort', { score: d.score })}`}
              </small>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
