import { useState } from 'react'
import { isApiProblem } from '../api/http.ts'
import { useDateFormat, useNumberFormat, useT } from '../i18n/use-t.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { AttachedPanel } from '../panels/AttachedPanel.tsx'
import { useOpenRecordPanel } from '../panels/open-record.ts'
import { usePanels, type PanelState, type RecordKind } from '../state/panels.ts'
import { levelColour } from './alert-style.ts'
import { capUrl, useAlert, useAlertInside, useLiftAlert, type AlertDetail } from './alerts-api.ts'
import { IssueForm } from './IssueForm.tsx'

export type AlertPanelState = PanelState & { content: { kind: 'alert' } }

const insideKinds: {
  key: 'hazardSources' | 'enterprises' | 'resources' | 'shelters'
  label: MessageKey
  kind: RecordKind
}[] = [
  { key: 'hazardSources', label: 'alerts.panel.hazardSources', kind: 'hazard-source' },
  { key: 'enterprises', label: 'alerts.panel.enterprises', kind: 'enterprise' },
  { key: 'resources', label: 'alerts.panel.resources', kind: 'resource' },
  { key: 'shelters', label: 'alerts.panel.shelters', kind: 'resource' },
]

/** 区域内: counts and lists of what lies inside the area, each linking its record's panel. */
function Inside({ id }: { id: string }) {
  const t = useT()
  const fmt = useNumberFormat(0)
  const openRecord = useOpenRecordPanel()
  const { data } = useAlertInside(id)
  if (!data) return <p className="panel-status">{t('panel.loading')}</p>
  const people = data.population
  return (
    <section className="alert-inside" data-field="inside">
      <h3>{t('alerts.panel.inside')}</h3>
      {insideKinds.map(({ key, label, kind }) => (
        <details key={key} data-inside={key}>
          <summary>
            {t(label)}{' '}
            <span className="badge" data-field="count">
              {data[key].count}
            </span>
          </summary>
          <ul>
            {data[key].items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void openRecord(kind, item.id)}
                >
                  {item.name}
                </button>
                {item.detail && <span className="alert-inside__detail"> · {item.detail}</span>}
              </li>
            ))}
          </ul>
        </details>
      ))}
      <p data-field="population">
        {t('alerts.panel.population')}:{' '}
        {people.status === 'known' && people.estimate !== null
          ? t('alerts.panel.populationEstimate', { n: fmt(people.estimate) })
          : t('alerts.panel.populationUnknown')}
      </p>
    </section>
  )
}

/** 更新 / 解除: the issue form prefilled with the alert, or lifting with a reason. */
function Actions({ alert }: { alert: AlertDetail }) {
  const t = useT()
  const lift = useLiftAlert(alert.id)
  const [editing, setEditing] = useState(false)
  const [conflict, setConflict] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const fail = (e: unknown) => setError(isApiProblem(e) ? (e.detail ?? e.title) : String(e))
  return (
    <div className="alert-actions">
      <a
        className="button"
        href={capUrl(alert.id)}
        download={`${alert.identifier}.cap.xml`}
        data-action="export-cap"
      >
        {t('alerts.panel.exportCap')}
      </a>
      {alert.canEdit && (
        <>
          {alert.source === 'ours' && (
            <button
              type="button"
              data-action="update-alert"
              aria-pressed={editing}
              onClick={() => {
                setEditing(!editing)
                setConflict(false)
              }}
            >
              {t('alerts.panel.update')}
            </button>
          )}
          {editing && (
            <IssueForm
              key={alert.version}
              alert={alert}
              notice={conflict ? t('alerts.form.conflict') : null}
              onConflict={() => setConflict(true)}
              onDone={() => {
                setEditing(false)
                setConflict(false)
              }}
            />
          )}
          {!editing && (
            <div className="alert-actions__lift">
              <input
                name="liftReason"
                aria-label={t('alerts.panel.liftReason')}
                placeholder={t('alerts.panel.liftReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                className="danger"
                data-action="lift-alert"
                disabled={lift.isPending}
                onClick={() => lift.mutate({ version: alert.version, reason }, { onError: fail })}
              >
                {t('alerts.panel.lift')}
              </button>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** One alert: level and phase, texts, times, what is inside, CAP export, update and lift. */
export function AlertPanel({ panel }: { panel: AlertPanelState }) {
  const t = useT()
  const date = useDateFormat()
  const close = usePanels((s) => s.close)
  const pin = usePanels((s) => s.pin)
  const { data: alert, error } = useAlert(panel.content.id)
  const style = alert ? levelColour(alert.level) : null
  return (
    <AttachedPanel
      id={panel.id}
      anchor={panel.anchor}
      title={alert ? alert.title : t('panel.loading')}
      pinned={panel.pinned}
      onPin={(p) => pin(panel.id, p)}
      onClose={() => close(panel.id)}
    >
      {error ? (
        <p className="panel-status panel-status--error">
          {t('panel.error', { detail: error.message })}
        </p>
      ) : !alert || !style ? (
        <p className="panel-status">{t('panel.loading')}</p>
      ) : (
        <div className="alert-panel" data-alert={alert.id} data-phase={alert.phase}>
          <div className="record-badges">
            <span
              className="alert-chip"
              style={{ background: style.hex, color: style.textHex }}
              data-field="level"
            >
              {alert.level}（{style.nameZh}）
            </span>
            <span className="badge" data-field="phase">
              {t(`alerts.phase.${alert.phase}`)}
            </span>
            <span className="badge">{alert.eventType}</span>
            {alert.exercise && <span className="badge badge--dark">{t('alerts.exercise')}</span>}
            {alert.source === 'external' && <span className="badge">{t('alerts.external')}</span>}
          </div>
          {alert.text && <p>{alert.text}</p>}
          <dl className="facts">
            {alert.instructions && (
              <>
                <dt>{t('alerts.panel.instructions')}</dt>
                <dd>{alert.instructions}</dd>
              </>
            )}
            <dt>{t('alerts.panel.onset')}</dt>
            <dd>{date(alert.onset)}</dd>
            <dt>{t('alerts.panel.expiresAt')}</dt>
            <dd>{date(alert.expiresAt)}</dd>
            <dt>{t('alerts.panel.area')}</dt>
            <dd>{alert.areaDesc || alert.regionName}</dd>
            {alert.audience && (
              <>
                <dt>{t('alerts.panel.audience')}</dt>
                <dd>{alert.audience}</dd>
              </>
            )}
            <dt>{t('alerts.panel.sender')}</dt>
            <dd>{alert.senderName || alert.sender}</dd>
            <dt>{t('alerts.panel.identifier')}</dt>
            <dd data-field="identifier">{alert.identifier}</dd>
          </dl>
          <Inside id={alert.id} />
          <Actions alert={alert} />
          <details className="history">
            <summary>{t('alerts.panel.history')}</summary>
            <ol>
              {alert.history.map((h) => (
                <li key={`${h.at}-${h.version}`}>
                  {date(h.at)} · {h.username} · v{h.version} {h.status}
                </li>
              ))}
            </ol>
          </details>
        </div>
      )}
    </AttachedPanel>
  )
}
