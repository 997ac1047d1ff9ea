import { sql } from 'drizzle-orm'
import { roles, type Role } from '../../db/schema/accounts.ts'
import { hashPassword } from '../../lib/auth/password.ts'
import { signIn, type ApiClient } from '../client.ts'
import { places, testUscc, uniqueName } from '../fixtures.ts'
import type { TestContext } from '../test-database.ts'

/**
 * The people and records the route × role × scope matrix is played with. Every role gets an
 * account in one agency, 西安市应急管理局 (prefix 6101): "in" records lie in 雁塔区 (610113),
 * "out" records in 榆阳区, 榆林 (610802). Records are made by the national commander, who may
 * write anywhere, so making them never depends on what is being tested.
 */
export type Scope = 'in' | 'out'
export const scopes: readonly Scope[] = ['in', 'out']
export { roles, type Role }

/** Every name made here carries this tag, so a list filtered by it holds only matrix records. */
export const TAG = '矩阵核查'

const place = (scope: Scope) => (scope === 'in' ? places.yanta : places.yuyang)
const regionOf = (scope: Scope) => (scope === 'in' ? '610113' : '610802')
export const MATRIX_PASSWORD = 'matrix-Check-2026-long'

export interface Caller {
  role: Role
  username: string
  cookie: string
}

/** A signed-in request as `cookie` ('' = anonymous), answering status, headers and raw bytes. */
export async function call(
  t: TestContext,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  /** A body sent as is (a string) with this type instead of JSON, e.g. a CAP XML document. */
  contentType?: string,
): Promise<{ status: number; type: string; text: string; bytes: Uint8Array }> {
  const raw = contentType !== undefined && typeof body === 'string'
  const res = await t.app.request(path, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': raw ? contentType : 'application/json' }),
    },
    ...(body === undefined ? {} : { body: raw ? body : JSON.stringify(body) }),
  })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: new TextDecoder().decode(bytes),
    bytes,
  }
}

/** The session cookie of a fresh sign-in (the rows of the matrix need raw cookies). */
export async function sessionCookie(t: TestContext, username: string, password: string) {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

/** One account per role in 西安市应急管理局, signed in. */
export async function matrixCallers(t: TestContext): Promise<Caller[]> {
  const db = t.database.db
  const agency = (
    await db.execute(sql`select id from agencies where region_code = '610100' limit 1`)
  ).rows[0] as { id: string }
  const hash = await hashPassword(MATRIX_PASSWORD)
  const callers: Caller[] = []
  for (const role of roles) {
    const username = `matrix-${role}`
    await db.execute(sql`insert into users (username, display_name, password_hash, role, agency_id)
      values (${username}, ${'矩阵 ' + role}, ${hash}, ${role}, ${agency.id})`)
    callers.push({ role, username, cookie: await sessionCookie(t, username, MATRIX_PASSWORD) })
  }
  return callers
}

interface Made {
  id: string
  version?: number
}

/** Makes records on demand (fresh for each write, so one cell's change never blocks the next). */
export class MatrixRecords {
  private constructor(
    private readonly t: TestContext,
    readonly national: ApiClient,
  ) {}

  static async open(t: TestContext) {
    return new MatrixRecords(t, await signIn(t, 'national'))
  }

  private async made(path: string, body: unknown): Promise<Made> {
    const res = await this.national.post<Made & { features?: unknown }>(path, body)
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }

  enterpriseBody(scope: Scope) {
    return {
      name: uniqueName(`${TAG}化工有限公司`),
      uscc: testUscc(regionOf(scope)),
      industry: '危险化学品',
      location: place(scope),
      employees: 10,
    }
  }

  enterprise(scope: Scope) {
    return this.made('/api/enterprises', this.enterpriseBody(scope))
  }

  hazardSourceBody(enterpriseId: string, scope: Scope) {
    return {
      enterpriseId,
      name: uniqueName(`${TAG}液氯储罐区`),
      unitKind: '储罐区',
      location: place(scope),
      substances: [{ name: '氯', quantityTonnes: 50 }],
      peopleWithin500m: 100,
    }
  }

  async hazardSource(scope: Scope) {
    const enterprise = await this.enterprise(scope)
    return this.made('/api/hazard-sources', this.hazardSourceBody(enterprise.id, scope))
  }

  async hiddenDanger(scope: Scope) {
    const enterprise = await this.enterprise(scope)
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    return this.made('/api/hidden-dangers', {
      enterpriseId: enterprise.id,
      title: uniqueName(`${TAG}隐患`),
      severity: 'general',
      foundOn: today,
      deadline: today,
      responsiblePerson: '张三',
    })
  }

  resource(scope: Scope) {
    return this.made('/api/resources', this.resourceBody(scope))
  }

  resourceBody(scope: Scope) {
    return {
      kind: 'team',
      name: uniqueName(`${TAG}救援队`),
      category: '危化品救援队',
      capabilities: ['堵漏'],
      inventory: [],
      capacity: null,
      headcount: 20,
      contactName: '李队长',
      contactPhone: '029-1',
      status: 'available',
      location: place(scope),
    }
  }

  incident(scope: Scope) {
    return this.made('/api/incidents', this.incidentBody(scope))
  }

  incidentBody(scope: Scope) {
    return {
      type: '火灾',
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
      location: place(scope),
      deaths: 0,
      seriousInjuries: 0,
      reporterName: `${TAG}值班员`,
    }
  }

  async dispatch(scope: Scope): Promise<Made & { incidentId: string }> {
    const incident = await this.incident(scope)
    const resource = await this.resource(scope)
    const res = await this.national.post<{ dispatches: { id: string }[] }>(
      `/api/incidents/${incident.id}/dispatches`,
      { resourceIds: [resource.id] },
    )
    if (res.status !== 201) throw new Error(`dispatch: ${res.status} ${JSON.stringify(res.body)}`)
    return { id: res.body.dispatches[0]!.id, incidentId: incident.id }
  }

  /** A plan version of the scope's county with two steps (plans made in SQL: drills need one). */
  async drillPlanVersion(scope: Scope): Promise<string> {
    return insertPlanVersion(this.t, regionOf(scope), `${TAG}现场处置方案`)
  }

  async drillBody(scope: Scope) {
    return {
      planVersionId: await this.drillPlanVersion(scope),
      kind: 'tabletop',
      title: uniqueName(`${TAG}演练`),
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      place: place(scope),
      scenario: { type: '泄漏', title: '液氯储罐泄漏', injections: [{ minute: 5, text: '扩散' }] },
    }
  }

  async drill(scope: Scope): Promise<Made> {
    return this.made('/api/drills', await this.drillBody(scope))
  }

  /** A drill that has been run: its exercise incident exists. */
  async runningDrill(scope: Scope): Promise<Made> {
    const drill = await this.drill(scope)
    const res = await this.national.post<Made>(`/api/drills/${drill.id}/run`, { version: 1 })
    if (res.status !== 200) throw new Error(`run: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }

  /** A county plan of 雁塔区 (in) or 榆阳区 (out), its version 1 in force unless `draft`. */
  async plan(scope: Scope, draft = false): Promise<Made> {
    const plan = await this.made('/api/plans', {
      level: 'county',
      kind: 'comprehensive',
      regionCode: regionOf(scope),
      title: uniqueName(`${TAG}综合应急预案`),
      responseLevels: [{ level: 'IV', trigger: '一般事故' }],
      steps: [
        {
          key: '1',
          title: '接警核实',
          role: '值班室',
          targetMinutes: 5,
          resources: [{ kind: 'team', quantity: 1 }],
        },
      ],
    })
    if (draft) return plan
    for (const [version, status] of [
      [1, 'approved'],
      [2, 'in_force'],
    ] as const) {
      const res = await this.national.post(`/api/plans/${plan.id}/versions/1/status`, {
        version,
        status,
      })
      if (res.status !== 200) throw new Error(`plan ${status}: ${res.status}`)
    }
    return { id: plan.id, version: 3 }
  }

  /** A plan started on an incident of the scope. */
  async planActivation(scope: Scope): Promise<Made> {
    const plan = await this.plan(scope)
    const incident = await this.incident(scope)
    return this.made(`/api/incidents/${incident.id}/plan-activations`, {
      planId: plan.id,
      responseLevel: 'IV',
    })
  }

  /** A draft plan whose version 2 was imported from a Markdown file. */
  async importedPlan(scope: Scope): Promise<Made> {
    const plan = await this.plan(scope, true)
    await this.made(`/api/plans/${plan.id}/import`, {
      version: 1,
      fileName: '预案.md',
      mediaType: 'text/markdown',
      base64: Buffer.from('# 预案\n').toString('base64'),
    })
    return { id: plan.id, version: 2 }
  }

  alertBody(scope: Scope) {
    return {
      level: '三级',
      eventType: '暴雨',
      title: `${TAG}暴雨预警`,
      area: { kind: 'circle', center: place(scope), radiusM: 300 },
      expiresAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
    }
  }

  alert(scope: Scope) {
    return this.made('/api/alerts', this.alertBody(scope))
  }

  /** A CAP 1.2 message from another system, its area in scope or out, never taken in before. */
  capDocument(scope: Scope) {
    const [lng, lat] = place(scope)
    const at = (h: number) => {
      const b = new Date(Date.now() + (h + 8) * 3600_000).toISOString().slice(0, 19)
      return `${b}+08:00`
    }
    return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${uniqueName('matrix-cap').replace(/[^\w-]/g, '')}</identifier>
  <sender>matrix-weather-office</sender>
  <sent>${at(0)}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Expected</urgency>
    <severity>Moderate</severity>
    <certainty>Likely</certainty>
    <expires>${at(6)}</expires>
    <headline>${TAG}暴雨黄色预警</headline>
    <area>
      <areaDesc>${TAG}</areaDesc>
      <circle>${lat},${lng} 0.3</circle>
    </area>
  </info>
</alert>`
  }

  /** A user of the callers' agency (in) or of 榆阳区 (out). */
  async user(scope: Scope): Promise<Made> {
    const username = scope === 'in' ? 'xian' : 'yuyang'
    const row = (
      await this.t.database.db.execute(sql`select id from users where username = ${username}`)
    ).rows[0] as { id: string }
    return row
  }
}

/** A county plan with one in-force version of three steps; returns the version id. */
export async function insertPlanVersion(t: TestContext, regionCode: string, title: string) {
  const db = t.database.db
  const plan = (
    await db.execute(sql`insert into plans (level, kind, title, region_code)
      values ('county', 'onsite', ${title}, ${regionCode}) returning id`)
  ).rows[0] as { id: string }
  const steps = [
    { key: 'receive', title: '接报与信息报告', role: '值班室', targetMinutes: 0, resources: [] },
    { key: 'arrive', title: '救援队伍到场', role: '现场指挥部', targetMinutes: 30, resources: [] },
    { key: 'contain', title: '泄漏控制', role: '危化品救援队', targetMinutes: 60, resources: [] },
  ]
  const version = (
    await db.execute(sql`insert into plan_versions (plan_id, number, status, steps)
      values (${plan.id}, 1, 'in_force', ${JSON.stringify(steps)}::jsonb) returning id`)
  ).rows[0] as { id: string }
  return version.id
}
