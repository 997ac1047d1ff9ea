import { useState } from 'react'
import { isApiProblem } from '../api/http.ts'
import { problemMessage } from '../i18n/field-error.ts'
import { useDateFormat, useNumberFormat, useT } from '../i18n/use-t.ts'
import type { IncidentDetail } from '../incidents/incidents-api.ts'
import {
  DISPATCH_STEPS,
  useDispatch,
  useDispatchStatus,
  useRecommendations,
  type DispatchStatus,
} from './dispatch-api.ts'

const resourceKinds = ['team', 'warehouse', 'equipment', 'expert', 'shelter', 'medical'] as const

type Dispatch = IncidentDetail['dispatches'][number]

const stepTime = (d: Dispatch, s: DispatchStatus) =>
  s === 'dispatched'
    ? d.dispatchedAt
    : s === 'en_route'
      ? d.enRouteAt
      : s === 'on_scene'
        ? d.onSceneAt
        : d.withdrawnAt

/** 已派出 → 在途 → 到场 → 撤回, each step with its time; the next ones as buttons. */
function DispatchRow({ dispatch, incident }: { dispatch: Dispatch; incident: IncidentDetail }) {
  const t = useT()
  const date = useDateFormat()
  const change = useDispatchStatus(incident.id)
  const at = DISPATCH_STEPS.indexOf(dispatch.status as DispatchStatus)
  return (
    <li className="dispatch" data-dispatch-id={dispatch.id} data-status={dispatch.status}>
      <div className="dispatch__head">
        <strong>{dispatch.resourceName}</strong>
        <span className="badge">{dispatch.category}</span>
        {dispatch.etaMinutes !== null && (
          <span className="badge">{t('dispatch.eta', { min: dispatch.etaMinutes })}</span>
        )}
      </div>
      <ol className="steps steps--small">
        {DISPATCH_STEPS.map((s, i) => {
          const time = stepTime(dispatch, s)
          return (
            <li
              key={s}
              className="steps__step"
              data-status={s}
              data-state={i < at ? 'past' : i === at ? 'current' : 'future'}
            >
              {t(`dispatch.status.${s}`)}
              {time && <time dateTime={time}>{date(time)}</time>}
            </li>
          )
        })}
      </ol>
      {incident.canEdit && dispatch.status !== 'withdrawn' && (
        <div className="dispatch__actions">
          {DISPATCH_STEPS.slice(at + 1).map((s) => (
            <button
              key={s}
              type="button"
              className="button button--small"
              data-action={`dispatch-${s}`}
              disabled={change.isPending}
              onClick={() => change.mutate({ id: dispatch.id, status: s })}
            >
              {t(`dispatch.status.${s}`)}
            </button>
          ))}
        </div>
      )}
      {change.error && (
        <p className="field-error" role="alert">
          {problemMessage(t, change.error)}
        </p>
      )}
    </li>
  )
}

/**
 * 调度: the server's recommendations (nearest available resources ranked by ETA and fitness
 * for this incident type), picked or accepted as a whole, with a note; then the dispatched
 * resources and their steps.
 */
export function DispatchSection({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const num = useNumberFormat(1)
  const canDispatch = incident.canEdit && incident.status !== 'closed'
  const recommendations = useRecommendations(incident.id, canDispatch)
  const send = useDispatch(incident.id)
  const [picked, setPicked] = useState<string[]>([])
  const [note, setNote] = useState('')
  const candidates = recommendations.data?.candidates ?? []
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))
  const dispatchIds = (resourceIds: string[]) =>
    send.mutate(
      { resourceIds, note: note.trim() },
      {
        onSuccess: () => {
          setPicked([])
          setNote('')
        },
      },
    )
  const kindLabel = (kind: string) =>
    (resourceKinds as readonly string[]).includes(kind)
      ? t(`resource.kind.${kind as (typeof resourceKinds)[number]}`)
      : kind
  const conflict = isApiProblem(send.error) && send.error.status === 409

  return (
    <section data-field="dispatch">
      <h3 className="panel-subhead">{t('dispatch.title')}</h3>
      {incident.dispatches.length > 0 && (
        <ul className="dispatches">
          {incident.dispatches.map((d) => (
            <DispatchRow key={d.id} dispatch={d} incident={incident} />
          ))}
        </ul>
      )}
      {canDispatch && (
        <div className="recommendations" data-field="recommendations">
          <h4 className="panel-minorhead">{t('dispatch.recommended')}</h4>
          {recommendations.isPending ? (
            <p className="panel-status">{t('panel.loading')}</p>
          ) : candidates.length === 0 ? (
            <p className="panel-status">{t('dispatch.none')}</p>
          ) : (
            <ul className="recommendation-list">
              {candidates.map((c, i) => (
                <li key={c.resourceId} data-resource-id={c.resourceId}>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked.includes(c.resourceId)}
                      onChange={() => toggle(c.resourceId)}
                    />
                    <span className="recommendation__rank">{i + 1}</span>
                    <span className="recommendation__name">{c.name}</span>
                    <span className="badge">{kindLabel(c.kind)}</span>
                    <span className="recommendation__meta">
                      {c.category} · {num(c.distanceKm)} km ·{' '}
                      {t('dispatch.eta', { min: Math.round(c.etaMinutes) })}
                    </span>
                    <span className="recommendation__why">{c.reason}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <input
            className="dispatch-note"
            name="dispatch-note"
            value={note}
            placeholder={t('dispatch.note')}
            aria-label={t('dispatch.note')}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="dispatch__actions">
            <button
              type="button"
              className="button button--primary"
              data-action="dispatch-send"
              disabled={send.isPending || picked.length === 0}
              onClick={() => dispatchIds(picked)}
            >
              {t('dispatch.send', { n: picked.length })}
            </button>
            <button
              type="button"
              className="button"
              data-action="dispatch-accept"
              disabled={send.isPending || candidates.length === 0}
              onClick={() => dispatchIds(candidates.slice(0, 3).map((c) => c.resourceId))}
            >
              {t('dispatch.accept')}
            </button>
          </div>
          {send.error && (
            <p className="field-error" role="alert" data-testid="dispatch-error">
              {conflict ? t('dispatch.conflict') : problemMessage(t, send.error)}
            </p>
          )}
        </div>
      )}
    </section>
  )
}
