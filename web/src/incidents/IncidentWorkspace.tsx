import { Suspense } from 'react'
import { useDrillsUi } from '../drills/drills-store.ts'
import { useDuty } from '../duty/duty-store.ts'
import { onDemand } from '../lazy/on-demand.ts'
import { usePlansUi } from '../plans/plans-store.ts'
import { ReportPicker } from './ReportPicker.tsx'
import { useReport } from './report-store.ts'

// The form and the duty panel are fetched when first opened, not with the map.
const ReportForm = onDemand(() => import('./ReportForm.tsx'), 'ReportForm')
const DutyPanel = onDemand(() => import('../duty/DutyPanel.tsx'), 'DutyPanel')
const DrillsPanel = onDemand(() => import('../drills/DrillsPanel.tsx'), 'DrillsPanel')
const DrillMapTools = onDemand(() => import('../drills/DrillMapTools.tsx'), 'DrillMapTools')
const PlanLibrary = onDemand(() => import('../plans/PlanLibrary.tsx'), 'PlanLibrary')

/** The incident tools that float over the map: placing a report, its form, duty, drills. */
export function IncidentWorkspace() {
  const drafting = useReport((s) => s.draft !== null)
  const dutyOpen = useDuty((s) => s.open)
  const drillsOpen = useDrillsUi((s) => s.open)
  const replaying = useDrillsUi((s) => s.replay !== null)
  const libraryOpen = usePlansUi((s) => s.libraryOpen)
  return (
    <>
      <ReportPicker />
      <div className="incident-drawers">
        <Suspense fallback={null}>
          {drafting && <ReportForm />}
          {dutyOpen && <DutyPanel />}
          {drillsOpen && <DrillsPanel />}
          {libraryOpen && <PlanLibrary />}
        </Suspense>
      </div>
      <Suspense fallback={null}>{(drillsOpen || replaying) && <DrillMapTools />}</Suspense>
    </>
  )
}
