import type { TestProject } from 'vitest/node'
import { buildTemplate, dropTemplate } from './template.ts'

// Each vitest run gets its own template so concurrent runs never clobber each other.
const templateId = `${process.pid}`

export async function setup(project: TestProject): Promise<void> {
  const started = Date.now()
  await buildTemplate(process.env.DATABASE_URL, templateId)
  project.provide('templateId', templateId)
  const engine = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'
  console.log(
    `[test] seeded template on ${engine} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

export async function teardown(): Promise<void> {
  await dropTemplate(process.env.DATABASE_URL, templateId)
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateId: string
  }
}
