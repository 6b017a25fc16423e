import type { Transaction } from 'dexie'
import type { PaceDatabase } from './database'
import { dayTotals, emptyTotals, type DayTotals, type Id } from '@/domain'
import { live } from './plan-rows'
import type { EntryRecord, TotalsRecord } from './records'

/**
 * Per-commitment day totals (src/domain/progress/totals.ts), derived from the live entries and kept current in
 * the same transaction as every entry write, so the dashboard reads one row per commitment instead of every entry.
 * Derived data: not audited, not in backups, rebuilt from the entries on upgrade and import.
 */

/** The commitments whose totals an entry write touches: those of the row before and after it. */
export function touchedCommitments(rows: Iterable<{ commitmentIds?: readonly Id[] } | null | undefined>): Set<Id> {
  const ids = new Set<Id>()
  for (const row of rows) for (const id of row?.commitmentIds ?? []) ids.add(id)
  return ids
}


/** Recomputes the totals of `commitmentIds` from their live entries, inside `tx` (which must include both tables). */
export async function refreshTotals(tx: Transaction, commitmentIds: Iterable<Id>): Promise<void> {
  const entries = tx.table<EntryRecord, string>('entries')
  const totals = tx.table<TotalsRecord, string>('totals')
  // All at once: IndexedDB pipelines the requests instead of a round trip per commitment.
  await Promise.all(
    [...new Set(commitmentIds)].map(async (id) => {
      const rows = live(await entries.where('commitmentIds').equals(id).toArray())
      await totals.put({ commitmentId: id, ...(dayTotals(rows, new Set([id])).get(id) ?? emptyTotals()) })
    }),
  )
}

/** Rebuilds every commitment's totals from all live entries, in one pass. */
export async function rebuildTotals(tx: Transaction): Promise<void> {
  const totals = tx.table<TotalsRecord, string>('totals')
  const rows = live(await tx.table<EntryRecord, string>('entries').toArray())
  await totals.clear()
  await totals.bulkPut([...dayTotals(rows)].map(([commitmentId, t]) => ({ commitmentId, ...t })))
}

/** The stored totals of these commitments; a commitment without a row has no entries. */
export async function readTotals(db: PaceDatabase, commitmentIds: readonly Id[]): Promise<Map<Id, DayTotals>> {
  const rows = await db.totals.bulkGet([...commitmentIds])
  const map = new Map<Id, DayTotals>()
  for (const row of rows) if (row) map.set(row.commitmentId, row)
  return map
}
