import { z } from 'zod'
import { DEFAULT_SESSION_CACHE_MS } from './lib/auth/session-cache.ts'

// process.env is parsed once here; the rest of the server imports `env`.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().url().optional(),
  // A streaming replica of DATABASE_URL's database for map reads (docs/scaling.md).
  READ_DATABASE_URL: z.string().url().optional(),
  // API processes on one port (node:cluster); more than 1 needs DATABASE_URL.
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // Seed size multiplier for the demo data generator (1 = the default demo province).
  SEED_SCALE: z.coerce.number().positive().default(1),
  SEED: z.enum(['demo', 'none']).default('demo'),
  LOG_LEVEL: z.enum(['silent', 'info', 'debug']).default('info'),
  // Behind a TLS-terminating proxy: trust X-Forwarded-Proto/-For/-Host, send Secure cookies
  // and HSTS. Off by default: a direct client could otherwise forge those headers.
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  // A session unused for this many minutes ends (it ends 12 h after sign-in in any case).
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(12 * 60)
    .default(120),
  // How long (ms) a process answers a checked session from memory; 0 = always ask the
  // database. At most 2 s: it bounds how late a sign-out in another process is noticed.
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(2000).default(DEFAULT_SESSION_CACHE_MS),
  // Extra origins whose browsers may send writes (comma-separated, e.g. the Vite dev server).
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
})

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${fields}`)
  }
  return parsed.data
}
