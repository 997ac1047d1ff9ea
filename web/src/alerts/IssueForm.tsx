import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { alertEventTypes } from '../../../server/domain/alerts/alert-shape.ts'
import { isApiProblem } from '../api/http.ts'
import { fieldErrors } from '../incidents/field-errors.ts'
import { useT } from '../i18n/use-t.ts'
import { warningLevels } from './alert-style.ts'
import {
  alertKeys,
  useIssueAlert,
  useUpdateAlert,
  type AlertCreate,
  type AlertDetail,
  type AlertLevel,
} from './alerts-api.ts'
import {
  alertFormFields,
  changesOf,
  initialValues,
  type AlertFormValues,
} from './alert-form-values.ts'
import { drawnPolygon, useAlertDraw, type DrawMode } from './draw-store.ts'
import { RegionPicker } from './RegionPicker.tsx'

type AreaMode = DrawMode | 'regions' | 'keep'

/** A labelled field with the server's message for it beside it. */
function Field(props: { label: string; error: string | undefined; children: ReactNode }) {
  return (
    <label data-invalid={props.error ? 'true' : undefined}>
      {props.label}
      {props.children}
      {props.error && <span className="field-error">{props.error}</span>}
    </label>
  )
}

/**
 * 发布预警, and 更新 of an issued alert (`alert` given): level, type, texts, times and the area
 * drawn on the map or chosen as regions. An update starts from the alert as it stands, keeps
 * its area unless redrawn, and sends only what changed with the version it was read at.
 */
export function IssueForm({
  alert,
  notice,
  onConflict,
  onDone,
}: {
  alert?: AlertDetail
  /** Shown above the fields (an update that met a newer version says so here). */
  notice?: string | null
  onConflict?: () => void
  onDone: (alert: AlertDetail | null) => void
}) {
  const t = useT()
  const queryClient = useQueryClient()
  const issue = useIssueAlert()
  const update = useUpdateAlert(alert?.id ?? '')
  const draw = useAlertDraw()
  const editing = alert !== undefined
  const [areaMode, setAreaMode] = useState<AreaMode>(editing ? 'keep' : 'polygon')
  const [v, setValues] = useState<AlertFormValues>(() => initialValues(alert))
  const set = (patch: Partial<AlertFormValues>) => setValues((old) => ({ ...old, ...patch }))
  const [exercise, setExercise] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [message, setMessage] = useState<string | null>(null)

  useEffect(() => {
    if (areaMode === 'keep') useAlertDraw.getState().stop()
    else useAlertDraw.getState().start(areaMode)
  }, [areaMode])
  useEffect(() => {
    useAlertDraw
      .getState()
      .setRegions(alert?.areaKind === 'regions' ? [...alert.areaRegionCodes] : [])
    return () => {
      useAlertDraw.getState().clear()
      useAlertDraw.getState().setRegions([])
      useAlertDraw.getState().stop()
    }
  }, [alert])

  const area = (): AlertCreate['area'] | null => {
    if (areaMode === 'keep') return null
    if (areaMode === 'regions') {
      return draw.regionCodes.length > 0 ? { kind: 'regions', codes: draw.regionCodes } : null
    }
    if (areaMode === 'circle') {
      const center = draw.points[0]
      return center && draw.radiusM ? { kind: 'circle', center, radiusM: draw.radiusM } : null
    }
    const polygons = drawnPolygon(draw.points)
    return polygons ? { kind: 'polygon', polygons } : null
  }

  const failed = (e: unknown) => {
    if (alert && isApiProblem(e) && e.status === 409) {
      // Someone saved a newer version: reload it; the form starts again from it.
      void queryClient.invalidateQueries({ queryKey: alertKeys.detail(alert.id) })
      onConflict?.()
      return
    }
    setError(e)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const a = area()
    setError(null)
    setMessage(null)
    if (!a && areaMode !== 'keep') return setMessage(t('alerts.form.needArea'))
    if (alert) {
      const body = changesOf(alert, v, a)
      if (Object.keys(body).length === 1) return setMessage(t('alerts.form.nothingChanged'))
      update.mutate(body, { onSuccess: (x) => onDone(x), onError: failed })
      return
    }
    issue.mutate(
      {
        level: v.level,
        eventType: v.eventType,
        title: v.title || `${v.eventType}预警`,
        text: v.text,
        instructions: v.instructions,
        audience: v.audience,
        area: a!,
        areaDesc: v.areaDesc,
        onset: new Date(v.onset).toISOString(),
        expiresAt: new Date(v.expiresAt).toISOString(),
        exercise,
      },
      { onSuccess: (x) => onDone(x), onError: failed },
    )
  }

  const { byField, rest } = fieldErrors(error, alertFormFields, t)
  const pending = issue.isPending || update.isPending
  const modes: AreaMode[] = editing
    ? ['keep', 'polygon', 'circle', 'regions']
    : ['polygon', 'circle', 'regions']
  const heading = editing ? t('alerts.form.updateTitle') : t('alerts.form.title')
  return (
    <form className="alert-form" onSubmit={submit} data-testid="alert-form" aria-label={heading}>
      <h3>{heading}</h3>
      {notice && (
        <p className="form-error" role="alert" data-field="notice">
          {notice}
        </p>
      )}
      <div className="alert-form__row">
        <Field label={t('alerts.form.level')} error={byField.level}>
          <select
            name="level"
            value={v.level}
            onChange={(e) => set({ level: e.target.value as AlertLevel })}
          >
            {warningLevels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('alerts.form.eventType')} error={byField.eventType}>
          <select
            name="eventType"
            value={v.eventType}
            onChange={(e) => set({ eventType: e.target.value })}
          >
            {[...new Set([...Object.keys(alertEventTypes), v.eventType])].map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('alerts.form.titleField')} error={byField.title}>
        <input
          name="title"
          value={v.title}
          placeholder={`${v.eventType}预警`}
          onChange={(e) => set({ title: e.target.value })}
        />
      </Field>
      <Field label={t('alerts.form.text')} error={byField.text}>
        <textarea
          name="text"
          rows={2}
          value={v.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </Field>
      <Field label={t('alerts.form.instructions')} error={byField.instructions}>
        <textarea
          name="instructions"
          rows={2}
          value={v.instructions}
          onChange={(e) => set({ instructions: e.target.value })}
        />
      </Field>
      <Field label={t('alerts.form.audience')} error={byField.audience}>
        <input
          name="audience"
          value={v.audience}
          onChange={(e) => set({ audience: e.target.value })}
        />
      </Field>
      <div className="alert-form__row">
        <Field label={t('alerts.form.onset')} error={byField.onset}>
          <input
            type="datetime-local"
            name="onset"
            value={v.onset}
            onChange={(e) => set({ onset: e.target.value })}
          />
        </Field>
        <Field label={t('alerts.form.expiresAt')} error={byField.expiresAt}>
          <input
            type="datetime-local"
            name="expiresAt"
            value={v.expiresAt}
            onChange={(e) => set({ expiresAt: e.target.value })}
          />
        </Field>
      </div>
      <fieldset className="alert-form__area">
        <legend>{t('alerts.form.area')}</legend>
        {modes.map((m) => (
          <label key={m} className="alert-form__choice">
            <input
              type="radio"
              name="areaMode"
              value={m}
              checked={areaMode === m}
              onChange={() => setAreaMode(m)}
            />
            {t(`alerts.form.${m}`)}
          </label>
        ))}
        {areaMode === 'regions' ? (
          <RegionPicker />
        ) : areaMode === 'keep' ? (
          <p className="panel-status" data-field="draw-hint">
            {alert?.areaDesc || alert?.regionName}
          </p>
        ) : (
          <p className="panel-status" data-field="draw-hint">
            {areaMode === 'polygon'
              ? t('alerts.form.drawHintPolygon', { n: draw.points.length })
              : draw.radiusM
                ? t('alerts.form.radius', { km: (draw.radiusM / 1000).toFixed(2) })
                : t('alerts.form.drawHintCircle')}{' '}
            <button type="button" className="link-button" onClick={() => draw.clear()}>
              {t('alerts.form.redraw')}
            </button>
          </p>
        )}
        {byField.area && <span className="field-error">{byField.area}</span>}
        <input
          name="areaDesc"
          aria-label={t('alerts.form.areaDesc')}
          placeholder={t('alerts.form.areaDesc')}
          value={v.areaDesc}
          onChange={(e) => set({ areaDesc: e.target.value })}
        />
        {byField.areaDesc && <span className="field-error">{byField.areaDesc}</span>}
      </fieldset>
      {!editing && (
        <label className="alert-form__choice">
          <input
            type="checkbox"
            name="exercise"
            checked={exercise}
            onChange={(e) => setExercise(e.target.checked)}
          />
          {t('alerts.form.exercise')}
        </label>
      )}
      {(message ?? rest) && (
        <p className="form-error" role="alert">
          {message ?? rest}
        </p>
      )}
      <div className="alert-form__actions">
        <button type="button" onClick={() => onDone(null)}>
          {t('alerts.form.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={pending}
          data-action={editing ? 'save-alert' : 'issue'}
        >
          {editing ? t('alerts.panel.save') : t('alerts.form.submit')}
        </button>
      </div>
    </form>
  )
}
