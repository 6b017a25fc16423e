import type { Transaction } from 'dexie'
import { rebuildTotals } from '../totals'
import { upgradeEntryToV2 } from './v2-entry-details'
import { upgradeReviewToV4 } from './v4-review-meetings'
import { newId } from '../ids'
import { upgradeIdentityToV5 } from './v5-identity-person'
import { upgradeReviewToV6 } from './v6-review-words'
import { upgradeReviewToV7 } from './v7-one-completion'

/**
 * Every schema version, oldest first. Never edit a released version: add the next one with its stores and, when
 * rows change shape, an `upgrade` that applies a pure, tested transform from this folder to each row.
 */
export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  /** Per-table row transforms for this version's upgrade. */
  upgrade?: Record<string, (row: Record<string, unknown>) => Record<string, unknown>>
  /** Builds derived tables from the upgraded rows, after `upgrade`. */
  derive?: (tx: Transaction) => Promise<void>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      plans: 'id, updatedAt',
      sections: 'id, planId, updatedAt',
      commitments: 'id, planId, sectionId, leadDepartmentId, ownerId, updatedAt',
      // Entries by commitment (multi-entry: one activity may count toward several), by date, by department.
      entries: 'id, *commitmentIds, date, departmentId, updatedAt',
      departments: 'id, name, updatedAt',
      people: 'id, name, departmentId, updatedAt',
      reviews: 'id, planId, updatedAt',
      settings: 'key',
      audit: 'id, at, [table+rowId]',
    },
  },
  // Entry details and the day an entry was logged; audit records found by the batch they were written in.
  { version: 2, stores: { audit: 'id, at, [table+rowId], batch' }, upgrade: { entries: upgradeEntryToV2 } },
  // Per-commitment day totals, kept current on every entry write (src/db/totals.ts): the dashboard's cost grows
  // with commitments, not entries.
  { version: 3, stores: { totals: 'commitmentId' }, derive: rebuildTotals },
  // Reviews gain a period, meeting details, per-commitment notes and the snapshot a freeze stores.
  { version: 4, stores: {}, upgrade: { reviews: upgradeReviewToV4 } },
  // The identity names a person row by id (it held a name): "mine" survives a rename and a namesake.
  { version: 5, stores: {}, derive: (tx) => upgradeIdentityToV5(tx, newId) },
  // One word per concept: a review's `asOf` is its `periodEnd`; a note's 进展情况 text is its `narrative`.
  { version: 6, stores: {}, upgrade: { reviews: upgradeReviewToV6 } },
  // One 完成率: a frozen snapshot's evaluations lose the second figure, percentOfTarget.
  { version: 7, stores: {}, upgrade: { reviews: upgradeReviewToV7 } },
  // What changed here and is not yet in the shared dataset (#16): written with every row, drained by pushing.
  { version: 8, stores: { outbox: 'key, at' } },
  // Sharing (#16): which revision each row is, and the versions that lost a conflict, for the plan keeper.
  { version: 9, stores: { revs: 'key', conflicts: 'key, rowKey, detectedAt' } },
  // The outbox by revision and by refusal: the sharing status counts them, and the bridge finds what it sent,
  // without reading every record (a first upload of 100,000 rows re-read them all on every change).
  { version: 10, stores: { outbox: 'key, at, rev, refused' } },
  // Day totals keep each day's latest measurement's id, so an entry written updates them without re-reading the
  // commitment's entries (src/db/totals.ts).
  { version: 11, stores: {}, derive: rebuildTotals },
  // 佐证材料 (#17): evidence files' rows, found by entry, and their bytes apart, so that no read of rows reads a file.
  { version: 12, stores: { attachments: 'id, entryId, updatedAt', files: 'id' } },
  // "My recent entries" by person or writer, newest first, read from an index (#19): the log screen read every entry
  // of the plan to show ten.
  { version: 13, stores: { entries: 'id, *commitmentIds, date, departmentId, updatedAt, [personId+updatedAt], [updatedBy+updatedAt]' } },
]

/** Brings rows written at `fromVersion` (a backup file's schema) to the current shape, with the same transforms. */
export function upgradeRows(table: string, rows: unknown[], fromVersion: number): unknown[] {
  const transforms = SCHEMA_VERSIONS.filter((v) => v.version > fromVersion).flatMap((v) => (v.upgrade?.[table] ? [v.upgrade[table]] : []))
  if (transforms.length === 0) return rows
  return rows.map((row) =>
    row && typeof row === 'object' ? transforms.reduce((r, transform) => transform(r), row as Record<string, unknown>) : row,
  )
}

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
