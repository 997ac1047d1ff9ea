import { useEnterprise } from '../api/enterprises.ts'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import type { PanelState } from '../state/panels.ts'
import { DangerList } from './DangerList.tsx'
import { GradeChip } from './GradeChip.tsx'
import { RecordLink, RecordPanel } from './RecordPanel.tsx'

export type EnterprisePanelState = PanelState & { content: { kind: 'enterprise' } }

/** 企业: identity, contact, its hazard sources (with grade) and its hidden dangers. */
export function EnterprisePanel({ panel }: { panel: EnterprisePanelState }) {
  const t = useT()
  const fmtInt = useNumberFormat(0)
  const query = useEnterprise(panel.content.id)
  return (
    <RecordPanel panel={panel} query={query} auditEntity="enterprise" title={(e) => e.name}>
      {(e) => (
        <>
          <dl className="facts">
            <dt>{t('enterprise.uscc')}</dt>
            <dd className="facts__code" data-field="uscc">
              {e.uscc}
            </dd>
            <dt>{t('enterprise.industry')}</dt>
            <dd>{e.industry}</dd>
            <dt>{t('enterprise.address')}</dt>
            <dd>{e.address}</dd>
            <dt>{t('enterprise.employees')}</dt>
            <dd>{fmtInt(e.employees)}</dd>
            <dt>{t('enterprise.contact')}</dt>
            <dd>
              {e.contactName} {e.contactPhone}
            </dd>
            <dt>{t('record.region')}</dt>
            <dd>{e.regionName}</dd>
          </dl>
          <h3 className="panel-subhead">
            {t('hazard.sources')}
            <span className="panel-subhead__meta">{e.hazardSources.length || ''}</span>
          </h3>
          {e.hazardSources.length === 0 ? (
            <p className="panel-status">{t('hazard.noSources')}</p>
          ) : (
            <ul className="record-list" data-field="hazard-sources">
              {e.hazardSources.map((hs) => (
                <li key={hs.id}>
                  <RecordLink kind="hazard-source" id={hs.id}>
                    {hs.name}
                  </RecordLink>
                  <GradeChip grade={hs.grade} />
                </li>
              ))}
            </ul>
          )}
          <h3 className="panel-subhead">
            {t('enterprise.hiddenDangers')}
            <span className="panel-subhead__meta">{e.hiddenDangers.length || ''}</span>
          </h3>
          <DangerList dangers={e.hiddenDangers} emptyKey="enterprise.noHiddenDangers" />
        </>
      )}
    </RecordPanel>
  )
}
