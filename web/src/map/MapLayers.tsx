import { useMemo } from 'react'
import { useSignedIn } from '../api/auth.ts'
import { useLayers } from '../state/layers.ts'
import { useMapContext, type MapContextValue } from './map-context.ts'
import type { MapLayerDefinition } from './layers/layer-types.ts'
import { isLayerVisible, layerRegistry } from './layers/registry.ts'
import { useMapInteractions, useSelectedFeatures } from './use-map-interactions.ts'

/** One component per registry entry, so each layer's binding hook has a stable home. */
function LayerBinding(props: {
  layer: MapLayerDefinition
  context: MapContextValue
  visible: boolean
}) {
  props.layer.useBinding({ ...props.context, visible: props.visible })
  return null
}

/** Puts every registry layer on the map and wires hover and click picking across them. */
export function MapLayers() {
  const context = useMapContext()
  const visibility = useLayers((s) => s.visible)
  const signedIn = useSignedIn()
  const shown = useMemo(
    () => layerRegistry.filter((layer) => isLayerVisible(layer, visibility, signedIn)),
    [visibility, signedIn],
  )
  useMapInteractions(context.map, shown)
  useSelectedFeatures(context.map, shown)
  return layerRegistry.map((layer) => (
    <LayerBinding
      key={layer.id}
      layer={layer}
      context={context}
      visible={isLayerVisible(layer, visibility)}
    />
  ))
}
