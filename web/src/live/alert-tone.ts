/*
 * A short two-note alert, synthesised with WebAudio: no audio file to ship or download.
 * Browsers keep an AudioContext suspended until the user has interacted with the page; the
 * tone then stays silent rather than failing, and `unlockAlertTone` (called on the first
 * pointer or key press) resumes it.
 */

let context: AudioContext | null = null

function audio(): AudioContext | null {
  if (context) return context
  const Ctor = globalThis.AudioContext as typeof AudioContext | undefined
  if (!Ctor) return null
  context = new Ctor()
  return context
}

export function unlockAlertTone() {
  const ctx = audio()
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
}

/** Plays about 0.5 s: 880 Hz then 660 Hz. Returns whether the browser let it play. */
export function playAlertTone(): boolean {
  const ctx = audio()
  if (!ctx || ctx.state !== 'running') return false
  const start = ctx.currentTime
  for (const [i, frequency] of [880, 660].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = frequency
    const t0 = start + i * 0.25
    gain.gain.setValueAtTime(0.0001, t0)
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.22)
    osc.connect(gain).connect(ctx.destination)
    osc.start(t0)
    osc.stop(t0 + 0.24)
  }
  return true
}
