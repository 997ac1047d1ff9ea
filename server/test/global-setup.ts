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
  if (!process.env.READ_DATABASE_URL) {
    // Said on every run: these files are left out, not passed (vite.config.ts).
    console.log(
      '[test] *.replica.test.ts (reads on a streaming replica) NOT RUN: READ_DATABASE_URL is ' +
        'not set. .ci/run runs them: .ci/replica.sh start, then DATABASE_URL=… ' +
        'READ_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres',
    )
  }
}

export async function teardown(): Promise<void> {
  await dropTemplate(process.env.DATABASE_URL, templateId)
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateId: string
  }
}
