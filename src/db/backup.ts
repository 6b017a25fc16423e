import type { Table } from 'dexie'
import type { PaceDatabase } from './database'
import { toStorageError } from './errors'
import { newId } from './ids'
import { DATA_TABLES, type DataTableName, type DataTables } from './records'
import type { Writer } from './repository'

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

export async function readAll(db: PaceDatabase): Promise<BackupData> {
  return db.transaction('r', DATA_TABLES.map((name) => db[name]), async () => {
    const data = {} as Record<DataTableName, unknown[]>
    for (const name of DATA_TABLES) data[name] = await tableOf(db, name).toArray()
    return data as BackupData
  })
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

async function planTable(db: PaceDatabase, name: DataTableName, rows: DataTables[DataTableName][]) {
  const locals = await tableOf(db, name).bulkGet(rows.map((row) => row.id))
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
}

/** What a merge import would do, table by table, without writing anything. */
export async function previewMerge(db: PaceDatabase, data: BackupData): Promise<ImportPlan> {
  return db.transaction('r', DATA_TABLES.map((name) => db[name]), async () => {
    const result = {} as ImportPlan
    for (const name of DATA_TABLES) result[name] = (await planTable(db, name, data[name])).plan
    return result
  })
}

/**
 * Imports a validated backup in one transaction: `replace` makes the data exactly the file's; `merge` applies
 * the rules of `previewMerge`, so importing the same file twice changes nothing the second time. One audit
 * record per import sums it up (a row-by-row trail of 100,000 rows would double the database).
 */
export async function importData(db: PaceDatabase, data: BackupData, mode: ImportMode, writer: Writer): Promise<ImportPlan> {
  const at = (writer.now?.() ?? new Date()).toISOString()
  try {
    return await db.transaction('rw', [...DATA_TABLES.map((name) => db[name]), db.audit], async () => {
      const result = {} as ImportPlan
      for (const name of DATA_TABLES) {
        const table = tableOf(db, name)
        if (mode === 'replace') {
          await table.clear()
          await table.bulkAdd(data[name])
          result[name] = { adds: data[name].length, updates: 0, unchanged: 0, conflicts: 0 }
        } else {
          const { plan, toWrite } = await planTable(db, name, data[name])
          await table.bulkPut(toWrite)
          result[name] = plan
        }
      }
      await db.audit.add({ id: newId(), at, actor: writer.actor, table: 'all', rowId: '', action: 'import', before: null, after: { mode, result } })
      return result
    })
  } catch (error) {
    throw toStorageError(error)
  }
}
