import { useState, type FormEvent } from 'react'
import { isApiProblem } from '../api/http.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { fieldErrors } from './field-errors.ts'
import { GradePreview } from './GradePreview.tsx'
import { useIncidentNote, useUpdateIncident, type IncidentDetail } from './incidents-api.ts'

const FIELDS = ['deaths', 'seriousInjuries', 'missing', 'directLossYuan', 'description'] as const
const asCount = (raw: string) => (raw.trim() === '' ? 0 : Number(raw))

/** 续报: new casualty figures (re-graded by the server) and what changed, with the version read. */
export function UpdateForm({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const date = useDateFormat()
  const update = useUpdateIncident(incident.id)
  const [deaths, setDeaths] = useState(String(incident.deaths))
  const [serious, setSerious] = useState(String(incident.seriousInjuries))
  const [missing, setMissing] = useState(String(incident.missing))
  const [loss, setLoss] = useState(String(incident.directLossYuan))
  const [description, setDescription] = useState(incident.description)
  const { byField, rest } = fieldErrors(update.error, FIELDS, t)
  const stale = isApiProblem(update.error) && update.error.status === 409
  const figures = [asCount(deaths), asCount(serious), asCount(loss)]
  const preview = figures.every((n) => Number.isInteger(n) && n >= 0)
    ? { deaths: figures[0]!, seriousInjuries: figures[1]!, directLossYuan: figures[2]! }
    : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    update.mutate({
      version: incident.version,
      deaths: asCount(deaths),
      seriousInjuries: asCount(serious),
      missing: asCount(missing),
      directLossYuan: asCount(loss),
      description: description.trim(),
    })
  }

  const count = (name: (typeof FIELDS)[number], value: string, set: (v: string) => void) => (
    <label className="form-field" data-invalid={byField[name] ? 'true' : undefined}>
      <span className="form-field__label">{t(`incidents.field.${name}`)}</span>
      <input
        name={name}
        type="number"
        min={0}
        step={1}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
      {byField[name] && <span className="field-error">{byField[name]}</span>}
    </label>
  )

  return (
    <details className="update-form" data-field="update-form">
      <summary>{t('incidents.update')}</summary>
      <form onSubmit={submit} noValidate>
        <p className="panel-status">
          {t('incidents.supplementUntil', { at: date(incident.supplementUntil) })}
        </p>
        <div className="report-form__grid report-form__grid--4">
          {count('deaths', deaths, setDeaths)}
          {count('seriousInjuries', serious, setSerious)}
          {count('missing', missing, setMissing)}
          {count('directLossYuan', loss, setLoss)}
        </div>
        <GradePreview input={preview} />
        <label className="form-field">
          <span className="form-field__label">{t('incidents.field.description')}</span>
          <textarea
            name="description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        {(stale || rest) && (
          <p className="field-error" role="alert">
            {stale ? t('incidents.stale') : rest}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t('incidents.updateSubmit')}
        </button>
      </form>
    </details>
  )
}

/** A note on the timeline (处置情况, a call received…). */
export function NoteForm({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const note = useIncidentNote(incident.id)
  const [text, setText] = useState('')
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!text.trim()) return
        note.mutate({ text: text.trim() }, { onSuccess: () => setText('') })
      }}
    >
      <input
        name="note"
        value={text}
        placeholder={t('incidents.notePlaceholder')}
        aria-label={t('incidents.notePlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button--small" disabled={note.isPending}>
        {t('incidents.addNote')}
      </button>
    </form>
  )
}
