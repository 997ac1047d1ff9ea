// `npm run regions:check`: how the packaged boundaries differ from the 2023 division codes,
// as the Markdown list README shows; `-- --write` refreshes data/regions/code-check.md, which
// data/regions/code-check.test.ts holds the import to.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { codeCheckMarkdown } from './code-check-report.ts'

const markdown = codeCheckMarkdown()
if (process.argv.includes('--write')) {
  const file = fileURLToPath(new URL('./code-check.md', import.meta.url))
  writeFileSync(file, markdown)
  console.log(`written ${file}`)
} else {
  process.stdout.write(markdown)
}
