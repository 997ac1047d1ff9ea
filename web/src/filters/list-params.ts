import { useMemo } from 'react'
import type { z } from '@hono/zod-openapi'
import type { enterpriseListQuery } from '../../../server/routes/enterprises/enterprises.schemas.ts'
import type { hazardSourceListQuery } from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import type { hiddenDangerListQuery } from '../../../server/routes/hidden-dangers/hidden-dangers.schemas.ts'
import type { resourceListQuery } from '../../../server/routes/resources/resources.schemas.ts'
import { useFilters, type FilterableLayerId, type FiltersState } from '../state/filters.ts'

/** A list endpoint's query string as it is sent, minus what the viewport and paging own. */
type FilterParams<S extends z.ZodType> = Omit<z.input<S>, 'bbox' | 'limit' | 'q' | 'includeRetired'>

export interface LayerListParams {
  'hazard-sources': FilterParams<typeof hazardSourceListQuery>
  'hidden-dangers': FilterParams<typeof hiddenDangerListQuery>
  resources: FilterParams<typeof resourceListQuery>
  enterprises: FilterParams<typeof enterpriseListQuery>
}

const list = (values: readonly string[]) =>
  values.length ? [...values].sort().join(',') : undefined

/** Drops unset keys so equal filters give equal query keys (and cache entries). */
function defined<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as T
}

/**
 * The one translation from the filter store to list query parameters. Everything that asks
 * the server for a layer's features (GeoJSON lists now, vector tiles later) goes through
 * here, so the map and the legend counts always agree with the filter UI.
 */
export function listParamsFor<L extends FilterableLayerId>(
  layer: L,
  state: FiltersState,
): LayerListParams[L] {
  const region = state.region?.code
  const byLayer: { [K in FilterableLayerId]: () => LayerListParams[K] } = {
    'hazard-sources': () => ({ region, grade: list(state.layers['hazard-sources'].grade) }),
    'hidden-dangers': () => {
      const f = state.layers['hidden-dangers']
      return {
        region,
        severity: f.severity ?? undefined,
        status: list(f.status),
        overdue: f.overdue === null ? undefined : f.overdue ? 'true' : 'false',
      }
    },
    resources: () => ({
      region,
      kind: list(state.layers.resources.kind),
      status: state.layers.resources.status ?? undefined,
    }),
    enterprises: () => ({ region, industry: state.layers.enterprises.industry ?? undefined }),
  }
  return defined(byLayer[layer]())
}

/** The current list parameters of one layer, stable while its filters do not change. */
export function useLayerListParams<L extends FilterableLayerId>(layer: L): LayerListParams[L] {
  const layers = useFilters((s) => s.layers)
  const region = useFilters((s) => s.region)
  const own = layers[layer]
  // Only this layer's filters and the region matter; other layers' changes keep the object.
  return useMemo(
    () => listParamsFor(layer, { layers: { ...layers, [layer]: own }, region }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layer, own, region],
  )
}
