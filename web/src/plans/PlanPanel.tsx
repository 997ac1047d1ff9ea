import { AttachedPanel } from '../panels/AttachedPanel.tsx'
import { usePanels, type PanelState } from '../state/panels.ts'
import { usePlan } from './plans-api.ts'
import { PlanView } from './PlanView.tsx'

export type PlanPanelState = PanelState & { content: { kind: 'plan' } }

/** A plan opened from an incident: attached beside the incident panel, at the incident. */
export function PlanPanel({ panel }: { panel: PlanPanelState }) {
  const close = usePanels((s) => s.close)
  const pin = usePanels((s) => s.pin)
  const { data } = usePlan(panel.content.id)
  return (
    <AttachedPanel
      id={panel.id}
      anchor={panel.anchor}
      title={data?.title ?? '…'}
      pinned={panel.pinned}
      onPin={(p) => pin(panel.id, p)}
      onClose={() => close(panel.id)}
      {...(panel.beside ? { beside: panel.beside } : {})}
    >
      <PlanView id={panel.content.id} />
    </AttachedPanel>
  )
}
