import { DispatchSection } from '../dispatch/DispatchSection.tsx'
import { ExerciseBadge } from '../drills/ExerciseBadge.tsx'
import { IncidentPlans } from '../plans/IncidentPlans.tsx'
import { useDateFormat, useNumberFormat, useT } from '../i18n/use-t.ts'
import { AttachedPanel } from '../panels/AttachedPanel.tsx'
import { RecordLink } from '../panels/RecordPanel.tsx'
import { usePanels, type PanelState } from '../state/panels.ts'
import { IncidentGradeChip } from './IncidentGradeChip.tsx'
import { useIncident, type IncidentDetail } from './incidents-api.ts'
import { Obligations } from './Obligations.tsx'
import { StatusSteps } from './StatusSteps.tsx'
import { Timeline } from './Timeline.tsx'
import { NoteForm, UpdateForm } from './UpdateForm.tsx'

export type IncidentPanelState = PanelState & { content: { kind: 'incident' } }

function Facts({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const date = useDateFormat()
  const yuan = useNumberFormat(0)
  return (
    <dl className="facts">
      <dt>{t('incidents.field.occurredAt')}</dt>
      <dd>{date(incident.occurredAt)}</dd>
      <dt>{t('incidents.field.address')}</dt>
      <dd>{incident.address || '—'}</dd>
      <dt>{t('record.region')}</dt>
      <dd>{incident.regionName}</dd>
      <dt>{t('incidents.casualtiesLabel')}</dt>
      <dd data-field="casualties">
        {t('incidents.casualtiesFull', {
          deaths: incident.deaths,
          serious: incident.seriousInjuries,
          missing: incident.missing,
        })}
      </dd>
      <dt>{t('incidents.field.directLossYuan')}</dt>
      <dd>{yuan(incident.directLossYuan)}</dd>
      {incident.substance && (
        <>
          <dt>{t('incidents.field.substance')}</dt>
          <dd>{incident.substance}</dd>
        </>
      )}
      {incident.enterpriseId && (
        <>
          <dt>{t('incidents.field.enterprise')}</dt>
          <dd>
            <RecordLink kind="enterprise" id={incident.enterpriseId}>
              {t('incidents.open')}
            </RecordLink>
          </dd>
        </>
      )}
      {incident.hazardSourceId && (
        <>
          <dt>{t('incidents.field.hazardSource')}</dt>
          <dd>
            <RecordLink kind="hazard-source" id={incident.hazardSourceId}>
              {t('incidents.open')}
            </RecordLink>
          </dd>
        </>
      )}
      <dt>{t('incidents.field.reporterName')}</dt>
      <dd>
        {incident.reporterName} {incident.reporterContact}
      </dd>
      {incident.description && (
        <>
          <dt>{t('incidents.field.description')}</dt>
          <dd>{incident.description}</dd>
        </>
      )}
    </dl>
  )
}

/** 事故: grade, casualties, reporting deadlines, status, dispatch, 续报 and the timeline. */
export function IncidentPanel({ panel }: { panel: IncidentPanelState }) {
  const t = useT()
  const close = usePanels((s) => s.close)
  const pin = usePanels((s) => s.pin)
  const { data: incident, error, isPending } = useIncident(panel.content.id)
  const title = incident
    ? `${incident.exercise ? `【${t('drills.exercise')}】` : ''}${incident.type} · ${incident.address || incident.regionName}`
    : '…'
  return (
    <AttachedPanel
      id={panel.id}
      anchor={panel.anchor}
      title={title}
      pinned={panel.pinned}
      onPin={(p) => pin(panel.id, p)}
      onClose={() => close(panel.id)}
    >
      {isPending ? (
        <p className="panel-status">{t('panel.loading')}</p>
      ) : error ? (
        <p className="panel-status panel-status--error">
          {t('panel.error', { detail: error.message })}
        </p>
      ) : (
        <div
          className="incident-panel"
          data-incident={incident.id}
          data-exercise={incident.exercise ? 'true' : undefined}
        >
          <div className="record-badges">
            {incident.exercise && <ExerciseBadge />}
            <IncidentGradeChip grade={incident.grade} />
            <span className="badge" data-field="status">
              {t(`incidents.status.${incident.status}`)}
            </span>
            <span className="badge">{incident.type}</span>
          </div>
          <Facts incident={incident} />
          <StatusSteps incident={incident} />
          {incident.exercise ? (
            <p className="panel-status exercise-note" data-field="exercise-note">
              {t('drills.exerciseNote')}
            </p>
          ) : (
            <Obligations incident={incident} />
          )}
          <IncidentPlans incident={incident} />
          <DispatchSection incident={incident} />
          {incident.canEdit && <UpdateForm key={incident.version} incident={incident} />}
          {incident.canEdit && <NoteForm incident={incident} />}
          <Timeline incident={incident} />
        </div>
      )}
    </AttachedPanel>
  )
}
