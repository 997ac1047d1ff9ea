import type { Drizzle, Queryable } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'
import { HttpProblem } from '../problem.ts'
import { retiredRecord, staleVersion } from './conflict.ts'
import { recordRegistryChange } from './record-change.ts'
import { retireChecked, type RegistryTable } from './retire.ts'
import { assertReadable, assertWritable } from './scope.ts'

/** What every registry row carries, whatever else it holds. */
export interface RegistryRow {
  regionCode: string
  retiredAt: string | null
  version: number
}

/** One registry (enterprises, hazard sources, hidden dangers, resources) as the guards see it. */
export interface RecordKind<Row extends RegistryRow, Detail> {
  table: RegistryTable
  /** Entity name in the audit log and the event stream, e.g. 'hazard_source'. */
  entity: string
  /** How error messages name it, e.g. 'hazard source'. */
  label: string
  find: (db: Queryable, id: string, forUpdate?: boolean) => Promise<Row | null>
  /** The record as the API shows it (also the `current` of a 409). */
  detail: (db: Queryable, actor: Actor, row: Row) => Promise<Detail> | Detail
}

export interface UpdateRecord<Row> {
  id: string
  /** The row as loaded by `beginUpdate`. */
  before: Row
  /**
   * The row as written, when the UPDATE returned it (`… returning` the find's columns): saves
   * re-reading it for the audit entry.
   */
  after?: Row
  /** The version the client sent (already checked): the row is now at version + 1. */
  version: number
  regionCode: string
}

/**
 * The read and write guards the four registries share, so each route module only says what
 * is particular to its records: jurisdiction (404 outside it on read, 403 on write), the
 * retired and stale-version refusals of an update, the retire path, and the audit + event
 * of an update, all inside the caller's transaction.
 */
export function registryRecords<Row extends RegistryRow, Detail>(kind: RecordKind<Row, Detail>) {
  const notFound = () => new HttpProblem(404, 'Not Found', `No ${kind.label} with that id.`)

  const loadForWrite = async (tx: Queryable, actor: Actor, id: string): Promise<Row> => {
    const row = await kind.find(tx, id, true)
    if (!row) throw notFound()
    assertReadable(actor, row.regionCode, kind.label)
    assertWritable(actor, row.regionCode)
    return row
  }

  const refuseUnwritable = async (db: Queryable, actor: Actor, row: Row, version: number) => {
    if (row.retiredAt) throw retiredRecord()
    if (row.version !== version) {
      throw staleVersion(version, (await kind.detail(db, actor, row)) as { version: number })
    }
    return row
  }

  const detailOf = async (db: Queryable, actor: Actor, id: string): Promise<Detail> => {
    const row = await kind.find(db, id)
    if (!row) throw notFound()
    return kind.detail(db, actor, row)
  }

  return {
    loadForWrite,
    detailOf,

    /** GET of one record: 404 when missing or outside the actor's jurisdiction. */
    async readable(db: Queryable, actor: Actor, id: string): Promise<Detail> {
      const row = await kind.find(db, id)
      if (!row) throw notFound()
      assertReadable(actor, row.regionCode, kind.label)
      return kind.detail(db, actor, row)
    },

    /** Loads the row for update and refuses a retired record or a stale version (409). */
    async beginUpdate(tx: Queryable, actor: Actor, id: string, version: number): Promise<Row> {
      return refuseUnwritable(tx, actor, await loadForWrite(tx, actor, id), version)
    },

    /**
     * The same guards as `beginUpdate` on a row read without a lock, for a write that checks
     * the version itself (`… where version = $sent`, one statement): the row is the `before`.
     */
    async checkUpdate(db: Queryable, actor: Actor, id: string, version: number): Promise<Row> {
      const row = await kind.find(db, id)
      if (!row) throw notFound()
      assertReadable(actor, row.regionCode, kind.label)
      assertWritable(actor, row.regionCode)
      return refuseUnwritable(db, actor, row, version)
    },

    /** Why a version-checked write wrote nothing: the 404 or 409 of the record as it is now. */
    async conflict(db: Queryable, actor: Actor, id: string, version: number): Promise<HttpProblem> {
      const now = await kind.find(db, id)
      if (!now) return notFound()
      if (now.retiredAt) return retiredRecord()
      return staleVersion(version, (await kind.detail(db, actor, now)) as { version: number })
    },

    /** Audit (before/after) and `registry.changed` for an update written by the caller. */
    async recordUpdate(tx: Queryable, actor: Actor, update: UpdateRecord<Row>): Promise<void> {
      await recordRegistryChange(tx, actor, {
        entity: kind.entity,
        entityId: update.id,
        action: 'update',
        regionCode: update.regionCode,
        version: update.version + 1,
        previousRegionCode: update.before.regionCode,
        before: update.before,
        after: update.after ?? (await kind.find(tx, update.id)),
      })
    },

    /** Audit and `registry.changed` for a record just inserted by the caller. */
    async recordCreate(tx: Queryable, actor: Actor, id: string, regionCode: string) {
      await recordRegistryChange(tx, actor, {
        entity: kind.entity,
        entityId: id,
        action: 'create',
        regionCode,
        version: 1,
        after: await kind.find(tx, id),
      })
    },

    /** Soft delete with the same guards as an update; answers the retired record. */
    async retire(
      db: Drizzle,
      actor: Actor,
      id: string,
      body: { version: number; reason: string },
    ): Promise<Detail> {
      await db.transaction((tx) =>
        retireChecked(tx, actor, id, body.version, body.reason, {
          table: kind.table,
          entity: kind.entity,
          loadForWrite,
          current: async (tx, row) => (await kind.detail(tx, actor, row)) as { version: number },
          find: (tx, id) => kind.find(tx, id),
        }),
      )
      return detailOf(db, actor, id)
    },
  }
}
