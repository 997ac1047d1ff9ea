import type { MapLayerDefinition } from './layer-types.ts'
import { citiesLayer, countiesLayer, provincesLayer } from './regions-layer.ts'

/**
 * Every map layer, listed once. The legend shows them in this order; a new layer is one
 * file exporting a `MapLayerDefinition` (see layer-types.ts), added here.
 */
export const layerRegistry: readonly MapLayerDefinition[] = [
  countiesLayer,
  citiesLayer,
  provincesLayer,
]

export const isLayerVisible = (layer: MapLayerDefinition, visible: Record<string, boolean>) =>
  visible[layer.id] ?? layer.defaultVisible

export type { MapLayerDefinition } from './layer-types.ts'
