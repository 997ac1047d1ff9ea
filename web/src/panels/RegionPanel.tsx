import type { RegionRef } from '../../../server/routes/regions/regions.schemas.ts'
import { useRegion } from '../api/regions.ts'
import { isApiProblem } from '../api/http.ts'
import { FilterToRegionButton } from '../filters/FilterToRegionButton.tsx'
import { useNumberFormat, useT } from '../i18n/use-t.ts'
import { usePanels, type PanelState } from '../state/panels.ts'
import { AttachedPanel } from './AttachedPanel.tsx'
import { useOpenRegionPanel } from './open-region.ts'

export type RegionPanelState = PanelState & { content: { kind: 'region' } }

function RegionLink({ region }: { region: RegionRef }) {
  const t = useT()
  const openRegion = useOpenRegionPanel()
  return (
    <button
      type="button"
      className="link-button"
      data-region-code={region.code}
      title={t('region.openPanel', { name: region.name })}
      onClick={() => void openRegion(region.code)}
    >
      {region.name}
    </button>
  )
}

/** A region: code, level, area, the chain of parents and the list of children. */
export function RegionPanel({ panel }: { panel: RegionPanelState }) {
  const t = useT()
  const formatArea = useNumberFormat(1)
  const close = usePanels((s) => s.close)
  const pin = usePanels((s) => s.pin)
  const { code } = panel.content
  const { data: region, error, isPending } = useRegion(code)

  let body
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
        <dl className="facts">
          <dt>{t('region.code')}</dt>
          <dd className="facts__code" data-field="code">
            {region.code}
          </dd>
          <dt>{t('region.level')}</dt>
          <dd data-field="level">{t(`level.${region.level}`)}</dd>
          <dt>{t('region.area')}</dt>
          <dd data-field="area">{t('region.areaValue', { value: formatArea(region.areaKm2) })}</dd>
          <dt>{t('region.parents')}</dt>
          <dd data-field="parents">
            {region.parents.length === 0 ? (
              t('region.noParents')
            ) : (
              <ol className="breadcrumb">
                {region.parents.map((parent) => (
                  <li key={parent.code}>
                    <RegionLink region={parent} />
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </dl>
        <FilterToRegionButton code={region.code} name={region.name} />
        <h3 className="panel-subhead">
          {t('region.children')}
          <span className="panel-subhead__meta" data-field="children-count">
            {region.childrenCount > 0
              ? t('region.childrenCount', { count: region.childrenCount })
              : ''}
          </span>
        </h3>
        {region.children.length === 0 ? (
          <p className="panel-status">{t('region.noChildren')}</p>
        ) : (
          <ul className="chip-list" data-field="children">
            {region.children.map((child) => (
              <li key={child.code}>
                <RegionLink region={child} />
              </li>
            ))}
          </ul>
        )}
        <p className="panel-footnote">
          {t('region.source', { source: region.source, crs: region.sourceCrs })}
        </p>
      </>
    )
  }

  return (
    <AttachedPanel
      id={panel.id}
      anchor={panel.anchor}
      title={region?.name ?? code}
      onClose={() => close(panel.id)}
      pinned={panel.pinned}
      onPin={(pinned) => pin(panel.id, pinned)}
    >
      {body}
    </AttachedPanel>
  )
}
