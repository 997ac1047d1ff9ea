import { useEffect, useState, type FormEvent } from 'react'
import { alertEventTypes } from '../../../server/domain/alerts/alert-shape.ts'
import { isApiProblem } from '../api/http.ts'
import { useT } from '../i18n/use-t.ts'
import { warningLevels } from './alert-style.ts'
import { useIssueAlert, type AlertCreate, type AlertDetail, type AlertLevel } from './alerts-api.ts'
import { drawnPolygon, useAlertDraw, type DrawMode } from './draw-store.ts'

type AreaMode = DrawMode | 'regions'

/** datetime-local value (local time, minutes) ↔ ISO. */
const localInput = (d: Date) => {
  const off = d.getTimezoneOffset() * 60_000
  return new Date(d.getTime() - off).toISOString().slice(0, 16)
}

/** 发布预警: level, type, texts, times and the area drawn on the map (or chosen regions). */
export function IssueForm({ onDone }: { onDone: (alert: AlertDetail | null) => void }) {
  const t = useT()
  const issue = useIssueAlert()
  const draw = useAlertDraw()
  const [areaMode, setAreaMode] = useState<AreaMode>('polygon')
  const [level, setLevel] = useState<AlertLevel>('三级')
  const [eventType, setEventType] = useState('暴雨')
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [instructions, setInstructions] = useState('')
  const [audience, setAudience] = useState('')
  const [areaDesc, setAreaDesc] = useState('')
  const [codes, setCodes] = useState('')
  const [exercise, setExercise] = useState(false)
  const [onset, setOnset] = useState(() => localInput(new Date()))
  const [expiresAt, setExpiresAt] = useState(() => localInput(new Date(Date.now() + 6 * 3600_000)))
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (areaMode === 'regions') useAlertDraw.getState().stop()
    else useAlertDraw.getState().start(areaMode)
  }, [areaMode])
  useEffect(
    () => () => {
      useAlertDraw.getState().clear()
      useAlertDraw.getState().stop()
    },
    [],
  )

  const area = (): AlertCreate['area'] | null => {
    if (areaMode === 'regions') {
      const list = codes.split(/[,，\s]+/).filter(Boolean)
      return list.length > 0 ? { kind: 'regions', codes: list } : null
    }
    if (areaMode === 'circle') {
      const center = draw.points[0]
      return center && draw.radiusM ? { kind: 'circle', center, radiusM: draw.radiusM } : null
    }
    const polygons = drawnPolygon(draw.points)
    return polygons ? { kind: 'polygon', polygons } : null
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const a = area()
    if (!a) return setError(t('alerts.form.needArea'))
    setError(null)
    issue.mutate(
      {
        level,
        eventType,
        title: title || `${eventType}预警`,
        text,
        instructions,
        audience,
        area: a,
        areaDesc,
        onset: new Date(onset).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
        exercise,
      },
      {
        onSuccess: (alert) => onDone(alert),
        onError: (e) =>
          setError(
            isApiProblem(e)
              ? `${e.detail ?? e.title} ${e.errors.map((x) => x.field).join(', ')}`
              : String(e),
          ),
      },
    )
  }

  return (
    <form
      className="alert-form"
      onSubmit={submit}
      data-testid="alert-form"
      aria-label={t('alerts.form.title')}
    >
      <h3>{t('alerts.form.title')}</h3>
      <div className="alert-form__row">
        <label>
          {t('alerts.form.level')}
          <select
            name="level"
            value={level}
            onChange={(e) => setLevel(e.target.value as AlertLevel)}
          >
            {warningLevels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.form.eventType')}
          <select name="eventType" value={eventType} onChange={(e) => setEventType(e.target.value)}>
            {Object.keys(alertEventTypes).map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('alerts.form.titleField')}
        <input
          name="title"
          value={title}
          placeholder={`${eventType}预警`}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        {t('alerts.form.text')}
        <textarea name="text" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        {t('alerts.form.instructions')}
        <textarea
          name="instructions"
          rows={2}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
        />
      </label>
      <label>
        {t('alerts.form.audience')}
        <input name="audience" value={audience} onChange={(e) => setAudience(e.target.value)} />
      </label>
      <div className="alert-form__row">
        <label>
          {t('alerts.form.onset')}
          <input
            type="datetime-local"
            name="onset"
            value={onset}
            onChange={(e) => setOnset(e.target.value)}
          />
        </label>
        <label>
          {t('alerts.form.expiresAt')}
          <input
            type="datetime-local"
            name="expiresAt"
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.target.value)}
          />
        </label>
      </div>
      <fieldset className="alert-form__area">
        <legend>{t('alerts.form.area')}</legend>
        {(['polygon', 'circle', 'regions'] as const).map((m) => (
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
          <input
            name="codes"
            aria-label={t('alerts.form.regionCodes')}
            placeholder="610113, 610112"
            value={codes}
            onChange={(e) => setCodes(e.target.value)}
          />
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
        <input
          name="areaDesc"
          aria-label={t('alerts.form.areaDesc')}
          placeholder={t('alerts.form.areaDesc')}
          value={areaDesc}
          onChange={(e) => setAreaDesc(e.target.value)}
        />
      </fieldset>
      <label className="alert-form__choice">
        <input
          type="checkbox"
          name="exercise"
          checked={exercise}
          onChange={(e) => setExercise(e.target.checked)}
        />
        {t('alerts.form.exercise')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="alert-form__actions">
        <button type="button" onClick={() => onDone(null)}>
          {t('alerts.form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={issue.isPending} data-action="issue">
          {t('alerts.form.submit')}
        </button>
      </div>
    </form>
  )
}
