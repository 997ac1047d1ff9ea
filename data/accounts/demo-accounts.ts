import { sql } from 'drizzle-orm'
import type { Queryable } from '../../server/db/database.ts'
import type { Role } from '../../server/db/schema/accounts.ts'
import type { RegionLevel } from '../../server/db/schema/regions.ts'
import { hashPassword } from '../../server/lib/auth/password.ts'

export interface DemoAccount {
  username: string
  password: string
  displayName: string
  role: Role
  agency: string
}

interface DemoAgency {
  key: string
  name: string
  level: RegionLevel
  regionCode: string
}

/**
 * One agency per level in 陕西, plus 榆林 (the coal region) so scope isolation can be shown,
 * and one county agency in another province (广州市天河区) so it shows for any county.
 */
export const demoAgencies: DemoAgency[] = [
  { key: 'national', name: '应急管理部', level: 'national', regionCode: '100000' },
  { key: 'shaanxi', name: '陕西省应急管理厅', level: 'province', regionCode: '610000' },
  { key: 'xian', name: '西安市应急管理局', level: 'city', regionCode: '610100' },
  { key: 'yanta', name: '西安市雁塔区应急管理局', level: 'county', regionCode: '610113' },
  { key: 'yulin', name: '榆林市应急管理局', level: 'city', regionCode: '610800' },
  { key: 'yuyang', name: '榆林市榆阳区应急管理局', level: 'county', regionCode: '610802' },
  { key: 'tianhe', name: '广州市天河区应急管理局', level: 'county', regionCode: '440106' },
]

/**
 * Demo accounts, documented in README and printed at first start. They are for the demo
 * database only: a real deployment creates its own accounts and removes these.
 */
export const demoAccounts: DemoAccount[] = [
  {
    username: 'national',
    password: 'jinan-national',
    displayName: '部级值班员',
    role: 'commander',
    agency: 'national',
  },
  {
    username: 'admin',
    password: 'jinan-admin',
    displayName: '系统管理员',
    role: 'admin',
    agency: 'national',
  },
  {
    username: 'shaanxi',
    password: 'jinan-shaanxi',
    displayName: '省厅指挥长',
    role: 'commander',
    agency: 'shaanxi',
  },
  {
    username: 'xian',
    password: 'jinan-xian',
    displayName: '西安市调度员',
    role: 'coordinator',
    agency: 'xian',
  },
  {
    username: 'yanta',
    password: 'jinan-yanta',
    displayName: '雁塔区监管员',
    role: 'officer',
    agency: 'yanta',
  },
  {
    username: 'yulin',
    password: 'jinan-yulin',
    displayName: '榆林市调度员',
    role: 'coordinator',
    agency: 'yulin',
  },
  {
    username: 'yuyang',
    password: 'jinan-yuyang',
    displayName: '榆阳区监管员',
    role: 'officer',
    agency: 'yuyang',
  },
  {
    username: 'tianhe',
    password: 'jinan-tianhe',
    displayName: '天河区监管员',
    role: 'officer',
    agency: 'tianhe',
  },
  {
    username: 'viewer',
    password: 'jinan-viewer',
    displayName: '省厅观察员',
    role: 'viewer',
    agency: 'shaanxi',
  },
]

export async function seedDemoAccounts(tx: Queryable): Promise<DemoAccount[]> {
  const agencyIds = new Map<string, string>()
  for (const a of demoAgencies) {
    const r = await tx.execute(sql`insert into agencies (name, level, region_code)
      values (${a.name}, ${a.level}, ${a.regionCode}) returning id`)
    agencyIds.set(a.key, (r.rows[0] as { id: string }).id)
  }
  const hashes = await Promise.all(demoAccounts.map((u) => hashPassword(u.password)))
  for (const [i, u] of demoAccounts.entries()) {
    await tx.execute(sql`insert into users (username, display_name, password_hash, role, agency_id)
      values (${u.username}, ${u.displayName}, ${hashes[i]}, ${u.role}, ${agencyIds.get(u.agency)})`)
  }
  return demoAccounts
}
