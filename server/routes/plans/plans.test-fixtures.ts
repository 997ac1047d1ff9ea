import type { ApiClient } from '../../test/client.ts'
import { uniqueName } from '../../test/fixtures.ts'
import type { PlanSummary, PlanVersionDetail } from './plans.schemas.ts'

export type Plan = PlanSummary & { versions: PlanVersionDetail[] }

export const steps = [
  {
    key: '1',
    title: '接警核实',
    role: '区应急管理局值班室',
    targetMinutes: 5,
    resources: [],
  },
  {
    key: '2',
    title: '危化品救援队出动堵漏',
    role: '现场指挥部',
    targetMinutes: 30,
    resources: [{ kind: '危化品救援队', quantity: 2 }],
  },
  {
    key: '3',
    title: '医疗救护到场',
    role: '卫健局',
    targetMinutes: 60,
    resources: [{ kind: 'medical', quantity: 1 }],
  },
]
export const responseLevels = [
  { level: 'III', trigger: '泄漏可控，无人员死亡' },
  { level: 'IV', trigger: '少量泄漏' },
]

export async function made<T>(res: Promise<{ status: number; body: unknown }>, status = 201) {
  const r = await res
  if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`)
  return r.body as T
}

/** A plan put straight in force (draft → approved → in force). */
export async function planInForce(client: ApiClient, body: Record<string, unknown>) {
  const plan = await made<Plan>(
    client.post('/api/plans', { title: uniqueName('预案'), steps, responseLevels, ...body }),
  )
  let v = plan.versions[0]!
  const moved = await made<Plan>(
    client.post(`/api/plans/${plan.id}/versions/1/status`, {
      version: v.version,
      status: 'approved',
    }),
    200,
  )
  v = moved.versions[0]!
  return made<Plan>(
    client.post(`/api/plans/${plan.id}/versions/1/status`, {
      version: v.version,
      status: 'in_force',
      inForceFrom: '2025-01-10',
    }),
    200,
  )
}
