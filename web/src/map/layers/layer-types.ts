import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl'
import type { MessageKey } from '../../i18n/messages.ts'
import type { PanelContent } from '../../state/panels.ts'
import type { MapContextValue } from '../map-context.ts'

/** How the legend draws a layer: an area (fill + outline), a line, or a point symbol. */
export interface LayerSwatch {
  shape: 'area' | 'line' | 'point'
  stroke: string
  fill?: string
  /** Several point colours side by side (a graded layer: the four colours in order). */
  fills?: readonly string[]
  dashed?: boolean
}

/** What a layer's binding receives: the ready map and whether the user shows the layer. */
export interface LayerBindingContext extends MapContextValue {
  visible: boolean
}

/**
 * One entry of the layer registry. The legend, the visibility toggles, the counts in view
 * and the click/hover picking all iterate these; nothing else lists layers.
 */
export interface MapLayerDefinition {
  id: string
  labelKey: MessageKey
  /** Below this zoom the layer draws nothing; the legend says so. */
  minzoom: number
  swatch: LayerSwatch
  defaultVisible: boolean
  /** Registry layers: drawn, listed in the legend and pickable only with a session. */
  requiresSignIn?: boolean
  /** Style layers that answer hover, clicks and counts. */
  hitLayerIds: readonly string[]
  /**
   * Which layer wins when several are under the pointer: larger is more specific
   * (county over city over province; point layers will sit above all regions).
   */
  pickPriority: number
  /**
   * A React hook, called once per map for the lifetime of the map: it fetches the layer's
   * data with the query hooks and applies sources and style layers to the map (adding them
   * once, then `setData` / `setLayoutProperty`, never tearing down).
   */
  useBinding: (context: LayerBindingContext) => void
  /** Distinct features of this layer in the current viewport. */
  countInView: (map: MapLibreMap) => number
  /** The panel a click on one of this layer's features opens, if any. */
  panelFor?: (feature: MapGeoJSONFeature) => PanelContent | null
  /** The reverse: the feature an open panel describes, so the map can mark it selected. */
  featureFor?: (content: PanelContent) => FeatureRef | null
}

/** A feature by source and (promoted) id, as `map.setFeatureState` takes it. */
export interface FeatureRef {
  source: string
  /** Vector-tile sources name the layer inside the tile too. */
  sourceLayer?: string
  id: string | number
}

/** Distinct features rendered in the viewport on the given style layers, by a property. */
export function countRendered(map: MapLibreMap, layerIds: readonly string[], key: string): number {
  const layers = layerIds.filter((id) => map.getLayer(id))
  if (layers.length === 0) return 0
  const seen = new Set<unknown>()
  for (const feature of map.queryRenderedFeatures({ layers })) seen.add(feature.properties[key])
  return seen.size
}
