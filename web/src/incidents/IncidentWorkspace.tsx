import { DutyPanel } from '../duty/DutyPanel.tsx'
import { ReportForm } from './ReportForm.tsx'
import { ReportPicker } from './ReportPicker.tsx'

/** The incident tools that float over the map: placing a report, its form, the duty panel. */
export function IncidentWorkspace() {
  return (
    <>
      <ReportPicker />
      <div className="incident-drawers">
        <ReportForm />
        <DutyPanel />
      </div>
    </>
  )
}
