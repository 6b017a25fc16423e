import type { Transaction } from 'dexie'
import type { Id, Plan, ValidationIssue } from '@/domain'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'
import { newId } from './ids'
import type { DataTableName, DataTables } from './records'
import { audit, plain, revert, writeScope, type Entity, type Validator, type Writer } from './repository'
import { refreshTotals, touchedCommitments } from './totals'

type AnyRow = DataTables[DataTableName]

/** One row to create or replace, by table. */
export type RowWrite = { [K in DataTableName]: { table: K; row: Omit<Entity<K>, 'id'> & { id?: Id } } }[DataTableName]

/** One row to delete (as a tombstone). */
export interface RowRemoval {
  table: DataTableName
  id: Id
}

/** A row that failed validation: which write of the batch, and why. */
export interface BatchIssue {
  index: number
  issues: ValidationIssue[]
}

export type Validators = { [K in DataTableName]: Validator<K> }

/**
 * Validates every write of a batch before anything is stored. Plans of the batch are handed to the validators
 * of later rows, so a plan created together with its commitments checks them against its window.
 */
async function validateAll(db: PaceDatabase, validators: Validators, writes: readonly RowWrite[]): Promise<AnyRow[]> {
  const pendingPlans = new Map<Id, Plan>()
  const valid: AnyRow[] = []
  const failures: BatchIssue[] = []
  for (const [index, write] of writes.entries()) {
    const row = plain({ ...write.row, id: write.row.id ?? newId() })
    const result = await (validators[write.table] as Validator<DataTableName>)(row, db, pendingPlans)
    if (!result.ok) failures.push({ index, issues: result.issues })
    else {
      valid.push(result.value as AnyRow)
      if (write.table === 'plans') pendingPlans.set(result.value.id, result.value as Plan)
    }
  }
  if (failures.length > 0) throw new BatchError(failures)
  return valid
}

/** A batch refused because some rows are invalid; `failures` says which. Nothing was written. */
export class BatchError extends StorageError {
  constructor(readonly failures: BatchIssue[]) {
    super('invalid', failures[0]?.issues ?? [])
  }
}

async function inTransaction<T>(db: PaceDatabase, tables: Iterable<DataTableName>, body: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', writeScope(db, tables), body)
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * Writes and removes many rows in one transaction: all are validated first, each row is stamped and audited
 * like a single write, and every audit record carries the same batch id, so `undoBatch` reverts the lot.
 * Returns the batch id.
 */
export async function writeBatch(
  db: PaceDatabase,
  validators: Validators,
  change: { writes?: readonly RowWrite[]; removals?: readonly RowRemoval[] },
  writer: Writer,
): Promise<Id> {
  const writes = change.writes ?? []
  const removals = change.removals ?? []
  const rows = await validateAll(db, validators, writes)
  const at = (writer.now?.() ?? new Date()).toISOString()
  const batch = newId()
  const tables = [...writes.map((w) => w.table), ...removals.map((r) => r.table)]
  await inTransaction(db, tables, async (tx) => {
    const touched: (AnyRow | undefined)[] = []
    for (const [index, entity] of rows.entries()) {
      const table = writes[index]!.table
      const store = tx.table<AnyRow, string>(table)
      const before = await store.get(entity.id)
      const row = { ...entity, updatedAt: at, updatedBy: writer.actor, deletedAt: null } as AnyRow
      await store.put(row)
      await audit(tx, writer, at, table, entity.id, before && before.deletedAt === null ? 'update' : 'create', before, row, batch)
      if (table === 'entries') touched.push(before, row)
    }
    for (const { table, id } of removals) {
      const store = tx.table<AnyRow, string>(table)
      const before = await store.get(id)
      if (!before || before.deletedAt !== null) continue
      const row = { ...before, updatedAt: at, updatedBy: writer.actor, deletedAt: at }
      await store.put(row)
      await audit(tx, writer, at, table, id, 'delete', before, row, batch)
      if (table === 'entries') touched.push(before)
    }
    await refreshTotals(tx, touchedCommitments(touched as ({ commitmentIds?: Id[] } | undefined)[]))
  })
  return batch
}

/**
 * Reverts every write of a batch in one transaction, newest first: created rows become tombstones, edited and
 * deleted rows get their earlier version back. The revert is itself one audited batch (and can be undone).
 */
export async function undoBatch(db: PaceDatabase, batch: Id, writer: Writer): Promise<Id> {
  const records = (await db.audit.where('batch').equals(batch).toArray()).sort((a, b) => b.id.localeCompare(a.id))
  if (records.length === 0) throw new StorageError('notFound')
  const at = (writer.now?.() ?? new Date()).toISOString()
  const undoId = newId()
  const tables = records.map((r) => r.table).filter((t): t is DataTableName => t !== 'all')
  await inTransaction(db, tables, async (tx) => {
    for (const record of records) await revert(tx, record, writer, at, undoId)
  })
  return undoId
}
