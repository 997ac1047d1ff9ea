import { useState, type ReactNode } from 'react'
import type { UseQueryResult } from '@tanstack/react-query'
import { useAudit, type AuditEntity } from '../api/audit.ts'
import { isApiProblem } from '../api/http.ts'
import { useBeingEdited } from '../editing/edit-store.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { usePanels, type PanelState, type RecordKind } from '../state/panels.ts'
import { AttachedPanel } from './AttachedPanel.tsx'
import { useOpenRecordPanel } from './open-record.ts'

/** The fields every registry detail carries (server `recordMeta`). */
interface RecordMeta {
  id: string
  regionName: string
  version: number
  updatedAt: string
  retiredAt: string | null
  canEdit: boolean
  location: [number, number]
}

const actionKeys: Record<string, MessageKey> = {
  create: 'record.action.create',
  update: 'record.action.update',
  retire: 'record.action.retire',
}

/** Who changed the record, when, and how; fetched when the list is first opened. */
function AuditHistory({ entity, id }: { entity: AuditEntity; id: string }) {
  const t = useT()
  const formatDate = useDateFormat()
  const [open, setOpen] = useState(false)
  const { data, isPending, error } = useAudit(entity, id, { enabled: open })
  return (
    <details
      className="history"
      data-field="history"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('record.history')}</summary>
      {open &&
        (isPending ? (
          <p className="panel-status">{t('panel.loading')}</p>
        ) : error ? (
          <p className="panel-status panel-status--error">
            {t('panel.error', { detail: error.message })}
          </p>
        ) : data.length === 0 ? (
          <p className="panel-status">{t('record.historyEmpty')}</p>
        ) : (
          <ol>
            {data.map((entry) => {
              const key = actionKeys[entry.action]
              return (
                <li key={entry.id}>
                  <span>
                    {t('record.historyEntry', {
                      who: entry.username,
                      action: key ? t(key) : entry.action,
                    })}
                  </span>
                  <time dateTime={entry.at}>{formatDate(entry.at)}</time>
                </li>
              )
            })}
          </ol>
        ))}
    </details>
  )
}

/** A link that opens another record's panel at that record's location. */
export function RecordLink(props: { kind: RecordKind; id: string; children: ReactNode }) {
  const openRecord = useOpenRecordPanel()
  return (
    <button
      type="button"
      className="link-button"
      data-record={`${props.kind}:${props.id}`}
      onClick={() => void openRecord(props.kind, props.id)}
    >
      {props.children}
    </button>
  )
}

export interface RecordPanelProps<T extends RecordMeta> {
  panel: PanelState
  query: UseQueryResult<T>
  auditEntity: AuditEntity
  title: (record: T) => ReactNode
  /** Badges beside the read-only mark (grade, severity, status). */
  badges?: (record: T) => ReactNode
  /** Field editing (web/src/editing/), shown only when the server says the user may edit. */
  editor?: (record: T) => ReactNode
  children: (record: T) => ReactNode
}

/**
 * The frame of every registry record's panel: loading and errors, the read-only and
 * retired marks, the record's own body, the region/version footnote and the history.
 */
export function RecordPanel<T extends RecordMeta>({
  panel,
  query,
  auditEntity,
  title,
  badges,
  editor,
  children,
}: RecordPanelProps<T>) {
  const t = useT()
  const formatDate = useDateFormat()
  const close = usePanels((s) => s.close)
  const pin = usePanels((s) => s.pin)
  const { data: record, error, isPending } = query
  const beingEdited = useBeingEdited(record?.id ?? '')

  let body: ReactNode
  if (isPending) {
    body = <p className="panel-status">{t('panel.loading')}</p>
  } else if (error) {
    const detail = isApiProblem(error) && error.status === 404 ? t('panel.notFound') : error.message
    body = (
      <p className="panel-status panel-status--error" role="alert">
        {t('panel.error', { detail })}
      </p>
    )
  } else {
    body = (
      <>
        <div className="record-badges">
          {badges?.(record)}
          {record.retiredAt && <span className="badge badge--dark">{t('record.retired')}</span>}
          {!record.canEdit && (
            <span className="badge" data-field="read-only" title={t('record.readOnlyHint')}>
              {t('record.readOnly')}
            </span>
          )}
        </div>
        {record.canEdit && editor?.(record)}
        {/* While editing, the form or the move step replaces the read-only facts. */}
        {!beingEdited && children(record)}
        <p className="panel-footnote">
          {record.regionName} ·{' '}
          {t('record.version', { version: record.version, at: formatDate(record.updatedAt) })}
        </p>
        <AuditHistory entity={auditEntity} id={record.id} />
      </>
    )
  }

  return (
    <AttachedPanel
      id={panel.id}
      anchor={panel.anchor}
      title={record ? title(record) : t('panel.loading')}
      onClose={() => close(panel.id)}
      pinned={panel.pinned}
      onPin={(pinned) => pin(panel.id, pinned)}
    >
      {body}
    </AttachedPanel>
  )
}
