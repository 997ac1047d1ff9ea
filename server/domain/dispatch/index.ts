/** Dispatch rules (调度): estimated time of arrival of a rescue resource. */
export * from './dispatch-eta.ts'
