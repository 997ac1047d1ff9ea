import { useMemo, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useMe } from '../api/auth.ts'
import { incidentQuery } from '../incidents/incidents-api.ts'
import { isApiProblem } from '../api/http.ts'
import { fieldErrorMessage, problemMessage } from '../i18n/field-error.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useMapContext } from '../map/map-context.ts'
import { usePanels } from '../state/panels.ts'
import {
  useAcknowledge,
  useAddLogEntry,
  useAddShift,
  useDutyLog,
  useInbox,
  useMembers,
  useRoster,
  type LogCreate,
} from './duty-api.ts'
import { useDuty } from './duty-store.ts'

const HOUR = 3_600_000

/** Today in local time, midnight to midnight, as the roster's window. */
function today() {
  const start = new Date()
  start.setHours(0, 0, 0, 0)
  return { from: start.toISOString(), to: new Date(start.getTime() + 24 * HOUR).toISOString() }
}

function Roster() {
  const t = useT()
  const date = useDateFormat()
  const me = useMe().data
  const window = useMemo(today, [])
  const { data } = useRoster(window.from, window.to, true)
  const addShift = useAddShift()
  return (
    <section data-field="roster">
      <h3 className="panel-subhead">
        {t('duty.roster')} {data && <small>{data.agencyName}</small>}
      </h3>
      {data && data.shifts.length === 0 && <p className="panel-status">{t('duty.noShifts')}</p>}
      <ul className="duty-list">
        {data?.shifts.map((s) => (
          <li key={s.id} data-on-duty={s.onDuty ? 'true' : 'false'}>
            <strong>{s.displayName}</strong> · {s.role} · {date(s.startsAt)} – {date(s.endsAt)}
            {s.onDuty && <span className="badge badge--dark">{t('duty.onDutyNow')}</span>}
          </li>
        ))}
      </ul>
      {me?.canWrite && (
        <button
          type="button"
          className="button button--small"
          data-action="take-shift"
          disabled={addShift.isPending}
          onClick={() => {
            const start = new Date()
            addShift.mutate({
              userId: me.id,
              startsAt: start.toISOString(),
              endsAt: new Date(start.getTime() + 8 * HOUR).toISOString(),
            })
          }}
        >
          {t('duty.takeShift')}
        </button>
      )}
      {me?.canWrite && <ShiftForm />}
      {addShift.error && <p className="field-error">{problemMessage(t, addShift.error)}</p>}
    </section>
  )
}

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local input holds. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Puts any member of the agency on the roster: who, from when, for how long, as what. */
function ShiftForm() {
  const t = useT()
  const members = useMembers(true).data?.members ?? []
  const addShift = useAddShift()
  const [userId, setUserId] = useState('')
  const [start, setStart] = useState(() => localInput(new Date()))
  const [hours, setHours] = useState('8')
  const [role, setRole] = useState('值班员')
  const who = userId || members[0]?.id || ''
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const startsAt = new Date(start)
    if (!who || Number.isNaN(startsAt.getTime())) return
    addShift.mutate({
      userId: who,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + Number(hours) * HOUR).toISOString(),
      role: role.trim() || '值班员',
    })
  }
  return (
    <form className="duty-shift-form" data-field="shift-form" onSubmit={submit} noValidate>
      <label>
        <span>{t('duty.shift.member')}</span>
        <select name="userId" value={who} onChange={(e) => setUserId(e.target.value)}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}（{m.username}）
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('duty.shift.start')}</span>
        <input
          type="datetime-local"
          name="startsAt"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
      </label>
      <label>
        <span>{t('duty.shift.hours')}</span>
        <select name="hours" value={hours} onChange={(e) => setHours(e.target.value)}>
          {['8', '12', '24'].map((h) => (
            <option key={h} value={h}>
              {t('duty.shift.hoursOption', { hours: h })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('duty.shift.role')}</span>
        <input name="role" value={role} maxLength={50} onChange={(e) => setRole(e.target.value)} />
      </label>
      <button type="submit" className="button button--small" disabled={addShift.isPending || !who}>
        {t('duty.shift.add')}
      </button>
      {addShift.error && (
        <p className="field-error" role="alert">
          {problemMessage(t, addShift.error)}
        </p>
      )}
    </form>
  )
}

function DutyLog() {
  const t = useT()
  const date = useDateFormat()
  const canWrite = useMe().data?.canWrite ?? false
  const { data } = useDutyLog(true)
  const add = useAddLogEntry()
  const [kind, setKind] = useState<LogCreate['kind']>('call')
  const [text, setText] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    add.mutate({ kind, text: text.trim() }, { onSuccess: () => setText('') })
  }
  const first = isApiProblem(add.error) ? add.error.errors[0] : undefined
  const error = first ? fieldErrorMessage(t, first) : undefined
  return (
    <section data-field="duty-log">
      <h3 className="panel-subhead">{t('duty.log')}</h3>
      {canWrite && (
        <form className="duty-log-form" onSubmit={submit} noValidate>
          <select
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as LogCreate['kind'])}
          >
            <option value="call">{t('duty.kind.call')}</option>
            <option value="handover">{t('duty.kind.handover')}</option>
            <option value="note">{t('duty.kind.note')}</option>
          </select>
          <input
            name="text"
            value={text}
            placeholder={t('duty.logPlaceholder')}
            aria-label={t('duty.logPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button button--small" disabled={add.isPending}>
            {t('duty.addLog')}
          </button>
          {error && <span className="field-error">{error}</span>}
        </form>
      )}
      <ol className="duty-list">
        {data?.entries.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={e.at}>{date(e.at)}</time> ·{' '}
            {t(`duty.kind.${e.kind as LogCreate['kind']}`)} · {e.username}：{e.text}
          </li>
        ))}
      </ol>
    </section>
  )
}

function Inbox() {
  const t = useT()
  const date = useDateFormat()
  const { map } = useMapContext()
  const open = usePanels((s) => s.open)
  const canWrite = useMe().data?.canWrite ?? false
  const { data } = useInbox(true)
  const ack = useAcknowledge()
  const queryClient = useQueryClient()
  return (
    <section data-field="inbox">
      <h3 className="panel-subhead">
        {t('duty.inbox')} <span className="badge">{data?.items.length ?? 0}</span>
      </h3>
      {data?.items.length === 0 && <p className="panel-status">{t('duty.inboxEmpty')}</p>}
      <ul className="duty-list">
        {data?.items.map((item) => (
          <li key={item.id} data-incident-id={item.id}>
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                const detail = await queryClient
                  .fetchQuery(incidentQuery(item.id))
                  .catch(() => null)
                if (!detail) return
                map.flyTo({ center: detail.location, zoom: Math.max(map.getZoom(), 11) })
                open({ content: { kind: 'incident', id: item.id }, anchor: detail.location })
              }}
            >
              {item.grade} · {item.type} · {item.address}
            </button>{' '}
            <small>{date(item.reportedAt)}</small>
            {canWrite && (
              <button
                type="button"
                className="button button--small"
                data-action="ack"
                disabled={ack.isPending}
                onClick={() => ack.mutate(item.id)}
              >
                {t('duty.ack')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** 应急值守: today's roster of the agency, the duty log and the inbox of incoming reports. */
export function DutyPanel() {
  const t = useT()
  const open = useDuty((s) => s.open)
  const setOpen = useDuty((s) => s.setOpen)
  const signedIn = Boolean(useMe().data)
  if (!open || !signedIn) return null
  return (
    <aside className="duty-panel card" data-testid="duty-panel" aria-label={t('duty.title')}>
      <header className="report-form__header">
        <h2>{t('duty.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      <Inbox />
      <Roster />
      <DutyLog />
    </aside>
  )
}
