import type { Transaction } from 'dexie'
import type { PaceDatabase } from './database'
import { StorageError } from './errors'
import { newId } from './ids'
import {
  ALL_ROWS,
  DATA_TABLES,
  outboxKey,
  type AuditRecord,
  type ConflictRecord,
  type DataTableName,
  type DataTables,
  type EntryRecord,
  type FileRecord,
  type OutboxRecord,
  type RevisionRecord,
  type SettingRecord,
} from './records'
import { updateTotals, type EntryChange } from './totals'
import { queueAllRows, writeTransaction } from './write'

/**
 * Every function here runs in a transaction of its own, its tables bound to it (tx.table), as the write path does:
 * a bare `db.table` call right after another transaction's await was handed that finished transaction in
 * Chromium's built code ("The transaction has finished").
 *
 * The store's side of sharing (#16): what the bridge (src/sharing) reads from the outbox and writes back. The
 * rows themselves only ever change through the write path (src/db/write.ts) or, for changes pulled from the
 * shared dataset, through `applyPulled`, which stores them with their audit records, day totals and the pull's
 * checkpoint in one transaction.
 */

type AnyRow = DataTables[DataTableName]

/** Where the pull from this device's replica has got to (a changes-feed sequence), kept with the rows it applied. */
export const CHECKPOINT_KEY = 'sharing.checkpoint'

/** A row to send: its outbox record, the row as stored now (undefined if it is gone) and the revision it is based on. */
export interface Outgoing {
  record: OutboxRecord
  row: AnyRow | undefined
  base: string | undefined
}

/** Up to `limit` rows changed here and not yet in the replica, oldest first; `all` when a restore asks for every row. */
export async function readOutgoing(db: PaceDatabase, limit: number): Promise<{ all: OutboxRecord | undefined; rows: Outgoing[] }> {
  return db.transaction('r', [db.outbox, db.revs, ...DATA_TABLES.map((t) => db[t])], async (tx) => {
    const outbox = tx.table<OutboxRecord, string>('outbox')
    const all = await outbox.get(ALL_ROWS)
    // Most of a big outbox is sent and awaiting the hub's word: counted by index, skipped unless some are not.
    const [total, sent] = await Promise.all([outbox.count(), outbox.orderBy('rev').count()])
    if (limit === 0 || total - sent - (all ? 1 : 0) === 0) return { all, rows: [] }
    const records = await outbox.orderBy('at').filter((r) => r.key !== ALL_ROWS && r.rev === undefined).limit(limit).toArray()
    return { all, rows: await withRows(tx, records) }
  })
}

async function withRows(tx: Transaction, records: readonly OutboxRecord[]): Promise<Outgoing[]> {
  const bases = await tx.table<RevisionRecord, string>('revs').bulkGet(records.map((r) => r.key))
  const rows: (AnyRow | undefined)[] = new Array(records.length)
  for (const table of DATA_TABLES) {
    const indexes = records.flatMap((r, i) => (r.table === table ? [i] : []))
    if (indexes.length === 0) continue
    const found = await tx.table<AnyRow, string>(table).bulkGet(indexes.map((i) => records[i]!.rowId))
    indexes.forEach((index, j) => (rows[index] = found[j]))
  }
  return records.map((record, i) => ({ record, row: rows[i], base: bases[i]?.rev }))
}

/** One page of a table's rows in id order, for sending every row (after a restore, or a first sign-in). */
export async function readRowsPage(db: PaceDatabase, table: DataTableName, after: string | null, limit: number): Promise<Outgoing[]> {
  return db.transaction('r', [db.revs, db[table]], async (tx) => {
    const rows = await (after === null ? tx.table<AnyRow, string>(table).orderBy('id') : tx.table<AnyRow, string>(table).where('id').above(after)).limit(limit).toArray()
    const bases = await tx.table<RevisionRecord, string>('revs').bulkGet(rows.map((row) => outboxKey(table, row.id)))
    return rows.map((row, i) => ({
      record: { key: outboxKey(table, row.id), table, rowId: row.id, at: row.updatedAt, batch: ALL_ROWS },
      row,
      base: bases[i]?.rev,
    }))
  })
}

/**
 * Notes that rows are in the replica as the given revisions. A record written again meanwhile (another save of
 * the same row) stays unsent, to be sent on top of this revision; `pending: false` (the replica already had
 * that content) removes the record instead. A row sent for the 'every row' marker gets a record of its own, so
 * that it counts as waiting for the hub like any other.
 */
export async function recordSent(db: PaceDatabase, sent: readonly { record: OutboxRecord; rev: string; pending: boolean }[]): Promise<void> {
  if (sent.length === 0) return
  await db.transaction('rw', [db.outbox, db.revs], async (tx) => {
    const outbox = tx.table<OutboxRecord, string>('outbox')
    await tx.table<RevisionRecord, string>('revs').bulkPut(sent.map(({ record, rev }) => ({ key: record.key, rev })))
    const current = await outbox.bulkGet(sent.map(({ record }) => record.key))
    const unchanged = sent.filter(({ record }, i) =>
      record.batch === ALL_ROWS ? current[i] === undefined : current[i] && current[i].at === record.at && current[i].batch === record.batch,
    )
    await outbox.bulkPut(unchanged.filter((s) => s.pending).map(({ record, rev }) => ({ ...record, rev, refused: undefined })))
    await outbox.bulkDelete(unchanged.filter((s) => !s.pending).map(({ record }) => record.key))
  })
}

/**
 * Asks for every row to be sent (sharing switched on for a store that already holds data, or a new account):
 * the rows the replica already has with the same content are not written again, so nothing is duplicated.
 */
export async function queueEveryRow(db: PaceDatabase, at: string): Promise<void> {
  await writeTransaction(db, (tx) => queueAllRows(tx, at, newId()))
}

/** Removes the 'every row' marker once every row has been sent, unless another restore wrote a new one meanwhile. */
export async function finishAllRows(db: PaceDatabase, marker: OutboxRecord): Promise<void> {
  await db.transaction('rw', [db.outbox, db.settings], async (tx) => {
    const current = await tx.table<OutboxRecord, string>('outbox').get(ALL_ROWS)
    if (current?.batch !== marker.batch) return
    await tx.table<OutboxRecord, string>('outbox').delete(ALL_ROWS)
    // Pull everything again: rows a restore removed here come back from the shared dataset.
    await tx.table<SettingRecord, string>('settings').delete(CHECKPOINT_KEY)
  })
}

/** The sent records' revisions, to ask the hub which it has. */
export async function readSent(db: PaceDatabase): Promise<{ key: string; rev: string }[]> {
  const records = await db.transaction('r', db.outbox, (tx) => tx.table<OutboxRecord, string>('outbox').orderBy('rev').toArray())
  return records.map(({ key, rev }) => ({ key, rev: rev! }))
}

/** The hub has these revisions: their records are done. A record of a newer revision stays. */
export async function confirmAtHub(db: PaceDatabase, revs: readonly { key: string; rev: string }[]): Promise<void> {
  if (revs.length === 0) return
  await db.transaction('rw', db.outbox, async (tx) => {
    const outbox = tx.table<OutboxRecord, string>('outbox')
    const current = await outbox.bulkGet(revs.map((r) => r.key))
    await outbox.bulkDelete(revs.filter((r, i) => current[i]?.rev === r.rev).map((r) => r.key))
  })
}

/** The hub refused a revision: its record stays (the row is not dropped) with the hub's reason, for its author to see. */
export async function recordRefused(db: PaceDatabase, key: string, rev: string, reason: string): Promise<void> {
  await db.transaction('rw', db.outbox, async (tx) => {
    const outbox = tx.table<OutboxRecord, string>('outbox')
    const current = await outbox.get(key)
    if (current?.rev === rev) await outbox.put({ ...current, refused: reason })
  })
}

/** A document as pulled from the replica: the winning version as a row, its revision, and the versions it beat. */
export interface Pulled {
  table: DataTableName
  row: AnyRow
  rev: string
  losers: readonly { rev: string; row: AnyRow }[]
  /** An attachment's thumbnail, come with its document (the file itself comes when opened: src/sharing/files.ts). */
  thumbnail?: Blob
}

/**
 * Applies a batch pulled from this device's replica, with the sequence it reaches, in one transaction: the
 * winning versions, one audit record each (their author's), the day totals they touch, the losing versions into
 * the conflict log, and the checkpoint. A row changed here and not yet in the replica is left alone: its change
 * goes out on top of the revision it was based on, and the replica then holds both versions, to be resolved
 * the same way everywhere. Applying what is already stored changes nothing, so a batch pulled twice is harmless.
 */
export async function applyPulled(db: PaceDatabase, pulled: readonly Pulled[], checkpoint: string | number, now: string): Promise<number> {
  return writeTransaction(db, async (tx) => {
    const keys = pulled.map((p) => outboxKey(p.table, p.row.id))
    const [unsent, revs] = await Promise.all([tx.table<OutboxRecord, string>('outbox').bulkGet(keys), tx.table<RevisionRecord, string>('revs').bulkGet(keys)])
    const stored: (AnyRow | undefined)[] = new Array(pulled.length)
    for (const table of DATA_TABLES) {
      const indexes = pulled.flatMap((p, i) => (p.table === table ? [i] : []))
      if (indexes.length === 0) continue
      const found = await tx.table<AnyRow, string>(table).bulkGet(indexes.map((i) => pulled[i]!.row.id))
      indexes.forEach((index, j) => (stored[index] = found[j]))
    }
    const batch = newId()
    const audits: AuditRecord[] = []
    const touched: EntryChange[] = []
    const puts = new Map<DataTableName, AnyRow[]>()
    const newRevs: RevisionRecord[] = []
    const conflicts: ConflictRecord[] = []
    pulled.forEach((p, i) => {
      const key = keys[i]!
      for (const loser of p.losers) {
        conflicts.push({ key: `${key}@${loser.rev}`, rowKey: key, table: p.table, rowId: p.row.id, rev: loser.rev, row: loser.row, winnerRev: p.rev, detectedAt: now, restoredAt: null })
      }
      if (unsent[i] && unsent[i].rev === undefined) return
      const before = stored[i]
      // Already stored as that revision (sent from here, or pulled before): nothing to do. A row sent from here
      // before sharing had its account carries the account's stamp as a document, and takes it here too.
      if (before && revs[i]?.rev === p.rev && before.updatedAt === p.row.updatedAt && before.updatedBy === p.row.updatedBy) return
      puts.set(p.table, [...(puts.get(p.table) ?? []), p.row])
      newRevs.push({ key, rev: p.rev })
      const action = p.row.deletedAt !== null ? 'delete' : before && before.deletedAt === null ? 'update' : 'create'
      audits.push({ id: newId(), at: p.row.updatedAt, actor: p.row.updatedBy, table: p.table, rowId: p.row.id, action, before: before ?? null, after: p.row, batch })
      if (p.table === 'entries') touched.push({ before: before as EntryRecord | undefined, after: p.row as EntryRecord })
    })
    const log = tx.table<ConflictRecord, string>('conflicts')
    const known = await log.bulkGet(conflicts.map((c) => c.key))
    await Promise.all([
      ...[...puts].map(([table, rows]) => tx.table<AnyRow, string>(table).bulkPut(rows)),
      tx.table<AuditRecord, string>('audit').bulkAdd(audits),
      tx.table<RevisionRecord, string>('revs').bulkPut(newRevs),
      log.bulkPut(conflicts.filter((_, i) => !known[i])),
      tx.table<SettingRecord, string>('settings').put({ key: CHECKPOINT_KEY, value: checkpoint }),
    ])
    await updateTotals(tx, touched)
    await keepThumbnails(tx, pulled)
    return newRevs.length
  })
}

/** Stores the thumbnails pulled with attachments' documents, beside whatever bytes of them this device holds. */
async function keepThumbnails(tx: Transaction, pulled: readonly Pulled[]): Promise<void> {
  const come = pulled.filter((p): p is Pulled & { thumbnail: Blob } => p.table === 'attachments' && p.thumbnail !== undefined)
  if (come.length === 0) return
  const files = tx.table<FileRecord, string>('files')
  const held = await files.bulkGet(come.map((p) => p.row.id))
  await files.bulkPut(come.map((p, i) => ({ id: p.row.id, file: held[i]?.file ?? null, thumbnail: held[i]?.thumbnail ?? p.thumbnail })))
}

/** Of these attachments, the ones whose thumbnail this device does not hold (the bridge fetches those only). */
export async function thumbnailsWanted(db: PaceDatabase, ids: readonly string[]): Promise<Set<string>> {
  const held = await db.transaction('r', db.files, (tx) => tx.table<FileRecord, string>('files').bulkGet([...ids]))
  return new Set(ids.filter((_, i) => !held[i]?.thumbnail))
}

/** The bytes this device holds of these attachments (the bridge sends a new attachment's with its document). */
export function readFiles(db: PaceDatabase, ids: readonly string[]): Promise<(FileRecord | undefined)[]> {
  return db.transaction('r', db.files, (tx) => tx.table<FileRecord, string>('files').bulkGet([...ids]))
}

/**
 * Keeps an evidence file fetched from the hub, after its row says these are its bytes (same size and SHA-256,
 * computed by the caller from the bytes): what the hub hands out is checked, never trusted. Refused ('invalid')
 * otherwise, and for a row this device does not have.
 */
export async function keepFetchedFile(db: PaceDatabase, id: string, file: Blob, sha256: string): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await tx.table<DataTables['attachments'], string>('attachments').get(id)
    if (!row || row.size !== file.size || row.sha256 !== sha256) throw new StorageError('invalid', [{ path: id, code: 'invalid' }])
    const files = tx.table<FileRecord, string>('files')
    const held = await files.get(id)
    await files.put({ id, file, thumbnail: held?.thumbnail ?? null })
  })
}

/** Where the last pull got to (0: from the start). */
export async function readCheckpoint(db: PaceDatabase): Promise<string | number> {
  const value = (await db.transaction('r', db.settings, (tx) => tx.table<SettingRecord, string>('settings').get(CHECKPOINT_KEY)))?.value
  return typeof value === 'string' || typeof value === 'number' ? value : 0
}

/** What the sharing status shows: rows not yet at the hub, of them refused by it, and conflicts not yet put back. */
export interface SharingCounts {
  pending: number
  refused: number
  conflicts: number
  /** A restore or first sign-in is sending every row. */
  everyRow: boolean
}

export async function readSharingCounts(db: PaceDatabase): Promise<SharingCounts> {
  return db.transaction('r', [db.outbox, db.conflicts], async (tx) => {
    const outbox = tx.table<OutboxRecord, string>('outbox')
    // Counted by index, not read: the status is live and the outbox can hold every row of a first upload.
    const [total, refused, all, conflicts] = await Promise.all([
      outbox.count(),
      outbox.orderBy('refused').count(),
      outbox.get(ALL_ROWS),
      tx.table<ConflictRecord, string>('conflicts').filter((c) => c.restoredAt === null).count(),
    ])
    return { pending: total - (all ? 1 : 0), refused, conflicts, everyRow: all !== undefined }
  })
}

/** The conflict log, newest first. */
export function readConflicts(db: PaceDatabase): Promise<ConflictRecord[]> {
  return db.transaction('r', db.conflicts, (tx) => tx.table<ConflictRecord, string>('conflicts').orderBy('detectedAt').reverse().toArray())
}

/** Marks a logged version as put back (its row was written again through the write path). */
export async function markRestored(db: PaceDatabase, key: string, at: string): Promise<void> {
  await db.transaction('rw', db.conflicts, (tx) => tx.table<ConflictRecord, string>('conflicts').update(key, { restoredAt: at }))
}

/**
 * Empties this device's store (signing out of a shared dataset on a device someone else will use): every row and
 * evidence file, the audit, the outbox, the conflict log and every local setting. Refused while rows are still
 * waiting for the hub, so nothing unsent is lost.
 */
export async function forgetThisDevice(db: PaceDatabase): Promise<void> {
  await writeTransaction(db, async (tx) => {
    if ((await tx.table<OutboxRecord, string>('outbox').count()) > 0) throw new StorageError('unsent')
    for (const table of [...DATA_TABLES, 'audit', 'totals', 'revs', 'conflicts', 'settings', 'files']) await tx.table(table).clear()
  })
}

/** This device's sharing settings (server, database, account): a local setting, written through the write path. */
export const SHARING_KEY = 'sharing'

export async function readSharingSetting(db: PaceDatabase): Promise<unknown> {
  return (await db.transaction('r', db.settings, (tx) => tx.table<SettingRecord, string>('settings').get(SHARING_KEY)))?.value ?? null
}

/** The changes the hub refused, with their rows as stored here (kept, not dropped). */
export async function readRefused(db: PaceDatabase): Promise<{ key: string; table: DataTableName; row: AnyRow | undefined; reason: string }[]> {
  return db.transaction('r', [db.outbox, ...DATA_TABLES.map((t) => db[t])], async (tx) => {
    const records = (await tx.table<OutboxRecord, string>('outbox').orderBy('refused').toArray()).filter((r) => r.table !== 'all')
    return Promise.all(
      records.map(async (r) => ({ key: r.key, table: r.table as DataTableName, row: await tx.table<AnyRow, string>(r.table).get(r.rowId), reason: r.refused! })),
    )
  })
}
