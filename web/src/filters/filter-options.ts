import type { MessageKey } from '../i18n/messages.ts'
import type {
  DangerSeverity,
  DangerStatus,
  FilterableLayerId,
  Industry,
  ResourceKind,
  ResourceStatus,
} from '../state/filters.ts'
import type { GradeFilterValue } from '../../../server/routes/hazard-sources/hazard-sources.schemas.ts'
import { dangerStatuses } from '../../../server/domain/registry/danger-status.ts'
import { industries } from '../../../server/domain/registry/industries.ts'

/*
 * The choices the filter UI offers. The values are typed by the server's enums and checked
 * to cover each enum completely (`all`), without importing the drizzle schema into the page.
 */

/** Compiles only when `values` lists every member of T. */
const all =
  <T extends string>() =>
  <const V extends readonly T[]>(values: V & ([T] extends [V[number]] ? unknown : never)) =>
    values

export const gradeOptions = all<GradeFilterValue>()(['一级', '二级', '三级', '四级', '未定级'])
export const resourceKindOptions = all<ResourceKind>()([
  'team',
  'warehouse',
  'equipment',
  'expert',
  'shelter',
  'medical',
])
export const resourceStatusOptions = all<ResourceStatus>()([
  'available',
  'dispatched',
  'out_of_service',
])
export const severityOptions = all<DangerSeverity>()(['major', 'general'])
// Lifecycle order and the sectors' order, straight from the pure domain lists.
export const dangerStatusOptions: readonly DangerStatus[] = dangerStatuses
export const industryOptions: readonly Industry[] = industries

/** Which message labels a value; null: the value is its own (Chinese) label. */
export const optionLabel = {
  grade: (v: GradeFilterValue): MessageKey | null => (v === '未定级' ? 'filters.ungraded' : null),
  resourceKind: (v: ResourceKind): MessageKey => `resource.kind.${v}`,
  resourceStatus: (v: ResourceStatus): MessageKey => `resource.status.${v}`,
  severity: (v: DangerSeverity): MessageKey => `danger.severity.${v}`,
  dangerStatus: (v: DangerStatus): MessageKey => `danger.status.${v}`,
}

export const layerLabelKey: Record<FilterableLayerId, MessageKey> = {
  'hazard-sources': 'layers.hazardSources',
  'hidden-dangers': 'layers.hiddenDangers',
  resources: 'layers.resources',
  enterprises: 'layers.enterprises',
}
