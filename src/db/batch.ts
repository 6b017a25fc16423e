import type { Table, Transaction } from 'dexie'
import { validateCommitment, type Id, type Plan, type ValidationIssue } from '@/domain'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'
import { newId } from './ids'
import type { AuditRecord, DataTableName, DataTables } from './records'
import type { Entity, Validator, Writer } from './repository'

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
 * Validates every write of a batch before anything is stored. A commitment is checked against its plan's window,
 * found in the batch itself (a plan created together with its commitments) or in the database.
 */
async function validateAll(db: PaceDatabase, validators: Validators, writes: readonly RowWrite[]): Promise<AnyRow[]> {
  const plansInBatch = new Map<Id, Plan>()
  const withIds = writes.map((w) => ({ ...w, row: JSON.parse(JSON.stringify({ ...w.row, id: w.row.id ?? newId() })) as Record<string, unknown> }))
  const valid: AnyRow[] = []
  const failures: BatchIssue[] = []
  for (const [index, write] of withIds.entries()) {
    let result
    if (write.table === 'commitments') {
      const planId = write.row.planId as string
      const plan = plansInBatch.get(planId) ?? (await db.plans.get(planId))
      result = plan && !('deletedAt' in plan && plan.deletedAt !== null) ? validateCommitment(write.row, plan.window) : { ok: false as const, issues: [{ path: 'planId', code: 'invalid' as const }] }
    } else {
      result = await (validators[write.table] as Validator<DataTableName>)(write.row, db)
    }
    if (!result.ok) failures.push({ index, issues: result.issues })
    else {
      valid.push(result.value as AnyRow)
      if (write.table === 'plans') plansInBatch.set(result.value.id, result.value as Plan)
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
    return await db.transaction('rw', [...[...new Set(tables)].map((name): Table => db[name]), db.audit], body)
  } catch (error) {
    throw toStorageError(error)
  }
}

function auditRecord(writer: Writer, at: string, batch: Id, table: DataTableName, rowId: Id, action: AuditRecord['action'], before: unknown, after: unknown): AuditRecord {
  return { id: newId(), at, actor: writer.actor, table, rowId, action, before: before ?? null, after: after ?? null, batch }
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
    const audit = tx.table<AuditRecord, string>('audit')
    for (const [index, entity] of rows.entries()) {
      const table = writes[index]!.table
      const store = tx.table<AnyRow, string>(table)
      const before = await store.get(entity.id)
      const row = { ...entity, updatedAt: at, updatedBy: writer.actor, deletedAt: null } as AnyRow
      await store.put(row)
      await audit.add(auditRecord(writer, at, batch, table, entity.id, before && before.deletedAt === null ? 'update' : 'create', before, row))
    }
    for (const { table, id } of removals) {
      const store = tx.table<AnyRow, string>(table)
      const before = await store.get(id)
      if (!before || before.deletedAt !== null) continue
      const row = { ...before, updatedAt: at, updatedBy: writer.actor, deletedAt: at }
      await store.put(row)
      await audit.add(auditRecord(writer, at, batch, table, id, 'delete', before, row))
    }
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
    const audit = tx.table<AuditRecord, string>('audit')
    for (const record of records) {
      if (record.table === 'all') continue
      const store: Table<AnyRow, string> = tx.table(record.table)
      const current = await store.get(record.rowId)
      const earlier = record.before as AnyRow | null
      const row = earlier ? { ...earlier, updatedAt: at, updatedBy: writer.actor } : current && { ...current, updatedAt: at, updatedBy: writer.actor, deletedAt: at }
      if (!row) continue
      await store.put(row)
      await audit.add(auditRecord(writer, at, undoId, record.table, record.rowId, 'undo', current, row))
    }
  })
  return undoId
}
