import Dexie, { type DexieOptions, type EntityTable } from 'dexie'
import { SCHEMA_VERSIONS } from './migrations'
import type { AuditRecord, ConflictRecord, DataTables, FileRecord, OutboxRecord, RevisionRecord, SettingRecord, TotalsRecord } from './records'

export const DATABASE_NAME = 'pace'

type Tables = { [K in keyof DataTables]: EntityTable<DataTables[K], 'id'> }

/** The one Dexie database. Open it through `openDatabase` (src/db/connection.ts) to get its failure handling. */
export type PaceDatabase = Dexie &
  Tables & {
    settings: EntityTable<SettingRecord, 'key'>
    audit: EntityTable<AuditRecord, 'id'>
    totals: EntityTable<TotalsRecord, 'commitmentId'>
    outbox: EntityTable<OutboxRecord, 'key'>
    revs: EntityTable<RevisionRecord, 'key'>
    conflicts: EntityTable<ConflictRecord, 'key'>
    files: EntityTable<FileRecord, 'id'>
  }

/** Declares every schema version, each with its row upgrades, on a new Dexie instance. */
export function createDatabase(name = DATABASE_NAME, versions = SCHEMA_VERSIONS, options?: DexieOptions): PaceDatabase {
  const db = new Dexie(name, { cache: 'disabled', ...options }) as PaceDatabase
  for (const schema of versions) {
    const version = db.version(schema.version).stores(schema.stores)
    const { upgrade, derive } = schema
    if (upgrade || derive) {
      version.upgrade(async (tx) => {
        for (const [table, transform] of Object.entries(upgrade ?? {})) {
          await tx.table(table).toCollection().modify((row: Record<string, unknown>, ref) => {
            ref.value = transform(row)
          })
        }
        await derive?.(tx)
      })
    }
  }
  return db
}
