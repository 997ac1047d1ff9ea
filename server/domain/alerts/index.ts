/** Alert rules (预警信息): lifecycle, active-at, national identifiers, levels ↔ CAP, CAP 1.2 mapping. */
export * from './alert-shape.ts'
export * from './lifecycle.ts'
export * from './identifier.ts'
export * from './levels.ts'
export * from './cap-model.ts'
export * from './cap-read.ts'
export * from './cap-write.ts'
export * from './area-region.ts'
