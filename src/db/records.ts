import type { Attachment, CalendarDate, Commitment, DayTotals, Department, Entry, Id, Person, Plan, Review, Section } from '@/domain'

/**
 * What every stored row carries besides its own fields, shaped for CouchDB-style replication later: a global
 * string id, a per-row update stamp and author, and a tombstone instead of a hard delete.
 */
export interface Stamp {
  /** ISO 8601 instant of the last write. Merges keep the newer row. */
  updatedAt: string
  /** Name of the person who wrote it (see identity). */
  updatedBy: string
  /** ISO instant of a soft delete; null while the row is live. */
  deletedAt: string | null
}

/** Who logged an entry (so entries can be found by department) and on which China day (marks 补录). */
export interface EntryAuthor {
  departmentId: Id | null
  personId: Id | null
  loggedOn: CalendarDate
  /**
   * In a shared dataset, the account that logged it, as the hub knows it (#16); absent on an entry this device has
   * never shared, which is sent as the signed-in account's.
   */
  owner?: string
}

export type PlanRecord = Plan & Stamp
export type SectionRecord = Section & Stamp
export type CommitmentRecord = Commitment & Stamp
export type EntryRecord = Entry & EntryAuthor & Stamp
export type DepartmentRecord = Department & Stamp
export type PersonRecord = Person & Stamp
export type ReviewRecord = Review & Stamp
/** An evidence file's row (its bytes are a FileRecord); `owner` as an entry's, in a shared dataset. */
export type AttachmentRecord = Attachment & Pick<EntryAuthor, 'owner'> & Stamp

/** The synced tables, by name; each row is one of the domain's entities plus its stamp. */
export interface DataTables {
  plans: PlanRecord
  sections: SectionRecord
  commitments: CommitmentRecord
  entries: EntryRecord
  departments: DepartmentRecord
  people: PersonRecord
  reviews: ReviewRecord
  attachments: AttachmentRecord
}
export type DataTableName = keyof DataTables
export const DATA_TABLES: readonly DataTableName[] = ['plans', 'sections', 'commitments', 'entries', 'departments', 'people', 'reviews', 'attachments']

/**
 * An evidence file's bytes (#17), by its attachment's id: the stored file (a photo downscaled) and, for an image,
 * a thumbnail. Written in the same transaction as the attachment's row; kept while the row is (a removal is a
 * tombstone, which undo revives). Nothing that reads rows reads this table. A shared dataset's evidence pulled
 * from the hub comes with its thumbnail only (`file` null) until someone opens it (src/sharing/files.ts).
 */
export interface FileRecord {
  id: Id
  file: Blob | null
  thumbnail: Blob | null
}

export type AuditAction = 'create' | 'update' | 'delete' | 'undo' | 'import'

/** 全程留痕: one row per write, with the row before and after, written in the same transaction as the write. */
export interface AuditRecord {
  id: Id
  at: string
  actor: string
  /** 'all' for a backup import, which writes every table at once; 'settings' for a local setting (rowId is its key). */
  table: DataTableName | 'settings' | 'all'
  rowId: Id
  action: AuditAction
  before: unknown
  after: unknown
  /** Shared by every record of one multi-row write (schema v2), so the whole write can be undone at once. */
  batch?: Id
}

/**
 * A row changed here and not yet sent to the shared dataset (#16): one record per row (its latest write wins, as a
 * CouchDB document holds a row's latest version), written in the same transaction as the row. `ALL_ROWS` stands
 * for every row, after a restore or merge that wrote whole tables.
 */
export interface OutboxRecord {
  /** `${table}:${rowId}`, or ALL_ROWS. */
  key: string
  table: DataTableName | 'all'
  rowId: Id
  /** When it was changed (the write's stamp) and in which batch. */
  at: string
  batch: Id
  /** Set once it is in this device's replica, as this revision; the record goes when the hub has it. */
  rev?: string
  /** The hub refused that revision, and why (its words): the row stays as written, and its author is told. */
  refused?: string
}
export const ALL_ROWS = '*'
export const outboxKey = (table: DataTableName, rowId: Id) => `${table}:${rowId}`

/** Which revision of the shared dataset's document a stored row is (#16): the base a local change is written on. */
export interface RevisionRecord {
  /** outboxKey(table, rowId). */
  key: string
  rev: string
}

/**
 * A version of a row that lost a conflict (two devices changed it before either saw the other's change): kept
 * so that the plan keeper can see it and put it back. Every replica computes the same winner and the same log.
 */
export interface ConflictRecord {
  /** `${rowKey}@${rev}`: a losing version is logged once. */
  key: string
  rowKey: string
  table: DataTableName
  rowId: Id
  rev: string
  /** The losing version as a row, and the revision that won over it. */
  row: DataTables[DataTableName]
  winnerRev: string
  detectedAt: string
  /** When someone put this version back (as a new write), or null. */
  restoredAt: string | null
}

/** Local settings (identity, evaluation bands), not merged between machines. */
export interface SettingRecord {
  key: string
  value: unknown
}

/** One commitment's entries summed per day (src/db/totals.ts): derived from the entries, never synced or backed up. */
export interface TotalsRecord extends DayTotals {
  commitmentId: Id
}
