import { useEffect, useMemo } from 'react'
import { useDateFormat, useT } from '../i18n/use-t.ts'
import { useDrillReplay, type DrillDetail } from './drills-api.ts'
import { useDrillsUi } from './drills-store.ts'
import { replayFrame, replaySpan } from './replay-frame.ts'

const MINUTE = 60_000

/** 演练回放: a slider through the drill's timeline; the map shows that moment (replay layer). */
export function DrillReplay({ drill }: { drill: DrillDetail }) {
  const t = useT()
  const date = useDateFormat()
  const state = useDrillsUi((s) => s.replay)
  const setReplay = useDrillsUi((s) => s.setReplay)
  const active = state?.drillId === drill.id
  const { data: replay } = useDrillReplay(drill.id, active)
  const span = useMemo(() => (replay ? replaySpan(replay) : null), [replay])
  const at = active && span ? Math.min(Math.max(state.at, span.from), span.to) : 0
  const frame = useMemo(
    () => (replay && active ? replayFrame(replay, at) : null),
    [replay, active, at],
  )
  // Leaving the panel ends the replay on the map.
  useEffect(() => () => useDrillsUi.getState().setReplay(null), [])

  if (!active) {
    return (
      <button
        type="button"
        className="button"
        data-action="replay"
        onClick={() => setReplay({ drillId: drill.id, at: Date.parse(drill.startedAt!) })}
      >
        {t('drills.replay')}
      </button>
    )
  }
  if (!span || !frame) return <p className="panel-status">{t('panel.loading')}</p>
  const minute = Math.round((at - span.from) / MINUTE)
  return (
    <section className="drill-replay" data-testid="drill-replay" data-minute={minute}>
      <h3 className="panel-subhead">{t('drills.replay')}</h3>
      <input
        type="range"
        className="drill-replay__slider"
        aria-label={t('drills.replaySlider')}
        min={0}
        max={Math.ceil((span.to - span.from) / MINUTE)}
        step={1}
        value={minute}
        onChange={(e) =>
          setReplay({ drillId: drill.id, at: span.from + Number(e.target.value) * MINUTE })
        }
      />
      <p className="drill-replay__now" data-field="replay-now">
        {t('drills.replayAt', { minute, at: date(new Date(at).toISOString()) })} ·{' '}
        <span data-field="replay-status">
          {t(`incidents.status.${frame.status as 'reported'}`)}
        </span>
        {frame.grade && ` · ${frame.grade}`} ·{' '}
        {t('drills.replayDispatches', { n: frame.dispatches.length })}
      </p>
      <ul className="drill-replay__steps">
        {frame.steps.map((s) => (
          <li key={s.key} data-state={s.state}>
            {s.title} <small>({t('drills.minutes', { n: s.targetMinutes })})</small> ·{' '}
            {t(`drills.stepState.${s.state}`)}
          </li>
        ))}
      </ul>
      <ol className="drill-replay__entries">
        {frame.entries.slice(0, 6).map((e, i) => (
          <li key={i} data-kind={e.kind}>
            <small>{date(e.at)}</small> {t(`drills.entry.${entryKind(e.kind)}`)}
            {typeof e.data.text === 'string' && `：${e.data.text}`}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small" onClick={() => setReplay(null)}>
        {t('drills.replayClose')}
      </button>
    </section>
  )
}

const entryKinds = [
  'report',
  'update',
  'grade_change',
  'status',
  'injection',
  'dispatch',
  'note',
] as const
const entryKind = (kind: string) =>
  (entryKinds as readonly string[]).includes(kind) ? (kind as (typeof entryKinds)[number]) : 'other'
