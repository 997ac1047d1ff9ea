import { create } from 'zustand'
import type { z } from '@hono/zod-openapi'
import type { enterpriseListQuery } from '../../../server/routes/enterprises/enterprises.schemas.ts'
import type { GradeFilterValue } from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import type {
  HiddenDangerFeatureProperties,
  hiddenDangerListQuery,
} from '../../../server/routes/hidden-dangers/hidden-dangers.schemas.ts'
import type {
  ResourceFeatureProperties,
  resourceListQuery,
} from '../../../server/routes/resources/resources.schemas.ts'

/** The parsed (server-side) value of one list filter: the enums the server accepts. */
type Parsed<S extends z.ZodType, K extends keyof z.output<S>> = NonNullable<z.output<S>[K]>

export type DangerSeverity = Parsed<typeof hiddenDangerListQuery, 'severity'>
export type DangerStatus = HiddenDangerFeatureProperties['status']
export type ResourceKind = ResourceFeatureProperties['kind']
export type ResourceStatus = Parsed<typeof resourceListQuery, 'status'>
export type Industry = Parsed<typeof enterpriseListQuery, 'industry'>

/**
 * What each registry layer is narrowed to. An empty list or null means "all": a filter only
 * ever removes features. The values are the server's own enums, so they go to the list
 * endpoints unchanged (see filter-params.ts).
 */
export interface LayerFilters {
  'hazard-sources': { grade: GradeFilterValue[] }
  'hidden-dangers': {
    severity: DangerSeverity | null
    status: DangerStatus[]
    overdue: boolean | null
  }
  resources: { kind: ResourceKind[]; status: ResourceStatus | null }
  enterprises: { industry: Industry | null }
}

export type FilterableLayerId = keyof LayerFilters

export const filterableLayerIds: readonly FilterableLayerId[] = [
  'hazard-sources',
  'hidden-dangers',
  'resources',
  'enterprises',
]

export const isFilterableLayer = (id: string): id is FilterableLayerId =>
  (filterableLayerIds as readonly string[]).includes(id)

/** A region every registry layer is limited to (the code and below). */
export interface RegionFilter {
  code: string
  /** For the legend chip; the URL keeps only the code. */
  name: string | null
}

export const noFilters = (): LayerFilters => ({
  'hazard-sources': { grade: [] },
  'hidden-dangers': { severity: null, status: [], overdue: null },
  resources: { kind: [], status: null },
  enterprises: { industry: null },
})

/** Exercises (演练) in the incident list and layer: left out unless the user asks. */
export const exerciseModes = ['exclude', 'include', 'only'] as const
export type ExerciseMode = (typeof exerciseModes)[number]

export interface FiltersState {
  layers: LayerFilters
  region: RegionFilter | null
  /** Optional so older callers keep working: absent is 'exclude'. */
  exercises?: ExerciseMode
}

interface FiltersStore extends FiltersState {
  setLayer: <L extends FilterableLayerId>(layer: L, patch: Partial<LayerFilters[L]>) => void
  clearLayer: (layer: FilterableLayerId) => void
  setRegion: (region: RegionFilter | null) => void
  setExercises: (mode: ExerciseMode) => void
  /** Everything at once (a URL being applied). */
  replace: (state: FiltersState) => void
}

/** The map's filters: per layer, plus one region for all of them. Not persisted: the URL is. */
export const useFilters = create<FiltersStore>()((set) => ({
  layers: noFilters(),
  region: null,
  exercises: 'exclude',
  setLayer: (layer, patch) =>
    set((s) => ({ layers: { ...s.layers, [layer]: { ...s.layers[layer], ...patch } } })),
  clearLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: noFilters()[layer] } })),
  setRegion: (region) => set({ region }),
  setExercises: (exercises) => set({ exercises }),
  replace: (state) =>
    set({ layers: state.layers, region: state.region, exercises: state.exercises ?? 'exclude' }),
}))

/** Whether a layer's own filters narrow anything (the region is shown separately). */
export function isLayerFiltered(filters: LayerFilters, layer: FilterableLayerId): boolean {
  return Object.values(filters[layer]).some((v) =>
    Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined,
  )
}
