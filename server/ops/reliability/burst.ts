import { api, type ServerProcess } from '../server-process.ts'

/** A point in 雁塔区 (西安): inside the province commander's jurisdiction. */
const YANTA: [number, number] = [108.948, 34.213]

export interface HazardTarget {
  id: string
  version: number
}

export interface BurstResult {
  /** Incidents the server answered 201 for: each must survive the crash. */
  incidents: string[]
  /** Reporting obligations the first acknowledged incident got (all share the same figures). */
  obligationsPerIncident: number
  /** Hazard source id → the highest version a 200 answer reported. */
  patched: Map<string, number>
  /** PATCHes answered 200. */
  patchAcks: number
  /** Requests that had been sent but not answered when the process was killed. */
  inFlightAtKill: number
  /** Requests that failed in transport (the kill), whose outcome the client cannot know. */
  unknownOutcome: number
  /** Answers other than 2xx, by status (none expected before the kill). */
  refused: Record<number, number>
  ms: number
}

export interface BurstOptions {
  marker: string
  incidentWorkers: number
  /** One worker per hazard source, so versions never conflict between workers. */
  hazards: HazardTarget[]
  /** SIGKILL as soon as this many writes have been acknowledged… */
  killAfterAcks: number
  /** …or after this long, whichever comes first. */
  killAfterMs: number
}

/**
 * Concurrent writes through the API until the server is SIGKILLed in the middle of them:
 * incident reports (insert + obligations + timeline + audit + event in one transaction) and
 * hazard-source PATCHes with the version of the previous answer (update + audit + event).
 * Every acknowledged write is recorded; a write whose answer was lost may or may not have
 * committed, and either way it must be whole.
 */
export async function burstUntilKilled(
  server: ServerProcess,
  cookie: string,
  options: BurstOptions,
): Promise<BurstResult> {
  const result: BurstResult = {
    incidents: [],
    obligationsPerIncident: -1,
    patched: new Map(),
    patchAcks: 0,
    inFlightAtKill: 0,
    unknownOutcome: 0,
    refused: {},
    ms: 0,
  }
  let inFlight = 0
  let killed = false
  let acks = 0
  const t0 = performance.now()
  const kill = () => {
    if (killed) return
    killed = true
    result.inFlightAtKill = inFlight
    server.child.kill('SIGKILL')
  }
  const timer = setTimeout(kill, options.killAfterMs)
  const acknowledged = () => {
    acks += 1
    if (acks >= options.killAfterAcks) kill()
  }

  const send = async <T>(method: string, path: string, body: unknown) => {
    inFlight += 1
    try {
      return await api<T>(server.url, cookie, method, path, body)
    } finally {
      inFlight -= 1
    }
  }
  const refused = (status: number) => {
    result.refused[status] = (result.refused[status] ?? 0) + 1
  }

  const reporter = async (worker: number) => {
    for (let seq = 0; !killed; seq++) {
      try {
        const res = await send<{ id: string; obligations: unknown[] }>('POST', '/api/incidents', {
          type: '泄漏',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          location: YANTA,
          address: `可靠性测试 ${worker}-${seq}`,
          deaths: 0,
          seriousInjuries: 1,
          description: 'reliability burst',
          reporterName: options.marker,
        })
        if (res.status === 201) {
          result.incidents.push(res.body.id)
          if (result.obligationsPerIncident < 0) {
            result.obligationsPerIncident = res.body.obligations.length
          }
          acknowledged()
        } else refused(res.status)
      } catch {
        if (killed) result.unknownOutcome += 1
        else throw new Error('a write failed in transport before the kill')
      }
    }
  }

  const patcher = async (target: HazardTarget, worker: number) => {
    let version = target.version
    for (let seq = 0; !killed; seq++) {
      try {
        const res = await send<{ version: number }>('PATCH', `/api/hazard-sources/${target.id}`, {
          version,
          peopleWithin500m: 10 + ((worker * 31 + seq) % 200),
        })
        if (res.status === 200) {
          version = res.body.version
          result.patched.set(target.id, version)
          result.patchAcks += 1
          acknowledged()
        } else refused(res.status)
      } catch {
        if (killed) result.unknownOutcome += 1
        else throw new Error('a write failed in transport before the kill')
      }
    }
  }

  try {
    await Promise.all([
      ...Array.from({ length: options.incidentWorkers }, (_, i) => reporter(i)),
      ...options.hazards.map((h, i) => patcher(h, i)),
    ])
  } finally {
    clearTimeout(timer)
    kill()
  }
  result.ms = Math.round(performance.now() - t0)
  return result
}
