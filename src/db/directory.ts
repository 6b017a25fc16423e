import { repointCommitmentDepartment, repointCommitmentPerson, repointField, type Id } from '@/domain'
import { StorageError } from './errors'
import type { PaceStorage } from './index'
import { live } from './plan-rows'
import { IDENTITY_KEY } from './identity'
import type { DataTableName, DataTables, SettingRecord } from './records'
import type { RowWrite, WriteContext, Writer } from './write'

type AnyRow = DataTables[DataTableName]
type Repoint = [DataTableName, (row: AnyRow) => AnyRow | null]

/**
 * Merges a duplicate into the row to keep as one batch worked out inside its transaction: every live row that a
 * repoint changes is rewritten (stamped and audited like any edit) and the duplicate becomes a tombstone. Undo
 * reverts the lot.
 */
function merge(storage: PaceStorage, table: 'departments' | 'people', from: Id, into: Id, writer: Writer, repoints: Repoint[]): Promise<Id> {
  if (from === into) return Promise.reject(new StorageError('invalid', [{ path: 'into', code: 'invalid' }]))
  return storage.write(async ({ tx, stored }: WriteContext) => {
    if (!(await stored(table, from)) || !(await stored(table, into))) throw new StorageError('notFound')
    const writes: RowWrite[] = []
    for (const [name, repoint] of repoints) {
      for (const row of live(await tx.table<AnyRow, string>(name).toArray())) {
        const changed = repoint(row)
        if (changed) writes.push({ table: name, row: changed } as RowWrite)
      }
    }
    // The user who was the duplicate is now the person kept.
    const identity = await tx.table<SettingRecord, string>('settings').get(IDENTITY_KEY)
    const movesIdentity = table === 'people' && (identity?.value as { personId?: unknown } | undefined)?.personId === from
    return { writes, removals: [{ table, id: from }], settings: movesIdentity ? [{ key: IDENTITY_KEY, value: { personId: into } }] : [] }
  }, writer)
}

/**
 * Merges a duplicate department into the one to keep: commitments (lead and co-departments), people and entries
 * are re-pointed and the duplicate becomes a tombstone. Returns the batch id.
 */
export function mergeDepartments(storage: PaceStorage, from: Id, into: Id, writer: Writer): Promise<Id> {
  return merge(storage, 'departments', from, into, writer, [
    ['commitments', (row) => repointCommitmentDepartment(row as DataTables['commitments'], from, into)],
    ['people', (row) => repointField(row as DataTables['people'], 'departmentId', from, into)],
    ['entries', (row) => repointField(row as DataTables['entries'], 'departmentId', from, into)],
  ])
}

/** Merges a duplicate person into the one to keep: leaders, responsible persons and entry authors. */
export function mergePeople(storage: PaceStorage, from: Id, into: Id, writer: Writer): Promise<Id> {
  return merge(storage, 'people', from, into, writer, [
    ['commitments', (row) => repointCommitmentPerson(row as DataTables['commitments'], from, into)],
    ['entries', (row) => repointField(row as DataTables['entries'], 'personId', from, into)],
  ])
}
