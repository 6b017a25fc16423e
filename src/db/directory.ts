import type { Transaction } from 'dexie'
import { repointCommitmentDepartment, repointCommitmentPerson, repointField, type Id } from '@/domain'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'
import { newId } from './ids'
import type { AuditRecord, DataTableName, DataTables, Stamp } from './records'
import type { Writer } from './repository'

type AnyRow = DataTables[DataTableName]

/** Rewrites every live row of `table` that `repoint` changes, stamped and audited like any edit. */
async function repointRows(tx: Transaction, table: DataTableName, repoint: (row: AnyRow) => AnyRow | null, writer: Writer, at: string) {
  const rows = tx.table<AnyRow, string>(table)
  const audit = tx.table<AuditRecord, string>('audit')
  for (const before of await rows.toArray()) {
    if (before.deletedAt !== null) continue
    const changed = repoint(before)
    if (!changed) continue
    const after = { ...changed, updatedAt: at, updatedBy: writer.actor } as AnyRow
    await rows.put(after)
    await audit.add({ id: newId(), at, actor: writer.actor, table, rowId: before.id, action: 'update', before, after })
  }
}

async function merge(
  db: PaceDatabase,
  table: 'departments' | 'people',
  from: Id,
  into: Id,
  writer: Writer,
  repoints: [DataTableName, (row: AnyRow) => AnyRow | null][],
) {
  if (from === into) throw new StorageError('invalid', [{ path: 'into', code: 'invalid' }])
  const at = (writer.now?.() ?? new Date()).toISOString()
  const tables = [...new Set([table, ...repoints.map(([name]) => name)])].map((name) => db[name])
  try {
    await db.transaction('rw', [...tables, db.audit], async (tx) => {
      const list = tx.table<AnyRow & Stamp, string>(table)
      const [duplicate, kept] = await Promise.all([list.get(from), list.get(into)])
      if (!duplicate || duplicate.deletedAt !== null || !kept || kept.deletedAt !== null) throw new StorageError('notFound')
      for (const [name, repoint] of repoints) await repointRows(tx, name, repoint, writer, at)
      const tombstone = { ...duplicate, updatedAt: at, updatedBy: writer.actor, deletedAt: at }
      await list.put(tombstone)
      await tx.table<AuditRecord, string>('audit').add({ id: newId(), at, actor: writer.actor, table, rowId: from, action: 'delete', before: duplicate, after: tombstone })
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * Merges a duplicate department into the one to keep, in one transaction: commitments (lead and co-departments),
 * people and entries are re-pointed, each change audited, and the duplicate becomes a tombstone.
 */
export function mergeDepartments(db: PaceDatabase, from: Id, into: Id, writer: Writer) {
  return merge(db, 'departments', from, into, writer, [
    ['commitments', (row) => repointCommitmentDepartment(row as DataTables['commitments'], from, into)],
    ['people', (row) => repointField(row as DataTables['people'], 'departmentId', from, into)],
    ['entries', (row) => repointField(row as DataTables['entries'], 'departmentId', from, into)],
  ])
}

/** Merges a duplicate person into the one to keep: leaders, responsible persons and entry authors. */
export function mergePeople(db: PaceDatabase, from: Id, into: Id, writer: Writer) {
  return merge(db, 'people', from, into, writer, [
    ['commitments', (row) => repointCommitmentPerson(row as DataTables['commitments'], from, into)],
    ['entries', (row) => repointField(row as DataTables['entries'], 'personId', from, into)],
  ])
}

