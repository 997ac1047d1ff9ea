import { DrillPlacePicker } from './DrillPlacePicker.tsx'
import { DrillReplayMap } from './DrillReplayMap.tsx'

/** What drills draw on the map: the place being picked and the replay at its moment. */
export function DrillMapTools() {
  return (
    <>
      <DrillPlacePicker />
      <DrillReplayMap />
    </>
  )
}
