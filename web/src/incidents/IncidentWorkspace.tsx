import { Suspense } from 'react'
import { useDuty } from '../duty/duty-store.ts'
import { onDemand } from '../lazy/on-demand.ts'
import { usePlansUi } from '../plans/plans-store.ts'
import { ReportPicker } from './ReportPicker.tsx'
import { useReport } from './report-store.ts'

// The form and the duty panel are fetched when first opened, not with the map.
const ReportForm = onDemand(() => import('./ReportForm.tsx'), 'ReportForm')
const DutyPanel = onDemand(() => import('../duty/DutyPanel.tsx'), 'DutyPanel')
const PlanLibrary = onDemand(() => import('../plans/PlanLibrary.tsx'), 'PlanLibrary')

/** The incident tools that float over the map: placing a report, its form, the duty panel. */
export function IncidentWorkspace() {
  const drafting = useReport((s) => s.draft !== null)
  const dutyOpen = useDuty((s) => s.open)
  const libraryOpen = usePlansUi((s) => s.libraryOpen)
  return (
    <>
      <ReportPicker />
      <div className="incident-drawers">
        <Suspense fallback={null}>
          {drafting && <ReportForm />}
          {dutyOpen && <DutyPanel />}
          {libraryOpen && <PlanLibrary />}
        </Suspense>
      </div>
    </>
  )
}
