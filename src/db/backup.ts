import Dexie, { type Table, type Transaction } from 'dexie'
import type { PaceDatabase } from './database'
import { taskRefusal } from '@/domain'
import { StorageError } from './errors'
import { newId } from './ids'
import { DATA_TABLES, type DataTableName, type DataTables, type FileRecord } from './records'
import { instant, queueAllRows, writeTransaction, type Writer } from './write'
import { rebuildTotals } from './totals'

/** Every row of every synced table, tombstones included: what a backup file carries. */
export type BackupData = { [K in DataTableName]: DataTables[K][] }

export type ImportMode = 'replace' | 'merge'

export interface TableImportPlan {
  /** Rows whose id is new here. */
  adds: number
  /** Rows newer in the file than here: they replace the local row (a newer tombstone deletes it). */
  updates: number
  /** Rows equal here, or with the same stamp: nothing to do. */
  unchanged: number
  /** Rows that differ but are older in the file: the local row is kept. Listed so the coordinator can check. */
  conflicts: number
}

export type ImportPlan = Record<DataTableName, TableImportPlan>

function tableOf(db: PaceDatabase, name: DataTableName) {
  return db[name] as unknown as Table<DataTables[DataTableName], string>
}

/** Reads every table in one read-only transaction: a consistent snapshot for a backup. */
export async function readAll(db: PaceDatabase): Promise<BackupData> {
  const tables = await db.transaction('r', DATA_TABLES.map((name) => db[name]), (tx) =>
    Dexie.Promise.all(DATA_TABLES.map((name) => tx.table<DataTables[DataTableName], string>(name).toArray())),
  )
  return Object.fromEntries(DATA_TABLES.map((name, i) => [name, tables[i]])) as BackupData
}

/** Same content, ignoring key order (rows come back from IndexedDB and JSON in different orders). */
function sameRow(a: object, b: object): boolean {
  const sorted = (row: object) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([x], [y]) => (x < y ? -1 : 1))))
  return sorted(a) === sorted(b)
}

type Decision = 'add' | 'update' | 'unchanged' | 'conflict'

/** Last writer wins by `updatedAt`; tombstones are rows like any other, so a newer delete wins and an older one cannot resurrect or remove. */
function decide(local: DataTables[DataTableName] | undefined, incoming: DataTables[DataTableName]): Decision {
  if (!local) return 'add'
  if (sameRow(local, incoming)) return 'unchanged'
  if (incoming.updatedAt > local.updatedAt) return 'update'
  if (incoming.updatedAt === local.updatedAt) return 'unchanged'
  return 'conflict'
}

/** Decides every incoming row of one table against the local rows (a Dexie promise, so it stays inside a transaction). */
function planTable(table: Table<DataTables[DataTableName], string>, rows: DataTables[DataTableName][]) {
  return table
    .bulkGet(rows.map((row) => row.id))
    .then((locals) => {
      const plan: TableImportPlan = { adds: 0, updates: 0, unchanged: 0, conflicts: 0 }
      const toWrite: DataTables[DataTableName][] = []
      rows.forEach((row, i) => {
        const decision = decide(locals[i], row)
        if (decision === 'add') plan.adds++
        else if (decision === 'update') plan.updates++
        else if (decision === 'unchanged') plan.unchanged++
        else plan.conflicts++
        if (decision === 'add' || decision === 'update') toWrite.push(row)
      })
      return { plan, toWrite }
    })
}

/** What a merge import would do, table by table, without writing anything. */
export async function previewMerge(db: PaceDatabase, data: BackupData): Promise<ImportPlan> {
  const plans = await Promise.all(DATA_TABLES.map((name) => planTable(tableOf(db, name), data[name])))
  return Object.fromEntries(DATA_TABLES.map((name, i) => [name, plans[i]!.plan])) as ImportPlan
}

/**
 * The evidence files' bytes after an import: the file's are stored (a file's bytes never change under its id);
 * on `replace`, bytes this device holds stay only where the restored data still has their attachment row, so a
 * JSON-only backup restored on the device that wrote it keeps its photos and nothing else is left behind.
 */
function importFiles(tx: Transaction, data: BackupData, mode: ImportMode, files: readonly FileRecord[]) {
  const table = tx.table<FileRecord, string>('files')
  const kept = new Set(data.attachments.map((a) => a.id))
  const cleared: Promise<unknown> =
    mode === 'replace'
      ? table
          .toCollection()
          .primaryKeys()
          .then((ids) => table.bulkDelete(ids.filter((id) => !kept.has(id))))
      : Dexie.Promise.resolve()
  return cleared.then(() => table.bulkPut(files.map(({ id, file, thumbnail }) => ({ id, file, thumbnail }))))
}

/**
 * The ids of the evidence files whose bytes this device holds, not only their thumbnail (the bytes are not read
 * here: a backup reads them one at a time).
 */
export function storedFileIds(db: PaceDatabase): Promise<string[]> {
  return db.transaction('r', db.files, (tx) =>
    tx
      .table<FileRecord, string>('files')
      .filter((record) => record.file !== null)
      .primaryKeys(),
  )
}

/**
 * Imports a validated backup in one transaction: `replace` makes the data exactly the file's; `merge` applies
 * the rules of `previewMerge`, so importing the same file twice changes nothing the second time. Evidence files
 * the backup carries (checked against their rows before this) are stored in the same transaction. One audit
 * record per import sums it up (a row-by-row trail of 100,000 rows would double the database).
 */
export async function importData(db: PaceDatabase, data: BackupData, mode: ImportMode, writer: Writer, files: readonly FileRecord[] = []): Promise<ImportPlan> {
  // A restore or merge goes to the whole shared dataset: the plan keeper's to make.
  const refusal = taskRefusal(writer.role ? { name: writer.actor, role: writer.role } : null, 'dataset')
  if (refusal) throw new StorageError('forbidden', [{ path: '', code: refusal }])
  const at = instant(writer)
  const result = {} as ImportPlan
  const importTable = (tx: Transaction, name: DataTableName) => {
    const table = tx.table<DataTables[DataTableName], string>(name)
    if (mode === 'replace') {
      result[name] = { adds: data[name].length, updates: 0, unchanged: 0, conflicts: 0 }
      return table.clear().then(() => table.bulkAdd(data[name]))
    }
    return planTable(table, data[name]).then(({ plan, toWrite }) => {
      result[name] = plan
      return table.bulkPut(toWrite)
    })
  }
  // One chain of Dexie promises on tables bound to the transaction: nothing depends on Dexie's zone tracking,
  // which lost the transaction in Chromium and let it commit early.
  await writeTransaction(db, (tx) =>
    DATA_TABLES.reduce<Promise<unknown>>((chain, name) => chain.then(() => importTable(tx, name)), Dexie.Promise.resolve())
      .then(() => importFiles(tx, data, mode, files))
      .then(() => tx.table('audit').add({ id: newId(), at, actor: writer.actor, table: 'all', rowId: '', action: 'import', before: null, after: { mode, result, files: files.length } }))
      .then(() => queueAllRows(tx, at, newId()))
      .then(() => rebuildTotals(tx)),
  )
  return result
}
