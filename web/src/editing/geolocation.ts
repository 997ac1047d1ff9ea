import type { MessageKey } from '../i18n/messages.ts'
import type { LngLatTuple } from '../state/panels.ts'

/** Why no position came back, as the message the officer reads. */
export class GeolocationFailure extends Error {
  constructor(readonly messageKey: MessageKey) {
    super(messageKey)
    this.name = 'GeolocationFailure'
  }
}

/** The device's position as [lng, lat]; a fresh, high-accuracy fix (the officer is on site). */
export function currentPosition(timeoutMs = 15_000): Promise<LngLatTuple> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation
  if (!geolocation) return Promise.reject(new GeolocationFailure('editing.geo.unsupported'))
  return new Promise((resolve, reject) => {
    geolocation.getCurrentPosition(
      (position) => resolve([position.coords.longitude, position.coords.latitude]),
      (error) =>
        reject(
          new GeolocationFailure(
            error.code === error.PERMISSION_DENIED
              ? 'editing.geo.denied'
              : 'editing.geo.unavailable',
          ),
        ),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    )
  })
}
