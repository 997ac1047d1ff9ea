/** 应急预案: the plan library (versions, diff, import) and plans started on incidents. */
export { plansRouter } from './plans.library.ts'
export { activationsRouter } from './activations.ts'
