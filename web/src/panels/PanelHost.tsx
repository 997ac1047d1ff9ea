import { useEffect } from 'react'
import { IncidentPanel } from '../incidents/IncidentPanel.tsx'
import { usePanels, type PanelState } from '../state/panels.ts'
import { EnterprisePanel } from './EnterprisePanel.tsx'
import { HazardSourcePanel } from './HazardSourcePanel.tsx'
import { HiddenDangerPanel } from './HiddenDangerPanel.tsx'
import { RegionPanel } from './RegionPanel.tsx'
import { ResourcePanel } from './ResourcePanel.tsx'

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
          <PanelContent key={panel.id} panel={panel} />
        ))}
    </div>
  )
}
