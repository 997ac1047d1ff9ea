import { useDrillsUi } from './drills-store.ts'
import { problemMessage } from '../i18n/field-error.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { AttachedPanel } from '../panels/AttachedPanel.tsx'
import { usePanels, type PanelState } from '../state/panels.ts'
import { ExerciseBadge } from './ExerciseBadge.tsx'
import { EvaluationForm, EvaluationResult } from './DrillEvaluation.tsx'
import { DrillReplay } from './DrillReplay.tsx'
import { useDrill, useRunDrill, type DrillDetail } from './drills-api.ts'

export type DrillPanelState = PanelState & { content: { kind: 'drill' } }

function Facts({ drill }: { drill: DrillDetail }) {
  const t = useT()
  const date = useDateFormat()
  const s = drill.scenario
  return (
    <dl className="facts">
      <dt>{t('drills.field.plan')}</dt>
      <dd>
        {drill.planTitle} {t('drills.versionShort', { number: drill.planVersionNumber })}
      </dd>
      <dt>{t('drills.field.scheduledAt')}</dt>
      <dd>{date(drill.scheduledAt)}</dd>
      <dt>{t('incidents.field.address')}</dt>
      <dd>{drill.address || drill.regionName}</dd>
      <dt>{t('drills.scenario')}</dt>
      <dd>
        {s.type} · {s.title}
        {s.substanceCas && ` · CAS ${s.substanceCas}`}
      </dd>
      {drill.participants.agencies.length + drill.participants.teams.length > 0 && (
        <>
          <dt>{t('drills.participants')}</dt>
          <dd>
            {t('drills.participantsCount', {
              agencies: drill.participants.agencies.length,
              teams: drill.participants.teams.length,
            })}
          </dd>
        </>
      )}
      {drill.startedAt && (
        <>
          <dt>{t('drills.startedAt')}</dt>
          <dd>{date(drill.startedAt)}</dd>
        </>
      )}
    </dl>
  )
}

function Injections({ drill }: { drill: DrillDetail }) {
  const t = useT()
  const date = useDateFormat()
  if (drill.injections.length === 0) return null
  return (
    <section data-field="injections">
      <h3 className="panel-subhead">{t('drills.injections')}</h3>
      <ul className="drill-injections">
        {drill.injections.map((x) => (
          <li key={x.seq} data-applied={x.appliedAt ? 'true' : 'false'}>
            <strong>{t('drills.atMinute', { n: x.minute })}</strong> {x.text}
            {x.deaths !== undefined && ` · ${t('incidents.field.deaths')} ${x.deaths}`}
            {x.status && ` · ${t(`incidents.status.${x.status}`)}`}
            <small>
              {' '}
              {x.appliedAt
                ? t('drills.applied', { at: date(x.appliedAt) })
                : x.dueAt
                  ? t('drills.due', { at: date(x.dueAt) })
                  : ''}
            </small>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** 应急演练 panel at the drill's place: facts, run, injected updates, evaluation, replay. */
export function DrillPanel({ panel }: { panel: DrillPanelState }) {
  const t = useT()
  const close = usePanels((s) => s.close)
  const pin = usePanels((s) => s.pin)
  const open = usePanels((s) => s.open)
  const { data: drill, error, isPending } = useDrill(panel.content.id)
  const run = useRunDrill(panel.content.id)
  return (
    <AttachedPanel
      id={panel.id}
      anchor={panel.anchor}
      title={drill ? `${t('drills.panelTitle')} · ${drill.title}` : '…'}
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
        <div className="drill-panel" data-drill={drill.id} data-status={drill.status}>
          <div className="record-badges">
            <ExerciseBadge />
            <span className="badge">{t(`drills.kind.${drill.kind}`)}</span>
            <span className="badge" data-field="status">
              {t(`drills.status.${drill.status}`)}
            </span>
          </div>
          <Facts drill={drill} />
          {drill.status === 'scheduled' && drill.canEdit && (
            <button
              type="button"
              className="button button--primary"
              data-action="run"
              disabled={run.isPending}
              onClick={() => run.mutate({ version: drill.version })}
            >
              {t('drills.run')}
            </button>
          )}
          {run.error && <p className="field-error">{problemMessage(t, run.error)}</p>}
          {drill.incidentId && (
            <button
              type="button"
              className="link-button"
              data-action="open-incident"
              onClick={() => {
                // The drawer would cover the incident panel's header on a laptop screen.
                useDrillsUi.getState().setOpen(false)
                open({ content: { kind: 'incident', id: drill.incidentId! }, anchor: drill.place })
              }}
            >
              {t('drills.openIncident')}
            </button>
          )}
          <Injections drill={drill} />
          {drill.status === 'running' && drill.canEdit && <EvaluationForm drill={drill} />}
          <EvaluationResult drill={drill} />
          {drill.startedAt && <DrillReplay drill={drill} />}
        </div>
      )}
    </AttachedPanel>
  )
}
