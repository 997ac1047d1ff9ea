import { useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { FeatureCollection, Point } from 'geojson'
import { drillKinds } from '../../../server/domain/plans/drill-evaluation.ts'
import { getJson } from '../api/http.ts'
import { problemMessage } from '../i18n/field-error.ts'
import { useT } from '../i18n/use-t.ts'
import { incidentTypeList } from '../incidents/incident-enums.ts'
import {
  useCreateDrill,
  usePlanChoices,
  usePlanVersions,
  type DrillCreate,
  type Injection,
} from './drills-api.ts'
import { useDrillsUi } from './drills-store.ts'

type Kind = DrillCreate['kind']
type Status = NonNullable<Injection['status']>
const injectionStatuses: readonly Status[] = ['responding', 'controlled', 'closed']

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local input holds. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

interface InjectionDraft {
  minute: string
  text: string
  deaths: string
  status: Status | ''
}

const toInjection = (x: InjectionDraft): Injection => ({
  minute: Number(x.minute) || 0,
  text: x.text.trim(),
  ...(x.deaths.trim() !== '' ? { deaths: Number(x.deaths) } : {}),
  ...(x.status ? { status: x.status } : {}),
})

function useTeams() {
  return useQuery({
    queryKey: ['drills', 'teams'],
    queryFn: ({ signal }) =>
      getJson<FeatureCollection<Point, { name: string }>>('/api/resources', {
        signal,
        query: { kind: 'team', limit: 60 },
      }),
    staleTime: 5 * 60_000,
  })
}

/** 安排演练: plan version, kind, date, place on the map, scenario with injected updates. */
export function DrillForm({ onDone }: { onDone: (id: string) => void }) {
  const t = useT()
  const place = useDrillsUi((s) => s.place)
  const picking = useDrillsUi((s) => s.picking)
  const setPicking = useDrillsUi((s) => s.setPicking)
  const plans = usePlanChoices(true).data?.plans ?? []
  const [planId, setPlanId] = useState<string | null>(null)
  const versions = usePlanVersions(planId).data?.versions ?? []
  const [versionId, setVersionId] = useState('')
  const [kind, setKind] = useState<Kind>('tabletop')
  const [title, setTitle] = useState('')
  const [when, setWhen] = useState(() => localInput(new Date(Date.now() + 86_400_000)))
  const [address, setAddress] = useState('')
  const [type, setType] = useState<DrillCreate['scenario']['type']>('泄漏')
  const [scenarioTitle, setScenarioTitle] = useState('')
  const [cas, setCas] = useState('')
  const [injured, setInjured] = useState('0')
  const [injections, setInjections] = useState<InjectionDraft[]>([
    { minute: '5', text: '', deaths: '', status: '' },
  ])
  const [agencies, setAgencies] = useState('')
  const [teams, setTeams] = useState<string[]>([])
  const teamList = useTeams().data?.features ?? []
  const create = useCreateDrill()
  const chosenVersion =
    versionId || versions.find((v) => v.status === 'in_force')?.id || versions[0]?.id || ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!place) return
    create.mutate(
      {
        planVersionId: chosenVersion,
        kind,
        title: title.trim(),
        scheduledAt: new Date(when).toISOString(),
        place,
        address: address.trim(),
        scenario: {
          type,
          title: scenarioTitle.trim() || title.trim(),
          substanceCas: cas.trim() || null,
          seriousInjuries: Number(injured) || 0,
          injections: injections.filter((x) => x.text.trim()).map(toInjection),
        },
        participants: {
          agencies: agencies
            .split(/[,，\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
          teams,
        },
      },
      { onSuccess: (drill) => onDone(drill.id) },
    )
  }

  const setInjection = (i: number, patch: Partial<InjectionDraft>) =>
    setInjections((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)))

  return (
    <form className="drill-form" data-testid="drill-form" onSubmit={submit}>
      <label>
        {t('drills.field.plan')}
        <select
          required
          data-field="plan"
          value={planId ?? ''}
          onChange={(e) => {
            setPlanId(e.target.value || null)
            setVersionId('')
          }}
        >
          <option value="">{t('drills.choose')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      {versions.length > 0 && (
        <label>
          {t('drills.field.version')}
          <select
            data-field="version"
            value={chosenVersion}
            onChange={(e) => setVersionId(e.target.value)}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t('drills.versionLabel', {
                  number: v.number,
                  status: t(`plans.status.${v.status as 'in_force'}`),
                })}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('drills.field.kind')}
        <select data-field="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {drillKinds.map((k) => (
            <option key={k} value={k}>
              {t(`drills.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('drills.field.title')}
        <input
          required
          data-field="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        {t('drills.field.scheduledAt')}
        <input
          type="datetime-local"
          required
          value={when}
          onChange={(e) => setWhen(e.target.value)}
        />
      </label>
      <div className="drill-form__place" data-field="place">
        <span>
          {place
            ? t('drills.placeAt', { lng: place[0].toFixed(4), lat: place[1].toFixed(4) })
            : t('drills.placeNone')}
        </span>
        <button
          type="button"
          className="button button--small"
          data-action="pick-place"
          aria-pressed={picking}
          onClick={() => setPicking(!picking)}
        >
          {picking ? t('drills.placePicking') : t('drills.placePick')}
        </button>
      </div>
      <label>
        {t('incidents.field.address')}
        <input value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
      <fieldset className="drill-form__scenario">
        <legend>{t('drills.scenario')}</legend>
        <label>
          {t('incidents.field.type')}
          <select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            {incidentTypeList.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
        <label>
          {t('drills.field.scenarioTitle')}
          <input
            data-field="scenario-title"
            value={scenarioTitle}
            onChange={(e) => setScenarioTitle(e.target.value)}
          />
        </label>
        <label>
          {t('drills.field.cas')}
          <input value={cas} placeholder="7782-50-5" onChange={(e) => setCas(e.target.value)} />
        </label>
        <label>
          {t('incidents.field.seriousInjuries')}
          <input
            type="number"
            min={0}
            value={injured}
            onChange={(e) => setInjured(e.target.value)}
          />
        </label>
        <p className="panel-minorhead">{t('drills.injections')}</p>
        {injections.map((x, i) => (
          <div className="drill-injection" key={i} data-injection={i}>
            <input
              type="number"
              min={0}
              aria-label={t('drills.field.minute')}
              title={t('drills.field.minute')}
              value={x.minute}
              onChange={(e) => setInjection(i, { minute: e.target.value })}
            />
            <input
              aria-label={t('drills.field.injectionText')}
              placeholder={t('drills.field.injectionText')}
              data-field="injection-text"
              value={x.text}
              onChange={(e) => setInjection(i, { text: e.target.value })}
            />
            <input
              type="number"
              min={0}
              aria-label={t('incidents.field.deaths')}
              placeholder={t('incidents.field.deaths')}
              value={x.deaths}
              onChange={(e) => setInjection(i, { deaths: e.target.value })}
            />
            <select
              aria-label={t('drills.field.status')}
              value={x.status}
              onChange={(e) => setInjection(i, { status: e.target.value as Status | '' })}
            >
              <option value="">{t('drills.noStatus')}</option>
              {injectionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`incidents.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setInjections((l) => [...l, { minute: '10', text: '', deaths: '', status: '' }])
          }
        >
          {t('drills.addInjection')}
        </button>
      </fieldset>
      <label>
        {t('drills.field.agencies')}
        <input
          value={agencies}
          placeholder="610113, 610100"
          onChange={(e) => setAgencies(e.target.value)}
        />
      </label>
      {teamList.length > 0 && (
        <label>
          {t('drills.field.teams')}
          <select
            multiple
            size={Math.min(4, teamList.length)}
            value={teams}
            onChange={(e) => setTeams([...e.target.selectedOptions].map((o) => o.value))}
          >
            {teamList.map((f) => (
              <option key={String(f.id)} value={String(f.id)}>
                {f.properties.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {create.error && (
        <p className="field-error" role="alert">
          {problemMessage(t, create.error)}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        data-action="schedule"
        disabled={create.isPending || !place || !chosenVersion}
      >
        {t('drills.schedule')}
      </button>
    </form>
  )
}
