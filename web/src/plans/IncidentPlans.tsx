import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { responseLevels, type ResponseLevel } from '../../../server/domain/plans/plan-shape.ts'
import { useDispatch } from '../dispatch/dispatch-api.ts'
import { problemMessage } from '../i18n/field-error.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import type { IncidentDetail } from '../incidents/incidents-api.ts'
import { panelId, usePanels } from '../state/panels.ts'
import {
  useActivate,
  useActivations,
  useEndActivation,
  planKeys,
  usePlanMatches,
  useTickStep,
  type ActivationDetail,
  type PlanMatches,
} from './plans-api.ts'

const resourceKinds = ['team', 'warehouse', 'equipment', 'expert', 'shelter', 'medical']

type Match = PlanMatches['matches'][number]

function MatchRow(props: { match: Match; incident: IncidentDetail; best: boolean }) {
  const { match, incident, best } = props
  const t = useT()
  const open = usePanels((s) => s.open)
  const activate = useActivate(incident.id)
  const [level, setLevel] = useState<ResponseLevel>('IV')
  const openBeside = () =>
    open({
      content: { kind: 'plan', id: match.plan.id },
      anchor: incident.location,
      beside: panelId({ kind: 'incident', id: incident.id }),
    })
  return (
    <li className="plan-match" data-plan={match.plan.id} data-best={best}>
      <div className="plan-match__head">
        <strong>{match.plan.title}</strong>
        <span className="badge">{t(`plans.level.${match.plan.level}`)}</span>
        {match.plan.overdue && <span className="badge plan-overdue">{t('plans.overdue')}</span>}
      </div>
      <ul className="plan-match__reasons" aria-label="reasons">
        {match.reasons.map((r) => (
          <li key={r.code} className="chip" data-reason={r.code}>
            {t(`plans.reason.${r.code}`)}
          </li>
        ))}
      </ul>
      <div className="plan-match__actions">
        <button
          type="button"
          className="button button--small"
          data-action="open-plan"
          onClick={openBeside}
        >
          {t('plans.open')}
        </button>
        {incident.canEdit && (
          <>
            <select
              aria-label={t('plans.activateLevel')}
              name="responseLevel"
              value={level}
              onChange={(e) => setLevel(e.target.value as ResponseLevel)}
            >
              {responseLevels.map((l) => (
                <option key={l} value={l}>
                  {t(`plans.response.${l}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small button--primary"
              data-action="activate-plan"
              disabled={activate.isPending}
              onClick={() => activate.mutate({ planId: match.plan.id, responseLevel: level })}
            >
              {t('plans.activate')}
            </button>
          </>
        )}
      </div>
      {activate.error && (
        <p className="panel-status panel-status--error">{problemMessage(t, activate.error)}</p>
      )}
    </li>
  )
}

function Checklist({
  activation,
  incident,
}: {
  activation: ActivationDetail
  incident: IncidentDetail
}) {
  const t = useT()
  const date = useDateFormat()
  const tick = useTickStep(incident.id)
  return (
    <ol className="plan-checklist" data-testid="plan-checklist">
      {activation.checklist.map((item) => (
        <li
          key={item.step.key}
          className="plan-checklist__step"
          data-step={item.step.key}
          data-done={item.done}
          data-late={item.late}
        >
          <span className="plan-checklist__title">{item.step.title}</span>
          <span className="plan-checklist__meta">
            {item.step.role} · {t('plans.due', { time: date(item.dueAt) })}
          </span>
          {item.done ? (
            <span className="plan-checklist__done">
              ✓ {t('plans.doneBy', { who: item.doneBy ?? '', when: date(item.doneAt ?? '') })}
              {item.doneLate && <span className="badge plan-late"> {t('plans.doneLate')}</span>}
            </span>
          ) : (
            <span className="plan-checklist__todo">
              {item.late && <span className="badge plan-late">{t('plans.late')}</span>}
              {activation.canEdit && (
                <button
                  type="button"
                  className="button button--small"
                  data-action="tick-step"
                  disabled={tick.isPending}
                  onClick={() => tick.mutate({ activationId: activation.id, key: item.step.key })}
                >
                  {t('plans.tick')}
                </button>
              )}
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}

/** 响应终止: two clicks (the second confirms), with the version read. */
function EndResponse({
  activation,
  incidentId,
}: {
  activation: ActivationDetail
  incidentId: string
}) {
  const t = useT()
  const end = useEndActivation(incidentId)
  const [asking, setAsking] = useState(false)
  return (
    <div className="plan-activation__end">
      {asking ? (
        <>
          <span>{t('plans.endConfirm')}</span>
          <button
            type="button"
            className="button button--small button--primary"
            data-action="confirm-end"
            disabled={end.isPending}
            onClick={() =>
              end.mutate(
                { activationId: activation.id, version: activation.version, note: '' },
                { onSettled: () => setAsking(false) },
              )
            }
          >
            {t('plans.end')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAsking(false)}>
            {t('incidents.form.cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--small"
          data-action="end-plan"
          onClick={() => setAsking(true)}
        >
          {t('plans.end')}
        </button>
      )}
      {end.error && (
        <p className="panel-status panel-status--error">{problemMessage(t, end.error)}</p>
      )}
    </div>
  )
}

function Shortfall({
  activation,
  incident,
}: {
  activation: ActivationDetail
  incident: IncidentDetail
}) {
  const t = useT()
  const dispatch = useDispatch(incident.id)
  const queryClient = useQueryClient()
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: planKeys.activations(incident.id) })
  const missing = activation.shortfall.filter((s) => s.missing > 0)
  const kindLabel = (k: string) =>
    resourceKinds.includes(k) ? t(`resource.kind.${k}` as 'resource.kind.team') : k
  return (
    <section className="plan-shortfall" data-testid="plan-shortfall">
      <h4 className="panel-minorhead">{t('plans.shortfall')}</h4>
      {missing.length === 0 ? (
        <p className="panel-status">{t('plans.noShortfall')}</p>
      ) : (
        <ul>
          {missing.map((s) => (
            <li key={s.kind} data-kind={s.kind}>
              <span className="plan-shortfall__kind">{kindLabel(s.kind)}</span>
              <span className="plan-shortfall__counts">
                {t('plans.shortfallLine', {
                  required: s.required,
                  dispatched: s.dispatched,
                  missing: s.missing,
                })}
              </span>
              {s.recommendation ? (
                activation.canEdit && (
                  <button
                    type="button"
                    className="button button--small button--primary"
                    data-action="dispatch-shortfall"
                    disabled={dispatch.isPending}
                    title={t('plans.dispatchEta', { min: s.recommendation.etaMinutes })}
                    onClick={() =>
                      dispatch.mutate(
                        {
                          resourceIds: [s.recommendation!.resourceId],
                          note: `${activation.planTitle}：${kindLabel(s.kind)}`,
                        },
                        { onSettled: refresh },
                      )
                    }
                  >
                    {t('plans.dispatchOne', { name: s.recommendation.name })}
                  </button>
                )
              ) : (
                <span className="panel-status">{t('plans.noCandidate')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {dispatch.error && (
        <p className="panel-status panel-status--error">{problemMessage(t, dispatch.error)}</p>
      )}
    </section>
  )
}

/** 预案 on the incident panel: plans that apply (why), start one, its checklist and shortfall. */
export function IncidentPlans({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const date = useDateFormat()
  const matches = usePlanMatches(incident.id)
  const activations = useActivations(incident.id)
  const started = new Set(activations.data?.activations.map((a) => a.planId))
  const list = (matches.data?.matches ?? []).filter((m) => !started.has(m.plan.id)).slice(0, 4)
  return (
    <section className="incident-plans" data-testid="incident-plans">
      <h3 className="panel-subhead">{t('plans.section')}</h3>
      {activations.data?.activations.map((a) => (
        <div
          key={a.id}
          className="plan-activation"
          data-activation={a.id}
          data-ended={a.endedAt !== null}
        >
          <p className="plan-activation__head">
            <strong>{t('plans.activation', { title: a.planTitle, n: a.versionNumber })}</strong>{' '}
            <span className="badge plan-response">{t(`plans.response.${a.responseLevel}`)}</span>
            {a.endedAt && (
              <span className="badge badge--dark plan-ended" data-field="ended">
                {t('plans.ended')}
              </span>
            )}
          </p>
          {a.endedAt && (
            <p className="panel-status">
              {t('plans.endedBy', { who: a.endedBy ?? '', when: date(a.endedAt) })}
            </p>
          )}
          <p className="panel-status">
            {[a.trigger, t('plans.startedBy', { who: a.startedBy, when: date(a.startedAt) })]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <h4 className="panel-minorhead">{t('plans.checklist')}</h4>
          <Checklist activation={a} incident={incident} />
          {a.endedAt === null && <Shortfall activation={a} incident={incident} />}
          {a.canEdit && <EndResponse activation={a} incidentId={incident.id} />}
        </div>
      ))}
      <h4 className="panel-minorhead">{t('plans.matches')}</h4>
      {matches.isPending ? (
        <p className="panel-status">{t('panel.loading')}</p>
      ) : list.length === 0 ? (
        <p className="panel-status">{t('plans.noMatches')}</p>
      ) : (
        <ol className="plan-matches">
          {list.map((m, i) => (
            <MatchRow key={m.plan.id} match={m} incident={incident} best={i === 0} />
          ))}
        </ol>
      )}
    </section>
  )
}
