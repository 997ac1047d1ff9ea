import { useHiddenDanger } from '../api/hidden-dangers.ts'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import type { PanelState } from '../state/panels.ts'
import { GradeChip } from './GradeChip.tsx'
import { RecordLink, RecordPanel } from './RecordPanel.tsx'

export type HiddenDangerPanelState = PanelState & { content: { kind: 'hidden-danger' } }

/** 事故隐患: severity, status and deadline (overdue marked), the enterprise and hazard source. */
export function HiddenDangerPanel({ panel }: { panel: HiddenDangerPanelState }) {
  const t = useT()
  const formatDay = useDateFormat(false)
  const query = useHiddenDanger(panel.content.id)
  return (
    <RecordPanel
      panel={panel}
      query={query}
      auditEntity="hidden_danger"
      title={(d) => d.title}
      badges={(d) => (
        <>
          <span className={d.severity === 'major' ? 'badge badge--dark' : 'badge'}>
            {t(`danger.severity.${d.severity}`)}
          </span>
          <span className="badge" data-field="status">
            {t(`danger.status.${d.status}`)}
          </span>
          {d.overdue && <span className="badge badge--dark">{t('danger.overdue')}</span>}
        </>
      )}
    >
      {(d) => (
        <dl className="facts">
          <dt>{t('danger.enterprise')}</dt>
          <dd>
            <RecordLink kind="enterprise" id={d.enterprise.id}>
              {d.enterprise.name}
            </RecordLink>
          </dd>
          {d.hazardSource && (
            <>
              <dt>{t('danger.hazardSource')}</dt>
              <dd>
                <RecordLink kind="hazard-source" id={d.hazardSource.id}>
                  {d.hazardSource.name}
                </RecordLink>{' '}
                <GradeChip grade={d.hazardSource.grade} />
              </dd>
            </>
          )}
          <dt>{t('danger.foundOn')}</dt>
          <dd>{formatDay(d.foundOn)}</dd>
          <dt>{t('danger.deadline')}</dt>
          <dd>{formatDay(d.deadline)}</dd>
          <dt>{t('danger.responsible')}</dt>
          <dd>{d.responsiblePerson}</dd>
          {d.majorItemText && (
            <>
              <dt>{t('danger.majorItem')}</dt>
              <dd>{d.majorItemText}</dd>
            </>
          )}
          <dt>{t('danger.description')}</dt>
          <dd>{d.description}</dd>
        </dl>
      )}
    </RecordPanel>
  )
}
