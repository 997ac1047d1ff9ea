import { z } from 'zod'

/**
 * The shape of an emergency plan's content (应急预案), shared by plans (library, activation
 * checklist, shortfall) and drills (evaluation of each step against its time target). One
 * definition: the database schema, the API schemas and the web forms all take it from here.
 */

/** 国家 / 省 / 市 / 县 / 企业 */
export const planLevels = ['national', 'province', 'city', 'county', 'enterprise'] as const
export type PlanLevel = (typeof planLevels)[number]

/** 综合应急预案, 专项应急预案, 现场处置方案 */
export const planKinds = ['comprehensive', 'special', 'onsite'] as const
export type PlanKind = (typeof planKinds)[number]

/** Ⅰ级 (highest) … Ⅳ级 响应 */
export const responseLevels = ['I', 'II', 'III', 'IV'] as const
export type ResponseLevel = (typeof responseLevels)[number]

/** draft → 审批 approved → in force (现行) → superseded (废止/被替代) */
export const planVersionStatuses = ['draft', 'approved', 'in_force', 'superseded'] as const
export type PlanVersionStatus = (typeof planVersionStatuses)[number]

/** A resource a step needs: a resource kind (team, warehouse …) or an inventory item. */
export const stepResourceSchema = z.strictObject({
  /** resources.kind or resources.category (e.g. 'team' or '危化品救援队') */
  kind: z.string().min(1).max(60),
  quantity: z.number().int().min(1).max(10_000),
})
export type StepResource = z.infer<typeof stepResourceSchema>

export const planStepSchema = z.strictObject({
  /** Stable within a version, so checklists and drill evaluations refer to it. */
  key: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  /** The responsible role (e.g. 现场指挥部, 应急管理局值班室). */
  role: z.string().min(1).max(100),
  /** Minutes from activation by which the step should be done. */
  targetMinutes: z.number().int().min(0).max(10_080),
  resources: z.array(stepResourceSchema).max(20).default([]),
})
export type PlanStep = z.infer<typeof planStepSchema>

export const responseLevelRuleSchema = z.strictObject({
  level: z.enum(responseLevels),
  /** When this level is started (e.g. 死亡 ≥ 3 人 or 泄漏量 > 1 t). */
  trigger: z.string().min(1).max(500),
})
export type ResponseLevelRule = z.infer<typeof responseLevelRuleSchema>
