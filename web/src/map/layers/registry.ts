import { alertsLayer } from '../../alerts/layers/alerts-layer.ts'
import { dispatchLinesLayer } from './dispatch-lines-layer.ts'
import { enterprisesLayer } from './enterprises-layer.ts'
import { hazardSourcesLayer } from './hazard-sources-layer.ts'
import { hiddenDangersLayer } from './hidden-dangers-layer.ts'
import { incidentsLayer } from './incidents-layer.ts'
import type { MapLayerDefinition } from './layer-types.ts'
import { citiesLayer, countiesLayer, provincesLayer } from './regions-layer.ts'
import { resourcesLayer } from './resources-layer.ts'

/**
 * Every map layer, listed once. The legend shows them in this order; a new layer is one
 * file exporting a `MapLayerDefinition` (see layer-types.ts), added here. Point layers are
 * drawn in the order added (later above): enterprises lowest, hazard sources on top.
 */
export const layerRegistry: readonly MapLayerDefinition[] = [
  incidentsLayer,
  dispatchLinesLayer,
  hazardSourcesLayer,
  hiddenDangersLayer,
  resourcesLayer,
  enterprisesLayer,
  alertsLayer,
  countiesLayer,
  citiesLayer,
  provincesLayer,
]

/** Shown: the user's choice (or the default), and a session for registry layers. */
export const isLayerVisible = (
  layer: MapLayerDefinition,
  visible: Record<string, boolean>,
  signedIn = true,
) => (signedIn || !layer.requiresSignIn) && (visible[layer.id] ?? layer.defaultVisible)

/** Whether the legend lists the layer: registry layers only with a session. */
export const isLayerListed = (layer: MapLayerDefinition, signedIn: boolean) =>
  signedIn || !layer.requiresSignIn

export type { MapLayerDefinition } from './layer-types.ts'
