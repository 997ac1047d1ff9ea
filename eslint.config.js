import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'web/dist',
      'tiles/dist',
      'tiles/glyphs',
      '.tmp',
      '.data',
      'bench/results',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // Import boundaries (ARCHITECTURE.md): the domain is pure rules, and the web bundle takes
  // from the server only what describes the API.
  {
    files: ['server/domain/**/*.ts'],
    ignores: ['server/domain/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/lib/**', '**/routes/**', '**/monitoring/**'],
              message:
                'server/domain/ holds pure rules: it may not import the database, lib/ or routes/ (ARCHITECTURE.md).',
            },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'net',
                'child_process',
                'pg',
                'drizzle-orm',
                'drizzle-orm/*',
                '@electric-sql/*',
                'hono',
                'hono/*',
                '@hono/*',
              ],
              message: 'server/domain/ does no I/O: pass the data in instead (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/domain/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/lib/**', '**/routes/**'],
              message:
                'a domain test tests pure rules: no database, lib/ or routes/ (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+server/(?!domain/|routes/[^/]+/[^/]+\\.schemas\\.ts$)',
              allowTypeImports: true,
              message:
                'web/ takes from server/ only the API schemas (routes/*/*.schemas.ts), the pure domain rules, or types (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
)
