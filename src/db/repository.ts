import type { Table } from 'dexie'
import type { PaceDatabase } from './database'
import { StorageError } from './errors'
import type { AuditRecord, DataTableName, DataTables } from './records'
import { commit, type Entity, type Validators, type Writer } from './write'

type Row<K extends DataTableName> = DataTables[K]

/**
 * Reads one table, and writes single rows of it as one-row batches through `commit` (the one write path), so
 * each save or remove is validated in its transaction, audited and undoable like any other batch.
 */
export function createRepository<K extends DataTableName>(db: PaceDatabase, table: K, validators: Validators) {
  const store = () => db[table] as unknown as Table<Row<K>, string>

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
      const { rows } = await commit(db, validators, { writes: [{ table, row: input } as never] }, writer)
      return rows[0] as Row<K>
    },

    /** Soft-deletes a live row (a tombstone that replicates); undo brings it back. */
    async remove(id: string, writer: Writer): Promise<void> {
      await commit(
        db,
        validators,
        async (context) => {
          if (!(await context.stored(table, id))) throw new StorageError('notFound')
          return { removals: [{ table, id }] }
        },
        writer,
      )
    },

    /** The audit trail of one row, oldest first. */
    async history(id: string): Promise<AuditRecord[]> {
      return db.audit.where('[table+rowId]').equals([table, id]).sortBy('at')
    },
  }
}

export type Repository<K extends DataTableName> = ReturnType<typeof createRepository<K>>
