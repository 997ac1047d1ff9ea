import { useEffect, useMemo, useState } from 'react'
import type { LayerSpecification } from 'maplibre-gl'
import { useSignedIn } from '../../api/auth.ts'
import type { LayerBindingContext, MapLayerDefinition } from '../../map/layers/layer-types.ts'
import { countRendered } from '../../map/layers/layer-types.ts'
import {
  HIGHLIGHT,
  highlighted,
  usePointSource,
  type PointSourceSpec,
} from '../../map/layers/registry-points.ts'
import { byLevel, levelColour } from '../alert-style.ts'
import { useActiveAlerts, type AlertCollection } from '../alerts-api.ts'

/*
 * 预警 (alerts in force): each area translucent in its level's colour with a solid outline,
 * below every point layer. The list comes from /api/alerts and is refetched on alert events;
 * a client timer takes an alert off at its expiry (and fills a pending one at its onset)
 * without waiting for the server, so an expired alert disappears by itself.
 */

const SOURCE = 'alerts'
export const alertLayerIds = { fill: 'alerts-fill', line: 'alerts-line' }

const pending = ['==', ['get', 'phase'], 'pending']

const spec: PointSourceSpec = {
  source: SOURCE,
  // Below every point layer (their ranks start above this), above the region outlines.
  rank: 1,
  layers: (): LayerSpecification[] => [
    {
      id: alertLayerIds.fill,
      type: 'fill',
      source: SOURCE,
      paint: {
        'fill-color': byLevel('hex'),
        'fill-opacity': ['case', highlighted, 0.4, pending, 0.1, 0.25] as unknown as number,
      },
    },
    {
      id: alertLayerIds.line,
      type: 'line',
      source: SOURCE,
      paint: {
        'line-color': ['case', highlighted, HIGHLIGHT, byLevel('strokeHex')] as unknown as string,
        'line-width': ['case', highlighted, 3, 2] as unknown as number,
        'line-dasharray': ['case', pending, ['literal', [2, 2]], ['literal', [1, 0]]] as never,
      },
    },
  ],
}

/** The alerts in force or pending at `now`, with their phase as of `now`. */
export function alertsAt(data: AlertCollection | undefined, now: number): AlertCollection {
  const features = (data?.features ?? [])
    .filter((f) => f.properties.phase !== 'lifted' && Date.parse(f.properties.expiresAt) > now)
    .map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        phase: Date.parse(f.properties.onset) > now ? ('pending' as const) : ('active' as const),
      },
    }))
  return { type: 'FeatureCollection', features }
}

const MAX_TIMER_MS = 2 ** 31 - 1

/** `Date.now()` that ticks exactly when the next alert starts or ends (no polling). */
export function useAlertClock(data: AlertCollection | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const moments = (data?.features ?? [])
      .flatMap((f) => [Date.parse(f.properties.onset), Date.parse(f.properties.expiresAt)])
      .filter((t) => t > now)
    if (moments.length === 0) return
    const wait = Math.min(Math.min(...moments) - Date.now(), MAX_TIMER_MS)
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, wait) + 50)
    return () => clearTimeout(timer)
  }, [data, now])
  return now
}

/** Alerts as drawn now: the list less those past their expiry by the client clock. */
export function useAlertsInForce() {
  const query = useActiveAlerts()
  const now = useAlertClock(query.data)
  return useMemo(() => alertsAt(query.data, now), [query.data, now])
}

function useAlertsBinding(context: LayerBindingContext) {
  const signedIn = useSignedIn()
  const data = useAlertsInForce()
  usePointSource(spec, context, (signedIn ? data : undefined) as never, context.visible && signedIn)
}

export const alertsLayer: MapLayerDefinition = {
  id: 'alerts',
  labelKey: 'layers.alerts',
  minzoom: 0,
  swatch: {
    shape: 'area',
    stroke: levelColour('二级').strokeHex,
    fill: levelColour('二级').hex,
  },
  defaultVisible: true,
  requiresSignIn: true,
  hitLayerIds: [alertLayerIds.fill],
  // Below points (a click on a point inside the area opens the point), above regions.
  pickPriority: 40,
  useBinding: useAlertsBinding,
  countInView: (map) => countRendered(map, [alertLayerIds.fill], 'id'),
  panelFor: (feature) => {
    const id: unknown = feature.properties.id
    return typeof id === 'string' ? { kind: 'alert', id } : null
  },
  featureFor: (content) => (content.kind === 'alert' ? { source: SOURCE, id: content.id } : null),
}
