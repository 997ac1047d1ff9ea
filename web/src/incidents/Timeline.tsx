import { useDateFormat, useT, type Translate } from '../i18n/use-t.ts'
import type { MessageKey } from '../i18n/messages.ts'
import type { IncidentDetail } from './incidents-api.ts'

type Entry = IncidentDetail['timeline'][number]

const kindKeys: Record<string, MessageKey> = {
  report: 'incidents.tl.report',
  update: 'incidents.tl.update',
  grade_change: 'incidents.tl.grade_change',
  dispatch: 'incidents.tl.dispatch',
  dispatch_status: 'incidents.tl.dispatch_status',
  note: 'incidents.tl.note',
  status: 'incidents.tl.status',
  obligation_done: 'incidents.tl.obligation_done',
  ack: 'incidents.tl.ack',
  plan_activation: 'plans.tl.activation',
  plan_step_done: 'plans.tl.step',
  plan_ended: 'plans.tl.ended',
}

const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

/** One line of what the entry's data says, in the interface language. */
function summary(t: Translate, entry: Entry): string {
  const d = entry.data
  const label = (prefix: string, value: unknown) => {
    const key = `${prefix}.${s(value)}` as MessageKey
    return s(value) ? t(key) : ''
  }
  switch (entry.kind) {
    case 'report':
      return `${s(d.grade)} · ${t('incidents.casualties', {
        deaths: s(d.deaths),
        serious: s(d.seriousInjuries),
      })}`
    case 'update': {
      const changes = (d.changes ?? {}) as Record<string, { from: unknown; to: unknown }>
      return Object.entries(changes)
        .map(([field, c]) => `${field}: ${s(c.from)} → ${s(c.to)}`)
        .join('; ')
    }
    case 'grade_change':
      return `${s(d.from)} → ${s(d.to)}`
    case 'dispatch': {
      const list = Array.isArray(d.dispatches) ? (d.dispatches as Record<string, unknown>[]) : []
      return [list.map((x) => s(x.name)).join('、'), s(d.note)].filter(Boolean).join(' · ')
    }
    case 'dispatch_status':
      return `${label('dispatch.status', d.from)} → ${label('dispatch.status', d.to)}`
    case 'status':
      return `${label('incidents.status', d.from)} → ${label('incidents.status', d.to)}`
    case 'obligation_done':
      return label('incidents.level', d.level)
    case 'note':
      return s(d.text)
    case 'ack':
      return s(d.agencyName)
    case 'plan_activation':
      return `${s(d.planTitle)} · ${label('plans.response', d.responseLevel)}`
    case 'plan_step_done':
      return [s(d.title), d.late ? t('plans.late') : '', s(d.note)].filter(Boolean).join(' · ')
    case 'plan_ended':
      return [s(d.planTitle), `${s(d.stepsDone)}/${s(d.stepsTotal)}`, s(d.note)]
        .filter(Boolean)
        .join(' · ')
    default:
      return ''
  }
}

/** 时间线: every report, update, grade change, dispatch step, note and status change. */
export function Timeline({ incident }: { incident: IncidentDetail }) {
  const t = useT()
  const date = useDateFormat()
  return (
    <section data-field="timeline">
      <h3 className="panel-subhead">{t('incidents.timeline')}</h3>
      <ol className="timeline">
        {incident.timeline.map((entry) => {
          const key = kindKeys[entry.kind]
          return (
            <li key={entry.id} className="timeline__entry" data-kind={entry.kind}>
              <time dateTime={entry.at}>{date(entry.at)}</time>
              <span className="timeline__kind">{key ? t(key) : entry.kind}</span>
              <span className="timeline__who">{entry.username}</span>
              <span className="timeline__what">{summary(t, entry)}</span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
