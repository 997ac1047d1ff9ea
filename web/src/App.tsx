import { LoginCorner } from './auth/AuthCorner.tsx'
import { TopBar } from './chrome/TopBar.tsx'
import { LayerLegend } from './map/LayerLegend.tsx'
import { MapContextMenu } from './map/context-menu/MapContextMenu.tsx'
import { MapLayers } from './map/MapLayers.tsx'
import { MapView } from './map/MapView.tsx'
import { OpenOnJurisdiction } from './map/OpenOnJurisdiction.tsx'
import { WhenMapReady } from './map/map-context.ts'
import { AlertDrawTool } from './alerts/AlertDrawTool.tsx'
import { AlertsCard } from './alerts/AlertsCard.tsx'
import { IncidentList } from './incidents/IncidentList.tsx'
import { IncidentWorkspace } from './incidents/IncidentWorkspace.tsx'
import { LiveEvents } from './live/LiveEvents.tsx'
import { PanelHost } from './panels/PanelHost.tsx'
import { UrlStateSync } from './state/url-sync.ts'
import { MeasureTool } from './tools/measure/MeasureTool.tsx'
import { NearbyCard } from './tools/nearby/NearbyCard.tsx'
import { NearbyTool } from './tools/nearby/NearbyTool.tsx'

/** The frame: the map, the panels over it, and the chrome (top bar and card columns). Nothing else lives here. */
export function App() {
  return (
    <div className="app">
      <LiveEvents />
      <MapView>
        <WhenMapReady>
          <MapLayers />
          <PanelHost />
          <IncidentWorkspace />
          <UrlStateSync />
          <OpenOnJurisdiction />
          <MeasureTool />
          <NearbyTool />
          <AlertDrawTool />
          <MapContextMenu />
        </WhenMapReady>
        <div className="chrome">
          <TopBar />
          <div className="chrome__body">
            <div className="corner corner--top-left">
              <WhenMapReady>
                <LayerLegend />
              </WhenMapReady>
            </div>
            <div className="corner corner--top-right">
              <LoginCorner />
              <WhenMapReady>
                <NearbyCard />
                <IncidentList />
                <AlertsCard />
              </WhenMapReady>
            </div>
          </div>
        </div>
      </MapView>
    </div>
  )
}
