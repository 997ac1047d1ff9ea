/** Risk and warning levels (风险/预警): the four colours, risk levels of hazard sources and warning levels. */
export * from './four-colours.ts'
export * from './risk-level.ts'
export * from './risk-level-schema.ts'
export * from './warning-level.ts'
