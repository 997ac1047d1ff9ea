export * from './regions.ts'
export * from './app-meta.ts'
