import { useResource } from '../api/resources.ts'
import { ResourceEditor } from '../editing/ResourceEditor.tsx'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import type { PanelState } from '../state/panels.ts'
import { RecordPanel } from './RecordPanel.tsx'

export type ResourcePanelState = PanelState & { content: { kind: 'resource' } }

/** 应急资源: kind, status, capacity, capabilities and, for warehouses, the inventory. */
export function ResourcePanel({ panel }: { panel: ResourcePanelState }) {
  const t = useT()
  const fmt = useNumberFormat(1)
  const query = useResource(panel.content.id)
  return (
    <RecordPanel
      panel={panel}
      query={query}
      auditEntity="resource"
      title={(r) => r.name}
      editor={(r) => <ResourceEditor record={r} />}
      badges={(r) => (
        <>
          <span className="badge">{t(`resource.kind.${r.kind}`)}</span>
          <span
            className={r.status === 'available' ? 'badge' : 'badge badge--dark'}
            data-field="status"
          >
            {t(`resource.status.${r.status}`)}
          </span>
        </>
      )}
    >
      {(r) => (
        <>
          <dl className="facts">
            <dt>{t('resource.category')}</dt>
            <dd>{r.category}</dd>
            {r.capacity !== null && (
              <>
                <dt>{t('resource.capacity')}</dt>
                <dd>{fmt(r.capacity)}</dd>
              </>
            )}
            {r.headcount !== null && (
              <>
                <dt>{t('resource.headcount')}</dt>
                <dd>{fmt(r.headcount)}</dd>
              </>
            )}
            {r.capabilities.length > 0 && (
              <>
                <dt>{t('resource.capabilities')}</dt>
                <dd>{r.capabilities.join('、')}</dd>
              </>
            )}
            <dt>{t('resource.contact')}</dt>
            <dd>
              {r.contactName} {r.contactPhone}
            </dd>
            <dt>{t('record.region')}</dt>
            <dd>{r.regionName}</dd>
          </dl>
          {r.inventory.length > 0 && (
            <>
              <h3 className="panel-subhead">{t('resource.inventory')}</h3>
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('resource.inventory.item')}</th>
                    <th>{t('resource.inventory.quantity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.inventory.map((line) => (
                    <tr key={line.item}>
                      <td>{line.item}</td>
                      <td>
                        {fmt(line.quantity)} {line.unit}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </RecordPanel>
  )
}
