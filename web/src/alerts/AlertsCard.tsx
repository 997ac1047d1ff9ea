import { useId, useRef, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useSignedIn } from '../api/auth.ts'
import { isApiProblem } from '../api/http.ts'
import { isPhoneWidth } from '../chrome/phone.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { usePanels } from '../state/panels.ts'
import { levelColour } from './alert-style.ts'
import { useImportCap, type AlertDetail } from './alerts-api.ts'
import { IssueForm } from './IssueForm.tsx'
import { useAlertsInForce } from './layers/alerts-layer.ts'

/** A point to attach a panel to and the view that frames an area. */
function frame(coordinates: unknown): {
  anchor: [number, number]
  bounds: [number, number, number, number]
} {
  const flat = (JSON.stringify(coordinates).match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
  let [w, s, e, n] = [180, 90, -180, -90]
  for (let i = 0; i + 1 < flat.length; i += 2) {
    w = Math.min(w, flat[i]!)
    e = Math.max(e, flat[i]!)
    s = Math.min(s, flat[i + 1]!)
    n = Math.max(n, flat[i + 1]!)
  }
  return { anchor: [(w + e) / 2, (s + n) / 2], bounds: [w, s, e, n] }
}

export function openAlertPanel(
  map: MapLibreMap,
  open: ReturnType<typeof usePanels.getState>['open'],
  id: string,
  coordinates: unknown,
) {
  const { anchor, bounds } = frame(coordinates)
  map.fitBounds(bounds, { padding: 80, maxZoom: 13, duration: 0 })
  open({ content: { kind: 'alert', id }, anchor })
}

/** 生效预警: the alerts in force, issuing one (drawn on the map) and importing a CAP file. */
export function AlertsCard() {
  return useSignedIn() ? <AlertsCardInner /> : null
}

function AlertsCardInner() {
  const t = useT()
  const date = useDateFormat()
  const { map } = useMapContext()
  const open = usePanels((s) => s.open)
  const [expanded, setExpanded] = useState(() => !isPhoneWidth())
  const [issuing, setIssuing] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  const file = useRef<HTMLInputElement>(null)
  const importCap = useImportCap()
  const itemsId = useId()
  const features = useAlertsInForce().features

  const opened = (alert: AlertDetail | null) => {
    setIssuing(false)
    if (alert) openAlertPanel(map, open, alert.id, alert.area.coordinates)
  }

  const onFile = async (chosen: File | undefined) => {
    if (!chosen) return
    setImportError(null)
    const xml = await chosen.text()
    importCap.mutate(xml, {
      onSuccess: (alert) => opened(alert),
      onError: (e) =>
        setImportError(
          t('alerts.importFailed', {
            detail: isApiProblem(e)
              ? (e.errors[0]?.field ?? '') + ' ' + (e.errors[0]?.message ?? e.detail ?? '')
              : String(e),
          }),
        ),
    })
    if (file.current) file.current.value = ''
  }

  return (
    <section
      className="alerts-card card"
      data-testid="alerts-card"
      data-panel-avoid
      aria-label={t('alerts.list')}
    >
      <h2 className="incident-list__header">
        <button
          type="button"
          className="incident-list__toggle"
          aria-expanded={expanded}
          aria-controls={itemsId}
          onClick={() => setExpanded(!expanded)}
        >
          <span className="incident-list__title">{t('alerts.list')}</span>
          <span className="badge" data-field="count">
            {features.length}
          </span>
          <span className="incident-list__chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
        </button>
      </h2>
      {expanded && (
        <div id={itemsId}>
          <div className="alerts-card__actions">
            <button
              type="button"
              data-action="issue-alert"
              aria-pressed={issuing}
              onClick={() => setIssuing(!issuing)}
            >
              {t('alerts.issue')}
            </button>
            <button type="button" data-action="import-cap" onClick={() => file.current?.click()}>
              {t('alerts.import')}
            </button>
            <input
              ref={file}
              type="file"
              accept=".xml,.cap,application/xml,application/cap+xml"
              hidden
              data-field="cap-file"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </div>
          {importError && (
            <p className="form-error" role="alert">
              {importError}
            </p>
          )}
          {issuing && <IssueForm onDone={opened} />}
          {features.length === 0 ? (
            <p className="panel-status">{t('alerts.listEmpty')}</p>
          ) : (
            <ul className="alerts-card__items">
              {features.map((f) => {
                const p = f.properties
                const style = levelColour(p.level)
                return (
                  <li key={String(f.id)} data-alert-id={String(f.id)}>
                    <button
                      type="button"
                      className="alerts-card__item"
                      onClick={() =>
                        openAlertPanel(map, open, String(f.id), f.geometry.coordinates)
                      }
                    >
                      <span
                        className="alert-chip"
                        style={{ background: style.hex, color: style.textHex }}
                      >
                        {p.level}
                      </span>
                      <span className="alerts-card__what">
                        {p.exercise && (
                          <span className="badge badge--dark">{t('alerts.exercise')}</span>
                        )}{' '}
                        {p.title}
                      </span>
                      <span className="alerts-card__when">
                        {p.phase === 'pending' ? t('alerts.pending') : ''} → {date(p.expiresAt)}
                      </span>
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
