import type { JurisdictionLevel } from '../../domain/geo/jurisdiction.ts'
import type { Role } from '../../db/schema/accounts.ts'

/** The signed-in user a request acts as, with the jurisdiction every query is filtered by. */
export interface Actor {
  id: string
  username: string
  displayName: string
  role: Role
  agencyId: string
  agencyName: string
  agencyLevel: JurisdictionLevel
  regionCode: string
  regionName: string
  /** GB/T 2260 prefix of the agency's region: rows whose region_code starts with it are in scope. */
  scopePrefix: string
}
