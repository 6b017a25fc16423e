import type { Transaction } from 'dexie'
import type { PaceDatabase } from './database'
import { dayTotals, emptyTotals, mergeTotals, toDayNumber, withoutDays, type CalendarDate, type DayTotals, type Id } from '@/domain'
import { live } from './plan-rows'
import type { EntryRecord, TotalsRecord } from './records'

/**
 * Per-commitment day totals (src/domain/progress/totals.ts), derived from the live entries and kept current in
 * the same transaction as every entry write, so the dashboard reads one row per commitment instead of every entry.
 * Derived data: not audited, not in backups, rebuilt from the entries on upgrade and import.
 */

/** One entry as it was before a write and as it is after (undefined: it did not exist). */
export interface EntryChange {
  before: EntryRecord | undefined
  after: EntryRecord | undefined
}

const isLive = (row: EntryRecord | undefined): row is EntryRecord => row !== undefined && row.deletedAt === null

/**
 * Brings the day totals of the commitments these entry changes touch up to date, inside `tx` (which must include
 * entries and totals, and hold the changes already written), from the changes themselves: a new entry is added to
 * its commitments' stored totals without reading any other entry; for an edit or removal, only the days it
 * touched are summed again, from those days' entries. A commitment's cost is its touched days, not its entries.
 */
export async function updateTotals(tx: Transaction, changes: readonly EntryChange[]): Promise<void> {
  const added = new Map<Id, EntryRecord[]>()
  const redo = new Map<Id, Set<CalendarDate>>()
  const mark = (row: EntryRecord) => {
    for (const id of row.commitmentIds) {
      const days = redo.get(id) ?? new Set<CalendarDate>()
      redo.set(id, days.add(row.date))
    }
  }
  // A row written twice in one batch has two changes: its days are summed again, never added twice.
  const seen = new Map<string, number>()
  for (const { before, after } of changes) seen.set((after ?? before)!.id, (seen.get((after ?? before)!.id) ?? 0) + 1)
  for (const { before, after } of changes) {
    const id = (after ?? before)!.id
    if (!isLive(before) && isLive(after) && seen.get(id) === 1) {
      for (const commitmentId of new Set(after.commitmentIds)) added.set(commitmentId, [...(added.get(commitmentId) ?? []), after])
    } else {
      if (isLive(before)) mark(before)
      if (isLive(after)) mark(after)
    }
  }
  const ids = [...new Set([...added.keys(), ...redo.keys()])]
  if (ids.length === 0) return
  const entries = tx.table<EntryRecord, string>('entries')
  const totals = tx.table<TotalsRecord, string>('totals')
  const dates = [...new Set([...redo.values()].flatMap((days) => [...days]))]
  const [stored, byDate] = await Promise.all([totals.bulkGet(ids), Promise.all(dates.map((date) => entries.where('date').equals(date).toArray()))])
  const ofDate = new Map(dates.map((date, i) => [date, live(byDate[i]!)]))
  const rows = ids.map((commitmentId, i) => {
    const { commitmentId: _id, ...current } = stored[i] ?? { commitmentId, ...emptyTotals() }
    let next: DayTotals = current
    const days = redo.get(commitmentId)
    if (days) {
      const again = [...days].flatMap((date) => ofDate.get(date)!.filter((e) => e.commitmentIds.includes(commitmentId)))
      next = mergeTotals(withoutDays(next, new Set([...days].map(toDayNumber))), dayTotals(again, new Set([commitmentId])).get(commitmentId) ?? emptyTotals())
    }
    // Entries added on a day summed again are already among that day's entries.
    const fresh = (added.get(commitmentId) ?? []).filter((e) => !days?.has(e.date))
    if (fresh.length > 0) next = mergeTotals(next, dayTotals(fresh, new Set([commitmentId])).get(commitmentId)!)
    return { commitmentId, ...next }
  })
  await totals.bulkPut(rows)
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
