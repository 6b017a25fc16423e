import type { Transaction } from 'dexie'
import { chinaDate, type CalendarDate, type Id, type Plan, type Validated, type ValidationIssue } from '@/domain'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'
import { newId } from './ids'
import { DATA_TABLES, type AuditRecord, type DataTableName, type DataTables, type EntryRecord, type SettingRecord, type Stamp } from './records'
import { refreshTotals, touchedCommitments } from './totals'

/**
 * The one write path. Every change the app makes (a form's save, a batch entry, an import, a merge, the example,
 * identity, an undo) is one `commit`: inside a single transaction it builds the change from what is stored,
 * validates every row against what the same transaction reads, stamps and stores the rows, writes one audit
 * record per row sharing a batch id, and rebuilds the day totals of the commitments it touched, once. Nothing is
 * checked outside the transaction that writes, so no other tab can change the rows between check and write.
 */

/** Who writes, and when: every write is stamped with both. `now` is injectable for tests. */
export interface Writer {
  actor: string
  now?: () => Date
}

type AnyRow = DataTables[DataTableName]
/** A row as the app hands it in: the entity without its stamp. */
export type Entity<K extends DataTableName> = Omit<DataTables[K], keyof Stamp>

/** One row to create or replace, by table; give no id to create one. */
export type RowWrite = { [K in DataTableName]: { table: K; row: Omit<Entity<K>, 'id'> & { id?: Id } } }[DataTableName]

/** One row to delete (as a tombstone). A row already deleted or missing is left alone. */
export interface RowRemoval {
  table: DataTableName
  id: Id
}

/** A local setting written with the batch (null removes it): audited, so undo puts it back. */
export interface SettingWrite {
  key: string
  value: unknown
}

export interface Change {
  writes?: readonly RowWrite[]
  removals?: readonly RowRemoval[]
  settings?: readonly SettingWrite[]
}

/** What validators and change builders read: the write transaction's own view of the database. */
export interface WriteContext {
  tx: Transaction
  /** The China day of the writer's clock: entries dated after it are refused. */
  today: CalendarDate
  /** A live row as stored (before this batch's writes). */
  stored<K extends DataTableName>(table: K, id: unknown): Promise<DataTables[K] | undefined>
  /** A plan of this batch, else the stored, live one. */
  plan(id: unknown): Promise<Plan | undefined>
}

/** Checks a row before it is written, reading what it needs through the transaction. */
export type Validator<K extends DataTableName> = (input: unknown, context: WriteContext) => Promise<Validated<Entity<K>>> | Validated<Entity<K>>
export type Validators = { [K in DataTableName]: Validator<K> }

/** A row that failed validation: which write of the batch, and why. */
export interface BatchIssue {
  index: number
  issues: ValidationIssue[]
}

/** A batch refused because some rows are invalid; `failures` says which. Nothing was written. */
export class BatchError extends StorageError {
  constructor(readonly failures: BatchIssue[]) {
    super('invalid', failures[0]?.issues ?? [])
  }
}

/** What a commit stored: its batch id (for undo) and the rows written, in the order of `writes`. */
export interface Committed {
  batch: Id
  rows: AnyRow[]
}

/** Vue hands us reactive proxies; IndexedDB cannot clone them, so store plain copies. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** Every table a write may touch. One scope for every commit: the change is only known inside the transaction. */
const scope = (db: PaceDatabase) => [...DATA_TABLES.map((name) => db[name]), db.settings, db.audit, db.totals]

function context(tx: Transaction, today: CalendarDate, pendingPlans: ReadonlyMap<Id, Plan>): WriteContext {
  const stored = async <K extends DataTableName>(table: K, id: unknown) => {
    if (typeof id !== 'string') return undefined
    const row = (await tx.table<DataTables[K], string>(table).get(id)) as DataTables[K] | undefined
    return row && row.deletedAt === null ? row : undefined
  }
  return {
    tx,
    today,
    stored,
    plan: async (id) => (typeof id === 'string' && pendingPlans.get(id)) || (await stored('plans', id)),
  }
}

/** Validates every write of a batch; plans of the batch are seen by the later rows' validators. */
async function validateAll(validators: Validators, writes: readonly RowWrite[], tx: Transaction, today: CalendarDate): Promise<AnyRow[]> {
  const pendingPlans = new Map<Id, Plan>()
  const ctx = context(tx, today, pendingPlans)
  const valid: AnyRow[] = []
  const failures: BatchIssue[] = []
  for (const [index, write] of writes.entries()) {
    const row = plain({ ...write.row, id: write.row.id ?? newId() })
    const result = await (validators[write.table] as Validator<DataTableName>)(row, ctx)
    if (!result.ok) failures.push({ index, issues: result.issues })
    else {
      valid.push(result.value as AnyRow)
      if (write.table === 'plans') pendingPlans.set(result.value.id, result.value as Plan)
    }
  }
  if (failures.length > 0) throw new BatchError(failures)
  return valid
}

/** Stores rows and settings with their audit records, and rebuilds the touched commitments' day totals once. */
class BatchWriter {
  private readonly touched: (EntryRecord | undefined)[] = []
  private readonly audit
  constructor(
    private readonly tx: Transaction,
    private readonly writer: Writer,
    readonly at: string,
    readonly batch: Id,
  ) {
    this.audit = tx.table<AuditRecord, string>('audit')
  }

  private record(table: AuditRecord['table'], rowId: string, action: AuditRecord['action'], before: unknown, after: unknown) {
    const { writer, at, batch } = this
    return this.audit.add({ id: newId(), at, actor: writer.actor, table, rowId, action, before: before ?? null, after: after ?? null, batch })
  }

  /** Puts a row (stamped now) over whatever is stored, and audits it as `action` (or create/update). */
  async put(table: DataTableName, row: Omit<AnyRow, keyof Stamp> & Partial<Stamp>, deleted: boolean, action?: AuditRecord['action']): Promise<AnyRow> {
    const rows = this.tx.table<AnyRow, string>(table)
    const before = await rows.get(row.id)
    const after = { ...row, updatedAt: this.at, updatedBy: this.writer.actor, deletedAt: deleted ? (row.deletedAt ?? this.at) : null } as AnyRow
    await rows.put(after)
    await this.record(table, row.id, action ?? (deleted ? 'delete' : before && before.deletedAt === null ? 'update' : 'create'), before, after)
    if (table === 'entries') this.touched.push(before as EntryRecord | undefined, after as EntryRecord)
    return after
  }

  async setting(key: string, value: unknown, action: AuditRecord['action']) {
    const settings = this.tx.table<SettingRecord, string>('settings')
    const before = await settings.get(key)
    if (value === null || value === undefined) await settings.delete(key)
    else await settings.put({ key, value })
    await this.record('settings', key, action, before?.value ?? null, value ?? null)
  }

  finish() {
    return refreshTotals(this.tx, touchedCommitments(this.touched))
  }
}

export const instant = (writer: Writer) => (writer.now?.() ?? new Date()).toISOString()

/**
 * The transaction every write runs in (commit, undo, and a backup's restore, which writes whole tables at
 * once): the same scope, failures mapped to StorageError, rolled back whole.
 */
export async function writeTransaction<T>(db: PaceDatabase, body: (tx: Transaction) => PromiseLike<T>): Promise<T> {
  try {
    // Tables are bound to the transaction (tx.table) throughout: nothing depends on Dexie's zone tracking,
    // which lost long transactions in Chromium's built code.
    return await db.transaction('rw', scope(db), body)
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * Commits one batch. `change` is the change itself, or a function that works it out from the stored rows inside
 * the transaction (a cascading remove, a merge), so what it read is what it writes over.
 */
export async function commit(
  db: PaceDatabase,
  validators: Validators,
  change: Change | ((context: WriteContext) => Change | Promise<Change>),
  writer: Writer,
): Promise<Committed> {
  const at = instant(writer)
  const today = chinaDate(new Date(at).getTime())
  const batch = newId()
  return writeTransaction(db, async (tx) => {
    const { writes = [], removals = [], settings = [] } = typeof change === 'function' ? await change(context(tx, today, new Map())) : change
    const valid = await validateAll(validators, writes, tx, today)
    const out = new BatchWriter(tx, writer, at, batch)
    const rows: AnyRow[] = []
    for (const [index, row] of valid.entries()) rows.push(await out.put(writes[index]!.table, row, false))
    for (const { table, id } of removals) {
      const before = await tx.table<AnyRow, string>(table).get(id)
      if (before && before.deletedAt === null) await out.put(table, { ...before, deletedAt: null }, true)
    }
    for (const { key, value } of settings) await out.setting(key, value, 'update')
    await out.finish()
    return { batch, rows }
  })
}

/**
 * Reverts a batch in one new audited batch, newest record first: created rows become tombstones, edited and
 * deleted rows get their earlier version back, settings their earlier value. Returns the new batch's id (which
 * can itself be undone). Day totals are rebuilt once for the whole batch.
 */
export async function undo(db: PaceDatabase, batch: Id, writer: Writer): Promise<Id> {
  const at = instant(writer)
  const undoId = newId()
  return writeTransaction(db, async (tx) => {
    const records = (await tx.table<AuditRecord, string>('audit').where('batch').equals(batch).toArray()).sort((a, b) => b.id.localeCompare(a.id))
    if (records.length === 0) throw new StorageError('notFound')
    const out = new BatchWriter(tx, writer, at, undoId)
    for (const record of records) {
      if (record.table === 'all') continue
      if (record.table === 'settings') {
        await out.setting(record.rowId, record.before, 'undo')
        continue
      }
      const earlier = record.before as AnyRow | null
      const current = await tx.table<AnyRow, string>(record.table).get(record.rowId)
      if (earlier) await out.put(record.table, earlier, earlier.deletedAt !== null, 'undo')
      else if (current) await out.put(record.table, { ...current, deletedAt: null }, true, 'undo')
    }
    await out.finish()
    return undoId
  })
}
