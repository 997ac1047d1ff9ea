import { useState } from 'react'
import { useSignedIn } from '../api/auth.ts'
import { useT } from '../i18n/use-t.ts'
import { useMeasure } from './measure/measure-store.ts'
import { useNearbyTool } from './nearby/nearby-store.ts'

/**
 * The map tools as buttons (touch has no right-click): measure distance or area, the nearby
 * query, and copying the link that reproduces this screen.
 */
export function MapToolbar() {
  const t = useT()
  const signedIn = useSignedIn()
  const measureMode = useMeasure((s) => s.mode)
  const startMeasure = useMeasure((s) => s.start)
  const closeMeasure = useMeasure((s) => s.close)
  const picking = useNearbyTool((s) => s.picking)
  const startPicking = useNearbyTool((s) => s.startPicking)
  const closeNearby = useNearbyTool((s) => s.close)
  const [copied, setCopied] = useState(false)

  const measure = (mode: 'distance' | 'area') => {
    if (measureMode === mode) return closeMeasure()
    closeNearby()
    startMeasure(mode)
  }

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      // No clipboard (insecure context): the address bar holds the same link.
      window.prompt(t('tools.shareLink'), window.location.href)
    }
  }

  return (
    <div className="map-toolbar toolbar-group" role="toolbar" aria-label={t('tools.label')}>
      <span className="toolbar-group__label" aria-hidden="true">
        {t('chrome.toolGroup')}
      </span>
      <button
        type="button"
        aria-pressed={measureMode === 'distance'}
        data-tool="measure-distance"
        onClick={() => measure('distance')}
      >
        {t('measure.distance')}
      </button>
      <button
        type="button"
        aria-pressed={measureMode === 'area'}
        data-tool="measure-area"
        onClick={() => measure('area')}
      >
        {t('measure.area')}
      </button>
      {signedIn && (
        <button
          type="button"
          aria-pressed={picking}
          data-tool="nearby"
          onClick={() => {
            if (picking) return closeNearby()
            closeMeasure()
            startPicking()
          }}
        >
          {t('nearby.tool')}
        </button>
      )}
      <button type="button" data-tool="share" onClick={() => void copyLink()}>
        {copied ? t('tools.linkCopied') : t('tools.shareLink')}
      </button>
    </div>
  )
}
