import { AuthCorner } from './auth/AuthCorner.tsx'
import { LocaleSwitch } from './i18n/LocaleSwitch.tsx'
import { useT } from './i18n/use-t.ts'
import { LayerLegend } from './map/LayerLegend.tsx'
import { MapContextMenu } from './map/context-menu/MapContextMenu.tsx'
import { MapLayers } from './map/MapLayers.tsx'
import { MapView } from './map/MapView.tsx'
import { WhenMapReady } from './map/map-context.ts'
import { IncidentList } from './incidents/IncidentList.tsx'
import { IncidentWorkspace } from './incidents/IncidentWorkspace.tsx'
import { LiveEvents } from './live/LiveEvents.tsx'
import { LiveToolbar } from './live/LiveToolbar.tsx'
import { PanelHost } from './panels/PanelHost.tsx'
import { SearchBox } from './search/SearchBox.tsx'
import { UrlStateSync } from './state/url-sync.ts'
import { MapToolbar } from './tools/MapToolbar.tsx'
import { MeasureTool } from './tools/measure/MeasureTool.tsx'
import { NearbyCard } from './tools/nearby/NearbyCard.tsx'
import { NearbyTool } from './tools/nearby/NearbyTool.tsx'

function Brand() {
  const t = useT()
  return (
    <header className="brand">
      <h1 className="brand__title">{t('app.title')}</h1>
      <p className="brand__subtitle">{t('app.subtitle')}</p>
    </header>
  )
}

/** The frame: the map, the panels over it, and the corner controls. Nothing else lives here. */
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
          <MeasureTool />
          <NearbyTool />
          <MapContextMenu />
        </WhenMapReady>
        <div className="corner corner--top-left">
          <Brand />
          <WhenMapReady>
            <LayerLegend />
          </WhenMapReady>
        </div>
        <div className="corner corner--top-right">
          <SearchBox />
          <LocaleSwitch />
          <AuthCorner />
          <LiveToolbar />
          <MapToolbar />
          <WhenMapReady>
            <NearbyCard />
            <IncidentList />
          </WhenMapReady>
        </div>
      </MapView>
    </div>
  )
}
