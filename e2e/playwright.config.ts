import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './chromium.ts'

/*
 * End-to-end specs in Debian's Chromium (software WebGL through SwiftShader).
 *
 *   npx playwright test -c e2e/playwright.config.ts
 *
 * The web server is the real one (`server/start.ts`) on a fresh data folder each run. The
 * SPA is rebuilt first so the specs always test the current web/ code; set E2E_SKIP_BUILD=1
 * to reuse an existing web/dist. E2E_PORT changes the port (default 8091); the data folder
 * and the server-side database are named after the port, so two runs on different ports
 * do not share state.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.E2E_PORT ?? 8091)
const baseURL = `http://localhost:${port}`
const build = process.env.E2E_SKIP_BUILD ? '' : 'npx vite build --logLevel warn && '

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Refreshing the README screenshots is a deliberate act, not part of the test run.
  testIgnore: process.env.DOCS_SCREENSHOTS ? [] : ['**/docs-screenshots.spec.ts'],
  outputDir: '../.tmp/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // SwiftShader renders WebGL on the CPU: map frames are slow, so be generous.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: '../.tmp/e2e-report' }]]
    : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    command: `${build}DATA_DIR=.tmp/e2e-${port} PORT=${port} LOG_LEVEL=info npx tsx e2e/serve.ts`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
