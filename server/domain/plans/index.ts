/** Plan and drill rules (应急预案, 应急演练): the plan content shape shared by both. */
export * from './plan-shape.ts'
export * from './plan-lifecycle.ts'
export * from './plan-matching.ts'
export * from './plan-checklist.ts'
export * from './drill-evaluation.ts'
export * from './plan-diff.ts'
