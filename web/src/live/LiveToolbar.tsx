import { useMe } from '../api/auth.ts'
import { useDrillsUi } from '../drills/drills-store.ts'
import { useDuty } from '../duty/duty-store.ts'
import { useT } from '../i18n/use-t.ts'
import { useReport } from '../incidents/report-store.ts'
import { usePlansUi } from '../plans/plans-store.ts'
import { unlockAlertTone } from './alert-tone.ts'
import { useLive } from './live-store.ts'

/** Top-bar commands of the command room: 接报, 值守, the alert tone and the stream state. */
export function LiveToolbar() {
  const t = useT()
  const me = useMe().data
  const picking = useReport((s) => s.picking)
  const setPicking = useReport((s) => s.setPicking)
  const dutyOpen = useDuty((s) => s.open)
  const setDutyOpen = useDuty((s) => s.setOpen)
  const drillsOpen = useDrillsUi((s) => s.open)
  const setDrillsOpen = useDrillsUi((s) => s.setOpen)
  const plansOpen = usePlansUi((s) => s.libraryOpen)
  const setPlansOpen = usePlansUi((s) => s.setLibraryOpen)
  const soundOn = useLive((s) => s.soundOn)
  const setSoundOn = useLive((s) => s.setSoundOn)
  const connection = useLive((s) => s.connection)
  if (!me) return null
  return (
    <div
      className="live-toolbar toolbar-group"
      role="toolbar"
      aria-label={t('chrome.commandGroup')}
      data-testid="live-toolbar"
    >
      <span className="toolbar-group__label" aria-hidden="true">
        {t('chrome.commandGroup')}
      </span>
      {me.canWrite && (
        <button
          type="button"
          className="button"
          data-action="report"
          aria-pressed={picking}
          title={t('incidents.reportHint')}
          onClick={() => setPicking(!picking)}
        >
          {picking ? t('incidents.reportPicking') : t('incidents.report')}
        </button>
      )}
      <button
        type="button"
        className="button"
        data-action="duty"
        aria-pressed={dutyOpen}
        onClick={() => setDutyOpen(!dutyOpen)}
      >
        {t('duty.title')}
      </button>
      <button
        type="button"
        className="button"
        data-action="drills"
        aria-pressed={drillsOpen}
        title={t('drills.title')}
        onClick={() => setDrillsOpen(!drillsOpen)}
      >
        {t('drills.button')}
      </button>
      <button
        type="button"
        className="button"
        data-action="plans"
        aria-pressed={plansOpen}
        title={t('plans.title')}
        onClick={() => setPlansOpen(!plansOpen)}
      >
        {t('plans.button')}
      </button>
      <button
        type="button"
        className="button"
        data-action="sound"
        aria-pressed={soundOn}
        title={t('live.soundHint')}
        onClick={() => {
          unlockAlertTone()
          setSoundOn(!soundOn)
        }}
      >
        {soundOn ? t('live.soundOn') : t('live.soundOff')}
      </button>
      <span
        className="live-dot"
        data-connection={connection}
        title={t(`live.connection.${connection}`)}
        aria-label={t(`live.connection.${connection}`)}
      />
    </div>
  )
}
