import type { Transaction } from 'dexie'
import { chinaDate, rowRefusal, type CalendarDate, type Commitment, type Id, type Plan, type Role, type Validated, type ValidationIssue } from '@/domain'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'
import { newId } from './ids'
import { ALL_ROWS, DATA_TABLES, outboxKey, type AuditRecord, type DataTableName, type DataTables, type EntryRecord, type FileRecord, type OutboxRecord, type SettingRecord, type Stamp } from './records'
import { updateTotals, type EntryChange } from './totals'

/**
 * The one write path. Every change the app makes (a form's save, a batch entry, an import, a merge, the example,
 * identity, an undo) is one `commit`: inside a single transaction it builds the change from what is stored,
 * validates every row against what the same transaction reads, stamps and stores the rows, writes one audit
 * record per row sharing a batch id, and rebuilds the day totals of the commitments it touched, once. Nothing is
 * checked outside the transaction that writes, so no other tab can change the rows between check and write.
 */

/**
 * Who writes, and when: every write is stamped with both. `now` is injectable for tests. `role` is the signed-in
 * account's in a shared dataset: rows it may not write (src/domain/roles.ts) are refused before anything is stored.
 */
export interface Writer {
  actor: string
  role?: Role | null
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

/** An evidence file's bytes, stored with the attachment row of the same id that this batch writes. */
export type FileWrite = FileRecord & { file: Blob }

export interface Change {
  writes?: readonly RowWrite[]
  removals?: readonly RowRemoval[]
  settings?: readonly SettingWrite[]
  files?: readonly FileWrite[]
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
  /**
   * A commitment as it is once this batch is written (written by it, or stored live and not removed by it), else
   * undefined: an entry for a commitment deleted meanwhile (in another tab) is refused, not stored against a
   * tombstone.
   */
  commitment(id: unknown): Promise<Commitment | undefined>
  /** An entry as it is once this batch is written (written by it, or stored live and not removed by it), else undefined. */
  entry(id: unknown): Promise<EntryRecord | undefined>
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
const scope = (db: PaceDatabase) => [...DATA_TABLES.map((name) => db[name]), db.settings, db.audit, db.totals, db.outbox, db.revs, db.conflicts, db.files]

/** Notes, in the write's transaction, that every row of the data tables is to be sent (a restore, a merge). */
export function queueAllRows(tx: Transaction, at: string, batch: Id): Promise<unknown> {
  return tx.table<OutboxRecord, string>('outbox').put({ key: ALL_ROWS, table: 'all', rowId: '', at, batch })
}

/** What a batch itself writes and removes, as the validators of its rows see it. */
interface Pending {
  plans: ReadonlyMap<Id, Plan>
  /** Commitments after the batch (null: gone), by what it writes and removes; others are looked up as stored. */
  commitments: ReadonlyMap<Id, Commitment | null>
  /** Entries the batch writes (and null for those it removes); others are looked up as stored. */
  entries: ReadonlyMap<Id, EntryRecord | null>
}
const NOTHING_PENDING: Pending = { plans: new Map(), commitments: new Map(), entries: new Map() }

function context(tx: Transaction, today: CalendarDate, pending: Pending): WriteContext {
  const stored = async <K extends DataTableName>(table: K, id: unknown) => {
    if (typeof id !== 'string') return undefined
    const row = (await tx.table<DataTables[K], string>(table).get(id)) as DataTables[K] | undefined
    return row && row.deletedAt === null ? row : undefined
  }
  return {
    tx,
    today,
    stored,
    plan: async (id) => (typeof id === 'string' && pending.plans.get(id)) || (await stored('plans', id)),
    commitment: async (id) => {
      if (typeof id !== 'string') return undefined
      const known = pending.commitments.get(id)
      return known === undefined ? await stored('commitments', id) : (known ?? undefined)
    },
    entry: async (id) => {
      if (typeof id !== 'string') return undefined
      const known = pending.entries.get(id)
      return known === undefined ? await stored('entries', id) : (known ?? undefined)
    },
  }
}

/**
 * The commitments a batch's entries name, as they are after it: written by it, removed by it (null), else as
 * stored, read in one bulkGet rather than a lookup per entry.
 */
async function commitmentsAfter(tx: Transaction, writes: readonly RowWrite[], removals: readonly RowRemoval[]): Promise<Map<Id, Commitment | null>> {
  const after = new Map<Id, Commitment | null>()
  const named = new Set<Id>()
  for (const write of writes) {
    const ids = write.table === 'entries' ? (write.row as { commitmentIds?: unknown }).commitmentIds : undefined
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') named.add(id)
  }
  if (named.size === 0) return after
  const ids = [...named]
  const rows = await tx.table<DataTables['commitments'], string>('commitments').bulkGet(ids)
  ids.forEach((id, i) => after.set(id, rows[i] && rows[i].deletedAt === null ? rows[i] : null))
  for (const removal of removals) if (removal.table === 'commitments') after.set(removal.id, null)
  for (const write of writes) if (write.table === 'commitments' && write.row.id !== undefined) after.set(write.row.id, write.row as Commitment)
  return after
}

/** Validates every write of a batch; plans of the batch are seen by the later rows' validators. */
async function validateAll(validators: Validators, change: Change, tx: Transaction, today: CalendarDate): Promise<AnyRow[]> {
  const writes = change.writes ?? []
  const pendingPlans = new Map<Id, Plan>()
  // Entries of the batch are seen by the rows after them (an entry logged with its evidence), as are its removals.
  const pendingEntries = new Map<Id, EntryRecord | null>((change.removals ?? []).filter((r) => r.table === 'entries').map((r) => [r.id, null]))
  const ctx = context(tx, today, { plans: pendingPlans, commitments: await commitmentsAfter(tx, writes, change.removals ?? []), entries: pendingEntries })
  const valid: AnyRow[] = []
  const failures: BatchIssue[] = []
  for (const [index, write] of writes.entries()) {
    const row = plain({ ...write.row, id: write.row.id ?? newId() })
    const result = await (validators[write.table] as Validator<DataTableName>)(row, ctx)
    if (!result.ok) failures.push({ index, issues: result.issues })
    else {
      valid.push(result.value as AnyRow)
      if (write.table === 'plans') pendingPlans.set(result.value.id, result.value as Plan)
      if (write.table === 'entries' && !pendingEntries.has(result.value.id)) pendingEntries.set(result.value.id, result.value as EntryRecord)
    }
  }
  if (failures.length > 0) throw new BatchError(failures)
  return valid
}

/**
 * Stores evidence files' bytes beside the attachment rows this batch wrote. A file is refused unless its row is
 * among them, live, with the file's size: no bytes without a row that says what they are.
 */
async function storeFiles(tx: Transaction, files: readonly FileWrite[], rows: readonly AnyRow[]): Promise<void> {
  if (files.length === 0) return
  const written = new Map(rows.filter((row): row is DataTables['attachments'] => 'entryId' in row && 'sha256' in row).map((row) => [row.id, row]))
  const issues: ValidationIssue[] = files.flatMap((f, i) => {
    const row = written.get(f.id)
    return row && row.deletedAt === null && row.size === f.file.size ? [] : [{ path: `files.${i}`, code: 'invalid' as const }]
  })
  if (issues.length > 0) throw new StorageError('invalid', issues)
  await tx.table<FileRecord, string>('files').bulkPut(files.map(({ id, file, thumbnail }) => ({ id, file, thumbnail })))
}

/** One row for `BatchWriter.putAll`: stored as given, stamped, as a tombstone when `deleted`. */
interface PutItem {
  table: DataTableName
  row: Omit<AnyRow, keyof Stamp> & Partial<Stamp>
  deleted: boolean
  action?: AuditRecord['action']
}

function groupBy<T, K, V>(items: readonly T[], key: (item: T) => K, value: (item: T, index: number) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>()
  items.forEach((item, i) => {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(value(item, i))
    else groups.set(k, [value(item, i)])
  })
  return groups
}

/** The stored rows (live or not) for each `{ table, id }`, in order: one bulkGet per table. */
async function storedRows(tx: Transaction, keys: readonly { table: DataTableName; id: Id }[]): Promise<(AnyRow | undefined)[]> {
  const byTable = groupBy(keys, ({ table }) => table, (_, i) => i)
  const found: (AnyRow | undefined)[] = new Array(keys.length)
  await Promise.all(
    [...byTable].map(async ([table, indexes]) => {
      const rows = await tx.table<AnyRow, string>(table).bulkGet(indexes.map((i) => keys[i]!.id))
      indexes.forEach((index, j) => (found[index] = rows[j]))
    }),
  )
  return found
}

/** Stores rows and settings with their audit records, and updates the touched commitments' day totals once. */
class BatchWriter {
  private readonly touched: EntryChange[] = []
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

  /**
   * Puts rows (stamped now) over whatever is stored, in order, each audited as its `action` (or create/update).
   * The reads and the writes each go to IndexedDB as one pipelined round (bulkGet, bulkPut, bulkAdd), not a
   * round trip per row: loading the example writes some 150 rows, and on a busy machine each trip is slow.
   */
  async putAll(items: readonly PutItem[]): Promise<AnyRow[]> {
    if (items.length === 0) return []
    const stored = await storedRows(this.tx, items.map(({ table, row }) => ({ table, id: row.id })))
    const latest = new Map<string, AnyRow>()
    const afters: AnyRow[] = []
    const audits: AuditRecord[] = []
    const { writer, at, batch } = this
    const account = writer.role ? { name: writer.actor, role: writer.role } : null
    items.forEach(({ table, row, deleted, action }, i) => {
      const key = `${table}\u0000${row.id}`
      // A row written twice in one batch: the second write's "before" is the first one's "after".
      const before = latest.get(key) ?? stored[i]
      const after = { ...row, updatedAt: at, updatedBy: writer.actor, deletedAt: deleted ? (row.deletedAt ?? at) : null } as AnyRow
      const refusal = rowRefusal(account, table, after as unknown as Record<string, unknown>, before?.deletedAt === null ? (before as unknown as Record<string, unknown>) : undefined)
      if (refusal) throw new StorageError('forbidden', [{ path: table, code: refusal }])
      latest.set(key, after)
      afters.push(after)
      const act = action ?? (deleted ? 'delete' : before && before.deletedAt === null ? 'update' : 'create')
      audits.push({ id: newId(), at, actor: writer.actor, table, rowId: row.id, action: act, before: before ?? null, after, batch })
      if (table === 'entries') this.touched.push({ before: before as EntryRecord | undefined, after: after as EntryRecord })
    })
    const byTable = groupBy(items, ({ table }) => table, (_, i) => afters[i]!)
    // One outbox record per row, the last write of it in this batch winning (bulkPut keeps the last of a key).
    const outbox: OutboxRecord[] = items.map(({ table, row }) => ({ key: outboxKey(table, row.id), table, rowId: row.id, at, batch }))
    await Promise.all([
      ...[...byTable].map(([table, rows]) => this.tx.table<AnyRow, string>(table).bulkPut(rows)),
      this.audit.bulkAdd(audits),
      this.tx.table<OutboxRecord, string>('outbox').bulkPut(outbox),
    ])
    return afters
  }

  async setting(key: string, value: unknown, action: AuditRecord['action']) {
    const settings = this.tx.table<SettingRecord, string>('settings')
    const before = await settings.get(key)
    if (value === null || value === undefined) await settings.delete(key)
    else await settings.put({ key, value })
    await this.record('settings', key, action, before?.value ?? null, value ?? null)
  }

  finish() {
    return updateTotals(this.tx, this.touched)
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
    const built = typeof change === 'function' ? await change(context(tx, today, NOTHING_PENDING)) : change
    const { writes = [], removals = [], settings = [] } = built
    const valid = await validateAll(validators, built, tx, today)
    const out = new BatchWriter(tx, writer, at, batch)
    const rows = await out.putAll(valid.map((row, index) => ({ table: writes[index]!.table, row, deleted: false })))
    const removed = await storedRows(tx, removals.map(({ table, id }) => ({ table, id })))
    await out.putAll(removed.flatMap((before, i) => (before && before.deletedAt === null ? [{ table: removals[i]!.table, row: { ...before, deletedAt: null }, deleted: true }] : [])))
    for (const { key, value } of settings) await out.setting(key, value, 'update')
    await storeFiles(tx, built.files ?? [], rows)
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
    for (const record of records) if (record.table === 'settings') await out.setting(record.rowId, record.before, 'undo')
    const rowRecords = records.filter((r): r is AuditRecord & { table: DataTableName } => r.table !== 'all' && r.table !== 'settings')
    const current = await storedRows(tx, rowRecords.map((r) => ({ table: r.table, id: r.rowId })))
    await out.putAll(
      rowRecords.flatMap((record, i) => {
        const earlier = record.before as AnyRow | null
        if (earlier) return [{ table: record.table, row: earlier, deleted: earlier.deletedAt !== null, action: 'undo' as const }]
        const now = current[i]
        return now ? [{ table: record.table, row: { ...now, deletedAt: null }, deleted: true, action: 'undo' as const }] : []
      }),
    )
    await out.finish()
    return undoId
  })
}
