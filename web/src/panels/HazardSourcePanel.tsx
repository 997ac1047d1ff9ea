import { useHazardSource } from '../api/hazard-sources.ts'
import { HazardSourceEditor } from '../editing/HazardSourceEditor.tsx'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import type { PanelState } from '../state/panels.ts'
import { DangerList } from './DangerList.tsx'
import { GradeChip } from './GradeChip.tsx'
import { RecordLink, RecordPanel } from './RecordPanel.tsx'

export type HazardSourcePanelState = PanelState & { content: { kind: 'hazard-source' } }

/** 重大危险源: grade with S, R and α, the substances that make it up, its enterprise and dangers. */
export function HazardSourcePanel({ panel }: { panel: HazardSourcePanelState }) {
  const t = useT()
  const fmt = useNumberFormat(2)
  const fmtInt = useNumberFormat(0)
  const query = useHazardSource(panel.content.id)
  return (
    <RecordPanel
      panel={panel}
      query={query}
      auditEntity="hazard_source"
      title={(hs) => hs.name}
      badges={(hs) => <GradeChip grade={hs.grade} long />}
      editor={(hs) => <HazardSourceEditor record={hs} />}
    >
      {(hs) => (
        <>
          <dl className="facts">
            <dt>{t('hazard.enterprise')}</dt>
            <dd data-field="enterprise">
              <RecordLink kind="enterprise" id={hs.enterprise.id}>
                {hs.enterprise.name}
              </RecordLink>
            </dd>
            <dt>{t('hazard.unitKind')}</dt>
            <dd>{hs.unitKind}</dd>
            <dt>{t('hazard.grade')}</dt>
            <dd data-field="grade">{hs.grade ?? t('record.none')}</dd>
            <dt>{t('hazard.S')}</dt>
            <dd data-field="S">{fmt(hs.assessment.S)}</dd>
            <dt>{t('hazard.R')}</dt>
            <dd data-field="R">{fmt(hs.assessment.R)}</dd>
            <dt>{t('hazard.alpha')}</dt>
            <dd data-field="alpha">{fmt(hs.assessment.alpha)}</dd>
            <dt>{t('hazard.people')}</dt>
            <dd>{fmtInt(hs.peopleWithin500m)}</dd>
            <dt>{t('record.region')}</dt>
            <dd>{hs.regionName}</dd>
          </dl>
          <h3 className="panel-subhead">{t('hazard.terms')}</h3>
          <table className="data-table" data-field="terms">
            <thead>
              <tr>
                <th>{t('hazard.term.name')}</th>
                <th>{t('hazard.term.q')}</th>
                <th>{t('hazard.term.Q')}</th>
                <th>{t('hazard.term.ratio')}</th>
                <th>{t('hazard.term.beta')}</th>
              </tr>
            </thead>
            <tbody>
              {hs.assessment.terms.map((term) => (
                <tr key={term.index}>
                  <td>{term.name}</td>
                  <td>{fmt(term.q)}</td>
                  <td>{fmt(term.Q)}</td>
                  <td>{fmt(term.ratio)}</td>
                  <td>{fmt(term.beta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="panel-subhead">
            {t('hazard.hiddenDangers')}
            <span className="panel-subhead__meta">{hs.hiddenDangers.length || ''}</span>
          </h3>
          <DangerList dangers={hs.hiddenDangers} emptyKey="hazard.noHiddenDangers" />
        </>
      )}
    </RecordPanel>
  )
}
