import type { MessageKey } from '../i18n/messages.ts'
import { useT } from '../i18n/use-t.ts'
import { RecordLink } from './RecordPanel.tsx'

interface DangerRef {
  id: string
  title: string
  severity: string
  status: string
  overdue: boolean
}

const severityKey = (s: string): MessageKey =>
  s === 'major' ? 'danger.severity.major' : 'danger.severity.general'

/** Hidden dangers listed in another record's panel, each opening its own panel. */
export function DangerList({ dangers, emptyKey }: { dangers: DangerRef[]; emptyKey: MessageKey }) {
  const t = useT()
  if (dangers.length === 0) return <p className="panel-status">{t(emptyKey)}</p>
  return (
    <ul className="record-list" data-field="hidden-dangers">
      {dangers.map((d) => (
        <li key={d.id}>
          <RecordLink kind="hidden-danger" id={d.id}>
            {d.title}
          </RecordLink>
          <span className={d.overdue ? 'badge badge--dark' : 'badge'}>
            {d.overdue ? t('danger.overdue') : t(severityKey(d.severity))}
          </span>
        </li>
      ))}
    </ul>
  )
}
