import { useId, useState } from 'react'
import { useRegion } from '../api/regions.ts'
import { useT } from '../i18n/use-t.ts'
import type { MessageKey } from '../i18n/messages.ts'
import {
  isLayerFiltered,
  useFilters,
  type FilterableLayerId,
  type LayerFilters,
} from '../state/filters.ts'
import {
  dangerStatusOptions,
  gradeOptions,
  industryOptions,
  layerLabelKey,
  optionLabel,
  resourceKindOptions,
  resourceStatusOptions,
  severityOptions,
} from './filter-options.ts'

interface ChipGroupProps<V extends string> {
  label: string
  options: readonly V[]
  isOn: (value: V) => boolean
  toggle: (value: V) => void
  labelOf: (value: V) => string
}

/** A row of toggle chips; several may be on (a list filter) or at most one (a single value). */
function ChipGroup<V extends string>({ label, options, isOn, toggle, labelOf }: ChipGroupProps<V>) {
  return (
    <fieldset className="filters__group">
      <legend className="filters__group-label">{label}</legend>
      <div className="filters__chips">
        {options.map((value) => (
          <button
            key={value}
            type="button"
            className="filters__chip"
            data-value={value}
            aria-pressed={isOn(value)}
            onClick={() => toggle(value)}
          >
            {labelOf(value)}
          </button>
        ))}
      </div>
    </fieldset>
  )
}

const toggled = <V,>(list: readonly V[], value: V): V[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

/** The chips of one layer. Each click narrows or widens the layer's list at once. */
function FilterControls({ layer }: { layer: FilterableLayerId }) {
  const t = useT()
  const filters = useFilters((s) => s.layers)
  const setLayer = useFilters((s) => s.setLayer)
  const label = (key: MessageKey | null, fallback: string) => (key ? t(key) : fallback)

  if (layer === 'hazard-sources') {
    const f: LayerFilters['hazard-sources'] = filters[layer]
    return (
      <ChipGroup
        label={t('filters.grade')}
        options={gradeOptions}
        isOn={(v) => f.grade.includes(v)}
        toggle={(v) => setLayer(layer, { grade: toggled(f.grade, v) })}
        labelOf={(v) => label(optionLabel.grade(v), v)}
      />
    )
  }
  if (layer === 'hidden-dangers') {
    const f = filters[layer]
    const overdueOptions = ['true', 'false'] as const
    return (
      <>
        <ChipGroup
          label={t('filters.severity')}
          options={severityOptions}
          isOn={(v) => f.severity === v}
          toggle={(v) => setLayer(layer, { severity: f.severity === v ? null : v })}
          labelOf={(v) => t(optionLabel.severity(v))}
        />
        <ChipGroup
          label={t('filters.status')}
          options={dangerStatusOptions}
          isOn={(v) => f.status.includes(v)}
          toggle={(v) => setLayer(layer, { status: toggled(f.status, v) })}
          labelOf={(v) => t(optionLabel.dangerStatus(v))}
        />
        <ChipGroup
          label={t('filters.overdue')}
          options={overdueOptions}
          isOn={(v) => f.overdue === (v === 'true')}
          toggle={(v) => {
            const want = v === 'true'
            setLayer(layer, { overdue: f.overdue === want ? null : want })
          }}
          labelOf={(v) => t(v === 'true' ? 'filters.overdueOnly' : 'filters.onTime')}
        />
      </>
    )
  }
  if (layer === 'resources') {
    const f = filters[layer]
    return (
      <>
        <ChipGroup
          label={t('filters.kind')}
          options={resourceKindOptions}
          isOn={(v) => f.kind.includes(v)}
          toggle={(v) => setLayer(layer, { kind: toggled(f.kind, v) })}
          labelOf={(v) => t(optionLabel.resourceKind(v))}
        />
        <ChipGroup
          label={t('filters.status')}
          options={resourceStatusOptions}
          isOn={(v) => f.status === v}
          toggle={(v) => setLayer(layer, { status: f.status === v ? null : v })}
          labelOf={(v) => t(optionLabel.resourceStatus(v))}
        />
      </>
    )
  }
  const f = filters.enterprises
  return (
    <ChipGroup
      label={t('filters.industry')}
      options={industryOptions}
      isOn={(v) => f.industry === v}
      toggle={(v) => setLayer('enterprises', { industry: f.industry === v ? null : v })}
      labelOf={(v) => v}
    />
  )
}

/**
 * The funnel button of a legend row and, when open, the layer's filter chips below it. A
 * filtered layer keeps a mark on its button even when the chips are folded away.
 */
export function LayerFilterSection({ layer }: { layer: FilterableLayerId }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const filtered = useFilters((s) => isLayerFiltered(s.layers, layer))
  const clearLayer = useFilters((s) => s.clearLayer)
  const panelId = useId()
  return (
    <>
      <button
        type="button"
        className="filters__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        data-filtered={filtered}
        title={t('filters.open', { layer: t(layerLabelKey[layer]) })}
        aria-label={t('filters.open', { layer: t(layerLabelKey[layer]) })}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M1.5 2h13l-5 6.2V14l-3-1.6V8.2z" fill="currentColor" />
        </svg>
      </button>
      {open && (
        <div className="filters" id={panelId} data-filters-for={layer}>
          <FilterControls layer={layer} />
          {filtered && (
            <button type="button" className="filters__clear" onClick={() => clearLayer(layer)}>
              {t('filters.clear')}
            </button>
          )}
        </div>
      )}
    </>
  )
}

/** The region every registry layer is limited to, with a way out. */
export function RegionFilterChip() {
  const t = useT()
  const region = useFilters((s) => s.region)
  const setRegion = useFilters((s) => s.setRegion)
  // A region from a link carries only its code: ask for the name.
  const { data } = useRegion(region && !region.name ? region.code : undefined)
  if (!region) return null
  return (
    <div className="filters__region" data-region-filter={region.code}>
      <span>{t('filters.region', { name: region.name ?? data?.name ?? region.code })}</span>
      <button
        type="button"
        className="filters__region-clear"
        aria-label={t('filters.clearRegion')}
        title={t('filters.clearRegion')}
        onClick={() => setRegion(null)}
      >
        ×
      </button>
    </div>
  )
}
