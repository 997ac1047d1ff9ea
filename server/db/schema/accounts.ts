import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { regionLevels, regions } from './regions.ts'

export const roles = ['admin', 'commander', 'coordinator', 'officer', 'viewer'] as const
export type Role = (typeof roles)[number]

/** A regulator (应急管理部门) at one level, bound to the region it supervises. */
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  level: text('level', { enum: regionLevels }).notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    // scrypt: "scrypt$N$r$p$salt$hash", base64 parts.
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_agency_idx').on(t.agencyId)],
)

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    // Idle expiry: touched at most once a minute, so a busy session costs one write a minute.
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const loginThrottleScopes = ['account', 'address'] as const

/**
 * Failed sign-ins per account (the username tried) and per client address, for the backoff
 * of domain/shared/login-backoff.ts. In the database, not in memory, so every API process
 * behind a load balancer sees the same counters. Rows quiet for a day are deleted.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    scope: text('scope', { enum: loginThrottleScopes }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('login_throttle_last_failure_idx').on(t.lastFailureAt),
  ],
)
