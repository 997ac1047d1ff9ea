import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * `npm run test:reliability`: spawns the real server and kills it, so it is slow and kept out
 * of `npm test`. Files run one after another: each already loads both cores (a server
 * process and a burst of clients), and two at once would only make the timings noisy.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    name: 'reliability',
    include: ['server/ops/reliability/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
})
