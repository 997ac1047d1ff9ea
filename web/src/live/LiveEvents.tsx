import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { authKeys, useMe } from '../api/auth.ts'
import type { LngLatTuple } from '../state/panels.ts'
import { playAlertTone, unlockAlertTone } from './alert-tone.ts'
import { applyStreamEvent } from './apply-event.ts'
import { useLive } from './live-store.ts'
import { emitLiveEvent, streamEventTypes, type StreamEvent } from './stream-event.ts'

/** A replayed event older than this is news already: no flash, no tone. */
const FRESH_MS = 60_000

const isLngLat = (value: unknown): value is LngLatTuple =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')

function announce(event: StreamEvent) {
  if (event.type !== 'incident.created') return
  if (Date.now() - Date.parse(event.at) > FRESH_MS) return
  const { location, grade } = event.payload
  if (!isLngLat(location)) return
  const live = useLive.getState()
  live.flash({ id: event.entityId, location, grade: typeof grade === 'string' ? grade : '一般' })
  if (live.soundOn) playAlertTone()
}

/**
 * The one event stream of a signed-in client. EventSource reconnects by itself and sends
 * Last-Event-ID, so the server replays what was missed; `reset` (too much missed) refetches.
 * Renders nothing.
 */
export function LiveEvents() {
  const queryClient = useQueryClient()
  const userId = useMe().data?.id
  const setConnection = useLive((s) => s.setConnection)

  useEffect(() => {
    // Browsers start audio only after a user gesture: unlock on the first one.
    const unlock = () => unlockAlertTone()
    window.addEventListener('pointerdown', unlock, { once: true })
    window.addEventListener('keydown', unlock, { once: true })
    return () => {
      window.removeEventListener('pointerdown', unlock)
      window.removeEventListener('keydown', unlock)
    }
  }, [])

  useEffect(() => {
    if (!userId) return
    const source = new EventSource('/api/events', { withCredentials: true })
    setConnection('connecting')
    const onEvent = (message: MessageEvent<string>) => {
      let event: StreamEvent
      try {
        event = JSON.parse(message.data) as StreamEvent
      } catch {
        return
      }
      applyStreamEvent(queryClient, event)
      announce(event)
      emitLiveEvent(event)
    }
    for (const type of streamEventTypes) source.addEventListener(type, onEvent)
    source.addEventListener('reset', () => {
      for (const key of ['incidents', 'dispatch', 'duty', 'resources', 'alerts'])
        void queryClient.invalidateQueries({ queryKey: [key] })
    })
    // The server ended this session (logout in another tab, password reset, expiry): stop
    // reconnecting into a 401 and ask /api/me again, which shows the sign-in form.
    source.addEventListener('session.ended', () => {
      source.close()
      setConnection('closed')
      void queryClient.invalidateQueries({ queryKey: authKeys.me() })
    })
    source.onopen = () => setConnection('open')
    source.onerror = () =>
      setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting')
    const expire = setInterval(() => useLive.getState().expireFlashes(Date.now()), 1000)
    return () => {
      clearInterval(expire)
      source.close()
      setConnection('closed')
    }
  }, [userId, queryClient, setConnection])

  return null
}
