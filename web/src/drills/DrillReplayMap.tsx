import { useMemo } from 'react'
import { useMapContext } from '../map/map-context.ts'
import { useDrillReplay } from './drills-api.ts'
import { useDrillsUi } from './drills-store.ts'
import { useDrillReplayLayer } from './layers/drill-replay-layer.ts'
import { replayFrame } from './replay-frame.ts'

/** Draws the open replay at the slider's moment (mounted once inside <WhenMapReady>). */
export function DrillReplayMap() {
  const { map } = useMapContext()
  const state = useDrillsUi((s) => s.replay)
  const { data } = useDrillReplay(state?.drillId ?? '', state !== null)
  const replay = state && data?.drillId === state.drillId ? data : null
  const frame = useMemo(
    () => (replay && state ? replayFrame(replay, state.at) : null),
    [replay, state],
  )
  useDrillReplayLayer(map, replay, frame)
  return null
}
