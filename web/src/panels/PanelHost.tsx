import { Suspense, useEffect } from 'react'
import type { DrillPanel as DrillPanelType } from '../drills/DrillPanel.tsx'
import type { AlertPanel as AlertPanelType } from '../alerts/AlertPanel.tsx'
import type { IncidentPanel as IncidentPanelType } from '../incidents/IncidentPanel.tsx'
import type { PlanPanel as PlanPanelType } from '../plans/PlanPanel.tsx'
import { onDemand } from '../lazy/on-demand.ts'
import { usePanels, type PanelState } from '../state/panels.ts'
import type { EnterprisePanel as EnterprisePanelType } from './EnterprisePanel.tsx'
import type { HazardSourcePanel as HazardSourcePanelType } from './HazardSourcePanel.tsx'
import type { HiddenDangerPanel as HiddenDangerPanelType } from './HiddenDangerPanel.tsx'
import type { RegionPanel as RegionPanelType } from './RegionPanel.tsx'
import type { ResourcePanel as ResourcePanelType } from './ResourcePanel.tsx'

type PropsOf<C> = C extends (props: infer P) => unknown ? P & object : never

// Each panel kind is its own chunk, fetched when the first panel of that kind opens.
const RegionPanel = onDemand<PropsOf<typeof RegionPanelType>>(
  () => import('./RegionPanel.tsx'),
  'RegionPanel',
)
const HazardSourcePanel = onDemand<PropsOf<typeof HazardSourcePanelType>>(
  () => import('./HazardSourcePanel.tsx'),
  'HazardSourcePanel',
)
const EnterprisePanel = onDemand<PropsOf<typeof EnterprisePanelType>>(
  () => import('./EnterprisePanel.tsx'),
  'EnterprisePanel',
)
const HiddenDangerPanel = onDemand<PropsOf<typeof HiddenDangerPanelType>>(
  () => import('./HiddenDangerPanel.tsx'),
  'HiddenDangerPanel',
)
const ResourcePanel = onDemand<PropsOf<typeof ResourcePanelType>>(
  () => import('./ResourcePanel.tsx'),
  'ResourcePanel',
)
const IncidentPanel = onDemand<PropsOf<typeof IncidentPanelType>>(
  () => import('../incidents/IncidentPanel.tsx'),
  'IncidentPanel',
)

const DrillPanel = onDemand<PropsOf<typeof DrillPanelType>>(
  () => import('../drills/DrillPanel.tsx'),
  'DrillPanel',
)
const PlanPanel = onDemand<PropsOf<typeof PlanPanelType>>(
  () => import('../plans/PlanPanel.tsx'),
  'PlanPanel',
)
const AlertPanel = onDemand<PropsOf<typeof AlertPanelType>>(
  () => import('../alerts/AlertPanel.tsx'),
  'AlertPanel',
)

/** Which component shows which panel kind; a new panel kind adds one case. */
function PanelContent({ panel }: { panel: PanelState }) {
  const { content } = panel
  switch (content.kind) {
    case 'region':
      return <RegionPanel panel={{ ...panel, content }} />
    case 'hazard-source':
      return <HazardSourcePanel panel={{ ...panel, content }} />
    case 'enterprise':
      return <EnterprisePanel panel={{ ...panel, content }} />
    case 'hidden-danger':
      return <HiddenDangerPanel panel={{ ...panel, content }} />
    case 'resource':
      return <ResourcePanel panel={{ ...panel, content }} />
    case 'incident':
      return <IncidentPanel panel={{ ...panel, content }} />
    case 'drill':
      return <DrillPanel panel={{ ...panel, content }} />
    case 'plan':
      return <PlanPanel panel={{ ...panel, content }} />
    case 'alert':
      return <AlertPanel panel={{ ...panel, content }} />
  }
}

/** Renders the open panels over the map; Esc closes the frontmost unpinned one. */
export function PanelHost() {
  const panels = usePanels((s) => s.panels)
  const closeTopUnpinned = usePanels((s) => s.closeTopUnpinned)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (closeTopUnpinned()) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [closeTopUnpinned])

  return (
    <div className="panel-layer">
      {/* Stable DOM order (by id); stacking comes from z-index, so focus is not lost. */}
      {[...panels]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((panel) => (
          <Suspense key={panel.id} fallback={null}>
            <PanelContent panel={panel} />
          </Suspense>
        ))}
    </div>
  )
}
