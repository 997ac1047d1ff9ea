/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './web/build/precompress.ts'

const apiPort = process.env.PORT ?? '8080'

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: {
    // `npm run dev:web` proxies the API and tiles to a server started with `npm run dev`.
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/tiles': `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          root: '.',
          include: [
            'server/domain/**/*.test.ts',
            'data/**/*.test.ts',
            'tiles/**/*.test.ts',
            'web/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          // API tests against a real PostGIS: one seeded template per run, copied per file.
          name: 'api',
          sequence: { groupOrder: 1 },
          root: '.',
          include: ['server/**/*.test.ts'],
          // *.server.test.ts need a real PostgreSQL server (they run when DATABASE_URL is set).
          exclude: [
            'server/domain/**',
            ...(process.env.DATABASE_URL ? [] : ['**/*.server.test.ts']),
            // *.replica.test.ts need a streaming replica too (READ_DATABASE_URL, .ci/replica.sh).
            ...(process.env.READ_DATABASE_URL ? [] : ['**/*.replica.test.ts']),
          ],
          globalSetup: ['server/test/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
})
