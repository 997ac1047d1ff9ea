import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestContext, type TestContext } from '../test-database.ts'
import { call, MatrixRecords, sessionCookie } from './matrix-fixtures.ts'
import { places, testUscc } from '../fixtures.ts'
import { bodyOf, type Components, type JsonSchema, type Known } from './schema-arbitrary.ts'

// #18: every write route of the OpenAPI document, fuzzed with bodies generated from its own
// request schema plus hostile values. Any answer is 2xx or a 4xx problem+json (400 naming
// each field), never 5xx, and a refused request changes nothing. Routes added later are
// fuzzed without a line here. FUZZ_SEED replays a run; FUZZ_RUNS sets the runs per route.
const seed = Number(process.env.FUZZ_SEED ?? 18)
const numRuns = Number(process.env.FUZZ_RUNS ?? 80)

interface Operation {
  method: string
  path: string
  body?: JsonSchema
}

let t: TestContext
let cookie = ''
let operations: Operation[] = []
let components: Components = {}
/** A real record for every kind of {id} in a path, in the writer's jurisdiction. */
const ids: Record<string, string> = {}

/** Routes about the session itself are fuzzed without it, or the fuzz would sign itself out. */
const anonymous = new Set(['POST /api/auth/login', 'POST /api/auth/logout'])
/** Refused sign-ins are recorded on purpose (audit log, throttle): "changes nothing" is not theirs. */
const recordsRefusals = new Set(['POST /api/auth/login', 'POST /api/me/password'])

beforeAll(async () => {
  t = await openTestContext()
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >
    components: { schemas: Components }
  }
  components = doc.components.schemas
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content['application/json']?.schema,
      })),
  )
  const records = await MatrixRecords.open(t)
  ids.enterprises = (await records.enterprise('in')).id
  ids['hidden-dangers'] = (await records.hiddenDanger('in')).id
  ids.resources = (await records.resource('in')).id
  ids['hazard-sources'] = (await records.hazardSource('in')).id
  ids.incidents = (await records.incident('in')).id
  ids.dispatches = (await records.dispatch('in')).id
  ids.users = (await records.user('in')).id
  ids.drills = (await records.drill('in')).id
  planVersionId = await records.drillPlanVersion('in')
  ids.plans = (await records.plan('in')).id
  ids['plan-activations'] = (await records.planActivation('in')).id
  ids.alerts = (await records.alert('in')).id
  cookie = await sessionCookie(t, 'xian', 'jinan-xian')
}, 180_000)
afterAll(async () => {
  await t?.close()
})

let planVersionId = ''
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const known = (): Known => ({
  uuids: Object.values(ids),
  good: {
    location: () => places.yanta,
    uscc: () => testUscc('610113'),
    industry: () => '危险化学品',
    substances: () => [{ name: '氯', quantityTonnes: 5 }],
    foundOn: today,
    deadline: today,
    occurredAt: () => new Date(Date.now() - 120_000).toISOString(),
    startsAt: () => new Date(Date.now() + 3600_000).toISOString(),
    endsAt: () => new Date(Date.now() + 9 * 3600_000).toISOString(),
    version: () => 1,
    enterpriseId: () => ids.enterprises,
    hazardSourceId: () => ids['hazard-sources'],
    incidentId: () => ids.incidents,
    resourceIds: () => [ids.resources],
    userId: () => ids.users,
    majorListId: () => null,
    majorItem: () => null,
    cas: () => '7782-50-5',
    planVersionId: () => planVersionId,
    place: () => places.yanta,
    scheduledAt: () => new Date(Date.now() + 86_400_000).toISOString(),
    planId: () => ids.plans,
  },
})

/** The path with its parameters filled: real ids mostly, an unknown or malformed one sometimes. */
function pathOf(path: string, pick: number): string {
  const resource = path.split('/')[2]!
  return path
    .replace(
      '{id}',
      pick === 0
        ? '00000000-0000-4000-8000-000000000000'
        : pick === 1
          ? 'not-a-uuid%00'
          : ids[resource]!,
    )
    .replace('{level}', pick === 2 ? 'galaxy' : 'county')
    .replace('{number}', pick === 2 ? 'x' : '1')
    .replace('{key}', '1')
}

async function changes() {
  const r = await t.database.db.execute(sql`select
      (select count(*) from audit_log) as audit, (select count(*) from events) as events`)
  const row = r.rows[0] as { audit: string | number; events: string | number }
  return `${row.audit}/${row.events}`
}

describe('fuzzing every write route', () => {
  it('found the write routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(27)
    for (const op of operations) {
      const resource = op.path.split('/')[2]!
      if (op.path.includes('{id}')) expect(ids[resource], op.path).toBeDefined()
    }
  })

  it('a body that is not JSON is a 400 naming `body` on every route that takes one', async () => {
    const failures: string[] = []
    const withBody = operations.filter((op) => op.body)
    expect(withBody.length).toBeGreaterThanOrEqual(20)
    for (const op of withBody) {
      const key = `${op.method} ${op.path}`
      for (const raw of ['{', '', 'nul', '{"a":1,}', '[']) {
        const before = await changes()
        const res = await t.app.request(pathOf(op.path, 3), {
          method: op.method,
          headers: {
            ...(anonymous.has(key) ? {} : { cookie }),
            'content-type': 'application/json',
          },
          body: raw,
        })
        const text = await res.text()
        const errors = res.status === 400 ? (JSON.parse(text) as { errors?: unknown }).errors : null
        const ok =
          res.status === 400 &&
          (res.headers.get('content-type') ?? '').includes('application/problem+json') &&
          Array.isArray(errors) &&
          errors.some((e: { field?: unknown }) => e.field === 'body')
        if (!ok)
          failures.push(`${key} ${JSON.stringify(raw)} → ${res.status} ${text.slice(0, 200)}`)
        if ((await changes()) !== before && !recordsRefusals.has(key)) {
          failures.push(`${key} ${JSON.stringify(raw)} changed audit/events`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('answers 2xx or 4xx problem+json, never 5xx; a refusal changes nothing', async () => {
    const failures: string[] = []
    const statuses: Record<string, Record<number, number>> = {}
    for (const op of operations) {
      const key = `${op.method} ${op.path}`
      const tally: Record<number, number> = (statuses[key] = {})
      const body = op.body ? bodyOf(op.body, components, known()) : fc.constant(undefined)
      await fc.assert(
        fc.asyncProperty(body, fc.nat({ max: 12 }), async (value, pick) => {
          const before = await changes()
          const path = pathOf(op.path, pick)
          const res = await call(t, anonymous.has(key) ? '' : cookie, op.method, path, value)
          tally[res.status] = (tally[res.status] ?? 0) + 1
          const what = `${key} ${res.status} ${JSON.stringify(value)?.slice(0, 300)} → ${res.text.slice(0, 300)}`
          if (res.status >= 500) failures.push(what)
          if (res.status >= 400) {
            if (!res.type.includes('application/problem+json'))
              failures.push(`not problem+json: ${what}`)
            if (res.status === 400) {
              const errors = (
                JSON.parse(res.text) as {
                  errors?: { field?: unknown; code?: unknown; message?: unknown }[]
                }
              ).errors
              const named =
                Array.isArray(errors) &&
                errors.every(
                  (e) =>
                    typeof e.field === 'string' &&
                    typeof e.code === 'string' &&
                    typeof e.message === 'string',
                )
              if (!named) failures.push(`400 without field errors: ${what}`)
            }
            if (!recordsRefusals.has(key) && (await changes()) !== before) {
              failures.push(`refused but changed audit/events: ${what}`)
            }
          }
          return true
        }),
        { seed, numRuns, endOnFailure: true },
      )
    }
    console.log(
      `fuzz seed ${seed}, ${numRuns} runs × ${operations.length} write routes:\n` +
        Object.entries(statuses)
          .map(
            ([k, v]) =>
              `  ${k}: ${Object.entries(v)
                .map(([s, n]) => `${s}×${n}`)
                .join(' ')}`,
          )
          .join('\n'),
    )
    expect(failures).toEqual([])
  }, 600_000)
})
