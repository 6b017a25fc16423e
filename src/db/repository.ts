import type { Table, Transaction } from 'dexie'
import type { Plan, Validated } from '@/domain'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'
import { newId } from './ids'
import type { AuditAction, AuditRecord, DataTableName, DataTables, Stamp } from './records'
import { refreshTotals, touchedCommitments } from './totals'

/** Who writes, and when: every write is stamped with both. `now` is injectable for tests. */
export interface Writer {
  actor: string
  now?: () => Date
}

type Row<K extends DataTableName> = DataTables[K]
/** A row as the app hands it in: the entity without its stamp. */
export type Entity<K extends DataTableName> = Omit<Row<K>, keyof Stamp>

/** Vue hands us reactive proxies; IndexedDB cannot clone them, so store plain copies. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** Adds the audit record of one row's write; a batch (src/db/batch.ts) passes the id its records share. */
export function audit(tx: Transaction, writer: Writer, at: string, table: DataTableName, rowId: string, action: AuditAction, before: unknown, after: unknown, batch?: string) {
  const record: AuditRecord = { id: newId(), at, actor: writer.actor, table, rowId, action, before: before ?? null, after: after ?? null, ...(batch ? { batch } : {}) }
  return tx.table<AuditRecord, string>('audit').add(record)
}

/**
 * Reverts one audited write inside a transaction: an edit or delete puts the earlier row back, a create becomes a
 * tombstone. Returns false when there is nothing to revert.
 */
export async function revert(tx: Transaction, record: AuditRecord, writer: Writer, at: string, batch?: string): Promise<boolean> {
  if (record.table === 'all') return false
  const table = tx.table<DataTables[DataTableName], string>(record.table)
  const current = await table.get(record.rowId)
  const earlier = record.before as DataTables[DataTableName] | null
  const row = earlier
    ? { ...earlier, updatedAt: at, updatedBy: writer.actor }
    : current && { ...current, updatedAt: at, updatedBy: writer.actor, deletedAt: at }
  if (!row) return false
  await table.put(row)
  await audit(tx, writer, at, record.table, record.rowId, 'undo', current, row, batch)
  if (record.table === 'entries') await refreshTotals(tx, touchedCommitments([current as DataTables['entries'], row as DataTables['entries']]))
  return true
}

/** The tables a write to `tables` needs: those, the audit log, and the day totals when entries change. */
export function writeScope(db: PaceDatabase, tables: Iterable<DataTableName>): Table[] {
  const names = new Set(tables)
  return [...[...names].map((name): Table => db[name]), db.audit, ...(names.has('entries') ? [db.totals] : [])]
}

/**
 * Runs a write transaction over `table` and the audit log (and the day totals for entries), mapping failures to StorageError. The body gets the
 * table bound to the transaction (tx.table), so the write never depends on Dexie's zone tracking, which lost
 * long transactions in Chromium.
 */
async function write<K extends DataTableName, T>(
  db: PaceDatabase,
  table: K,
  body: (rows: Table<DataTables[K], string>, tx: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction('rw', writeScope(db, [table]), (tx) => body(tx.table<DataTables[K], string>(table), tx))
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * Checks a row before it is written. `pendingPlans` are plans written in the same batch, which a commitment is
 * checked against before they are in the database.
 */
export type Validator<K extends DataTableName> = (
  input: unknown,
  db: PaceDatabase,
  pendingPlans?: ReadonlyMap<string, Plan>,
) => Promise<Validated<Entity<K>>> | Validated<Entity<K>>

/**
 * The only way the app reads and writes a table. Every write validates first, then runs in one transaction
 * together with its audit record (who, when, which row, before and after); deletes are tombstones.
 */
export function createRepository<K extends DataTableName>(db: PaceDatabase, table: K, validate: Validator<K>) {
  const store = () => db[table] as unknown as Table<Row<K>, string>

  async function valid(input: unknown): Promise<Entity<K>> {
    const result = await validate(input, db)
    if (!result.ok) throw new StorageError('invalid', result.issues)
    return result.value
  }

  return {
    /** A live (not deleted) row, or undefined. */
    async get(id: string): Promise<Row<K> | undefined> {
      const row = await store().get(id)
      return row && row.deletedAt === null ? row : undefined
    },

    /** All live rows. */
    async list(): Promise<Row<K>[]> {
      return (await store().toArray()).filter((row) => row.deletedAt === null)
    },

    /** Creates or replaces a row; give no id to create one. Returns the stored row. */
    async save(input: Omit<Entity<K>, 'id'> & { id?: string }, writer: Writer): Promise<Row<K>> {
      const entity = await valid(plain({ ...input, id: input.id ?? newId() }))
      const at = (writer.now?.() ?? new Date()).toISOString()
      return write(db, table, async (rows, tx) => {
        const before = await rows.get(entity.id)
        const row = { ...entity, updatedAt: at, updatedBy: writer.actor, deletedAt: null } as Row<K>
        await rows.put(row)
        await audit(tx, writer, at, table, entity.id, before && before.deletedAt === null ? 'update' : 'create', before, row)
        if (table === 'entries') await refreshTotals(tx, touchedCommitments([before as DataTables['entries'] | undefined, row as DataTables['entries']]))
        return row
      })
    },

    /** Soft-deletes a row (a tombstone that replicates); undo brings it back. */
    async remove(id: string, writer: Writer): Promise<void> {
      const at = (writer.now?.() ?? new Date()).toISOString()
      await write(db, table, async (rows, tx) => {
        const before = await rows.get(id)
        if (!before || before.deletedAt !== null) throw new StorageError('notFound')
        const row = { ...before, updatedAt: at, updatedBy: writer.actor, deletedAt: at }
        await rows.put(row)
        await audit(tx, writer, at, table, id, 'delete', before, row)
        if (table === 'entries') await refreshTotals(tx, touchedCommitments([before as DataTables['entries']]))
      })
    },

    /** The audit trail of one row, oldest first. */
    async history(id: string): Promise<AuditRecord[]> {
      return db.audit.where('[table+rowId]').equals([table, id]).sortBy('at')
    },

  }
}

export type Repository<K extends DataTableName> = ReturnType<typeof createRepository<K>>

/**
 * Reverts the write recorded by `auditId`: an edit or delete puts the earlier row back, a create becomes a
 * tombstone. The revert is a new, stamped and audited write, so it replicates and can itself be undone.
 */
export async function undo(db: PaceDatabase, auditId: string, writer: Writer): Promise<void> {
  const at = (writer.now?.() ?? new Date()).toISOString()
  const record = await db.audit.get(auditId)
  if (!record || record.table === 'all') throw new StorageError('notFound')
  await write(db, record.table, async (_rows, tx) => {
    if (!(await revert(tx, record, writer, at))) throw new StorageError('notFound')
  })
}
