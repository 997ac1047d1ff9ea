import { useState, type FormEvent, type ReactNode } from 'react'
import { useMe } from '../api/auth.ts'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { usePanels } from '../state/panels.ts'
import { fieldErrors } from './field-errors.ts'
import { GradePreview } from './GradePreview.tsx'
import { incidentTypeList } from './incident-enums.ts'
import { useCreateIncident, type IncidentCreate, type IncidentType } from './incidents-api.ts'
import { PlaceSearch } from './PlaceSearch.tsx'
import { useNearby } from './nearby.ts'
import { useReport } from './report-store.ts'

const FIELDS = [
  'type',
  'occurredAt',
  'location',
  'address',
  'enterpriseId',
  'hazardSourceId',
  'deaths',
  'seriousInjuries',
  'missing',
  'directLossYuan',
  'substance',
  'description',
  'reporterName',
  'reporterContact',
] as const

/** `datetime-local` wants local wall time without a zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`
}

/** Counts as typed: empty is 0 for the preview, a non-number stays for the server to name. */
const asCount = (raw: string) => (raw.trim() === '' ? 0 : Number(raw))

function Field(props: { label: string; error: string | undefined; children: ReactNode }) {
  return (
    <label className="form-field" data-invalid={props.error ? 'true' : undefined}>
      <span className="form-field__label">{props.label}</span>
      {props.children}
      {props.error && (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      )}
    </label>
  )
}

/** 事故快报: the report form, for the point chosen on the map (or found by name). */
export function ReportForm() {
  const draft = useReport((s) => s.draft)
  return draft ? <ReportFormInner location={draft.location} address={draft.address} /> : null
}

function ReportFormInner({ location, address }: { location: [number, number]; address: string }) {
  const t = useT()
  const km = useNumberFormat(1)
  const { map } = useMapContext()
  const me = useMe().data
  const cancel = useReport((s) => s.cancel)
  const moveTo = useReport((s) => s.moveTo)
  const openPanel = usePanels((s) => s.open)
  const create = useCreateIncident()
  const nearby = useNearby(location)

  const [type, setType] = useState<IncidentType>('火灾')
  const [occurredAt, setOccurredAt] = useState(() => localInputValue(new Date()))
  const [place, setPlace] = useState(address)
  const [enterpriseId, setEnterpriseId] = useState('')
  const [hazardSourceId, setHazardSourceId] = useState('')
  const [deaths, setDeaths] = useState('0')
  const [serious, setSerious] = useState('0')
  const [missing, setMissing] = useState('0')
  const [lossYuan, setLossYuan] = useState('0')
  const [substance, setSubstance] = useState('')
  const [description, setDescription] = useState('')
  const [reporterName, setReporterName] = useState(me?.displayName ?? '')
  const [reporterContact, setReporterContact] = useState('')
  // The address field follows a new pick until the user types in it.
  const [lastAddress, setLastAddress] = useState(address)
  if (address !== lastAddress) {
    setLastAddress(address)
    if (address) setPlace(address)
  }

  const occurredIso = Number.isNaN(Date.parse(occurredAt))
    ? undefined
    : new Date(occurredAt).toISOString()
  const figures = [asCount(deaths), asCount(serious), asCount(lossYuan)]
  const previewInput = figures.every((n) => Number.isInteger(n) && n >= 0)
    ? {
        deaths: figures[0]!,
        seriousInjuries: figures[1]!,
        directLossYuan: figures[2]!,
        ...(occurredIso && Date.parse(occurredIso) <= Date.now()
          ? { occurredAt: occurredIso }
          : {}),
      }
    : null

  const { byField, rest } = fieldErrors(create.error, FIELDS, t)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body: IncidentCreate = {
      type,
      occurredAt: occurredIso ?? occurredAt,
      location,
      address: place.trim(),
      enterpriseId: enterpriseId || null,
      hazardSourceId: hazardSourceId || null,
      deaths: asCount(deaths),
      seriousInjuries: asCount(serious),
      missing: asCount(missing),
      directLossYuan: asCount(lossYuan),
      substance: substance.trim() || null,
      description: description.trim(),
      reporterName: reporterName.trim(),
      reporterContact: reporterContact.trim(),
    }
    create.mutate(body, {
      onSuccess: (incident) => {
        cancel()
        openPanel({ content: { kind: 'incident', id: incident.id }, anchor: incident.location })
      },
    })
  }

  const count = (value: string, set: (v: string) => void, name: string) => (
    <input
      name={name}
      type="number"
      min={0}
      step={1}
      inputMode="numeric"
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  )

  return (
    <form className="report-form card" data-testid="report-form" onSubmit={submit} noValidate>
      <header className="report-form__header">
        <h2>{t('incidents.form.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={cancel}
        >
          ×
        </button>
      </header>
      <p className="report-form__where" data-field="location">
        {t('incidents.form.at', { lng: location[0].toFixed(5), lat: location[1].toFixed(5) })}
      </p>
      <PlaceSearch
        onPick={(point, name) => {
          moveTo(point, name)
          map.flyTo({ center: point, zoom: Math.max(map.getZoom(), 12) })
        }}
      />
      <div className="report-form__grid report-form__grid--time">
        <Field label={t('incidents.field.type')} error={byField.type}>
          <select
            name="type"
            value={type}
            onChange={(e) => setType(e.target.value as IncidentType)}
          >
            {incidentTypeList.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('incidents.field.occurredAt')} error={byField.occurredAt}>
          <input
            name="occurredAt"
            type="datetime-local"
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
        </Field>
      </div>
      <Field label={t('incidents.field.address')} error={byField.address ?? byField.location}>
        <input name="address" value={place} onChange={(e) => setPlace(e.target.value)} />
      </Field>
      <Field label={t('incidents.field.enterprise')} error={byField.enterpriseId}>
        <select
          name="enterpriseId"
          value={enterpriseId}
          onChange={(e) => setEnterpriseId(e.target.value)}
        >
          <option value="">{t('incidents.form.none')}</option>
          {nearby.enterprises.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name} · {km(n.km)} km
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incidents.field.hazardSource')} error={byField.hazardSourceId}>
        <select
          name="hazardSourceId"
          value={hazardSourceId}
          onChange={(e) => {
            setHazardSourceId(e.target.value)
            const picked = nearby.hazardSources.find((h) => h.id === e.target.value)
            if (picked?.enterpriseId && !enterpriseId) setEnterpriseId(picked.enterpriseId)
          }}
        >
          <option value="">{t('incidents.form.none')}</option>
          {nearby.hazardSources.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name} · {km(n.km)} km
            </option>
          ))}
        </select>
      </Field>
      <div className="report-form__grid report-form__grid--4">
        <Field label={t('incidents.field.deaths')} error={byField.deaths}>
          {count(deaths, setDeaths, 'deaths')}
        </Field>
        <Field label={t('incidents.field.seriousInjuries')} error={byField.seriousInjuries}>
          {count(serious, setSerious, 'seriousInjuries')}
        </Field>
        <Field label={t('incidents.field.missing')} error={byField.missing}>
          {count(missing, setMissing, 'missing')}
        </Field>
        <Field label={t('incidents.field.directLossYuan')} error={byField.directLossYuan}>
          {count(lossYuan, setLossYuan, 'directLossYuan')}
        </Field>
      </div>
      <GradePreview input={previewInput} />
      <Field label={t('incidents.field.substance')} error={byField.substance}>
        <input name="substance" value={substance} onChange={(e) => setSubstance(e.target.value)} />
      </Field>
      <Field label={t('incidents.field.description')} error={byField.description}>
        <textarea
          name="description"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <div className="report-form__grid">
        <Field label={t('incidents.field.reporterName')} error={byField.reporterName}>
          <input
            name="reporterName"
            value={reporterName}
            onChange={(e) => setReporterName(e.target.value)}
          />
        </Field>
        <Field label={t('incidents.field.reporterContact')} error={byField.reporterContact}>
          <input
            name="reporterContact"
            value={reporterContact}
            onChange={(e) => setReporterContact(e.target.value)}
          />
        </Field>
      </div>
      {rest && (
        <p className="field-error" role="alert" data-testid="report-error">
          {rest}
        </p>
      )}
      <div className="report-form__actions">
        <button type="button" className="button" onClick={cancel}>
          {t('incidents.form.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('incidents.form.submit')}
        </button>
      </div>
    </form>
  )
}
