import {
  entryQuantityIssues,
  validateAttachment,
  isCalendarDate,
  validateCommitment,
  validateDepartment,
  validateEntry,
  validatePerson,
  validatePlan,
  validateReview,
  validateSection,
  type Commitment,
  type Validated,
} from '@/domain'
import { createDatabase, type PaceDatabase } from './database'
import { createRepository } from './repository'
import { commit, undo, type Change, type Entity, type Validators, type WriteContext, type Writer } from './write'

const field = (input: unknown, key: string): unknown => (input && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined)
const NO_PLAN = { ok: false, issues: [{ path: 'planId', code: 'invalid' }] } as const

/** A commitment is checked against its plan's window. */
async function validateCommitmentRecord(input: unknown, context: WriteContext): Promise<Validated<Entity<'commitments'>>> {
  const plan = await context.plan(field(input, 'planId'))
  return plan ? validateCommitment(input, plan.window) : { ok: false, issues: [...NO_PLAN.issues] }
}

/** A review is checked against its plan and against its stored self (a frozen snapshot never changes). */
async function validateReviewRecord(input: unknown, context: WriteContext): Promise<Validated<Entity<'reviews'>>> {
  const plan = await context.plan(field(input, 'planId'))
  if (!plan) return { ok: false, issues: [...NO_PLAN.issues] }
  return validateReview(input, plan.window, await context.stored('reviews', field(input, 'id')))
}

/**
 * Entries carry who logged them and when besides the domain's fields. What is logged has happened: an entry
 * dated after today (China time, by the writer's clock) is refused, and so is one for a commitment that is gone
 * (deleted in another tab since the form opened).
 */
async function validateEntryRecord(input: unknown, context: WriteContext): Promise<Validated<Entity<'entries'>>> {
  const { today } = context
  const result = validateEntry(input, today)
  if (!result.ok) return result
  const counted = await Promise.all(result.value.commitmentIds.map((id) => context.commitment(id)))
  if (counted.some((c) => c === undefined)) return { ok: false, issues: [{ path: 'commitmentIds', code: 'commitmentGone' }] }
  const whole = entryQuantityIssues(result.value, counted as Commitment[])
  if (whole.length > 0) return { ok: false, issues: whole }
  const source = input as Record<string, unknown>
  const author = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : null)
  const loggedOn = typeof source.loggedOn === 'string' && isCalendarDate(source.loggedOn) ? source.loggedOn : today
  const owner = author('owner')
  return { ok: true, value: { ...result.value, departmentId: author('departmentId'), personId: author('personId'), loggedOn, ...(owner === null ? {} : { owner }) } }
}

/**
 * An evidence file's row names a live entry (of this batch, or stored): evidence for an entry deleted meanwhile
 * (in another tab) is refused. It keeps the owner it was shared with.
 */
async function validateAttachmentRecord(input: unknown, context: WriteContext): Promise<Validated<Entity<'attachments'>>> {
  const result = validateAttachment(input)
  if (!result.ok) return result
  if (!(await context.entry(result.value.entryId))) return { ok: false, issues: [{ path: 'entryId', code: 'entryGone' }] }
  const owner = field(input, 'owner')
  return { ok: true, value: { ...result.value, ...(typeof owner === 'string' ? { owner } : {}) } }
}

const VALIDATORS: Validators = {
  plans: validatePlan,
  sections: validateSection,
  commitments: validateCommitmentRecord,
  entries: validateEntryRecord,
  departments: validateDepartment,
  people: validatePerson,
  reviews: validateReviewRecord,
  attachments: validateAttachmentRecord,
}

/**
 * The database, one repository per table (reads, and one-row writes), and batches: the only way the rest of the
 * app touches storage. Every write, whatever its size, is one `commit` (src/db/write.ts).
 */
export function createStorage(db: PaceDatabase = createDatabase()) {
  return {
    db,
    plans: createRepository(db, 'plans', VALIDATORS),
    sections: createRepository(db, 'sections', VALIDATORS),
    commitments: createRepository(db, 'commitments', VALIDATORS),
    entries: createRepository(db, 'entries', VALIDATORS),
    departments: createRepository(db, 'departments', VALIDATORS),
    people: createRepository(db, 'people', VALIDATORS),
    reviews: createRepository(db, 'reviews', VALIDATORS),
    attachments: createRepository(db, 'attachments', VALIDATORS),
    /**
     * Writes one batch in one transaction; `change` may be worked out from the stored rows inside it. Returns
     * the batch id that `undo` takes.
     */
    write: async (change: Change | ((context: WriteContext) => Change | Promise<Change>), writer: Writer) => (await commit(db, VALIDATORS, change, writer)).batch,
    /** Reverts a batch as one new audited batch. */
    undo: (batch: string, writer: Writer) => undo(db, batch, writer),
  }
}

export type PaceStorage = ReturnType<typeof createStorage>

export { newId } from './ids'
export { createDatabase, DATABASE_NAME, type PaceDatabase } from './database'
export { StorageError, toStorageError, type StorageErrorCode } from './errors'
// Whole-plan operations (example, copy, cascading removes) live in './plans', imported on demand: they bring
// the example data and the progress engine, which the first screen does not need.
export { getExample, type ExampleRecord } from './example-record'
export { BatchError, type BatchIssue, type Change, type Entity, type FileWrite, type RowRemoval, type RowWrite, type SettingWrite, type WriteContext, type Writer } from './write'
export { getIdentity, identityChange, IDENTITY_KEY, type Identity } from './identity'
export { observe, type Subscription } from './live'
export { openDatabase, estimateStorage, requestPersistence, type OpenOptions, type StorageEstimate } from './connection'
export { mergeDepartments, mergePeople } from './directory'
export { rescueRead, type RescuedData } from './rescue'
export { SCHEMA_VERSIONS, CURRENT_VERSION, upgradeRows, type SchemaVersion } from './migrations'
export * from './records'
export { readTotals } from './totals'
export {
  applyPulled,
  confirmAtHub,
  finishAllRows,
  markRestored,
  readCheckpoint,
  readConflicts,
  readOutgoing,
  readRowsPage,
  readSent,
  readSharingCounts,
  queueEveryRow,
  forgetThisDevice,
  readSharingSetting,
  readRefused,
  SHARING_KEY,
  recordRefused,
  recordSent,
  CHECKPOINT_KEY,
  keepFetchedFile,
  readFiles,
  thumbnailsWanted,
  type Outgoing,
  type Pulled,
  type SharingCounts,
} from './replica'
export { attachmentsOf, commitmentEvidence, entryRemoval, readFile, type EntryEvidence } from './evidence'
export { entriesOf, planContents, planReviews, planRows, RECENT_SCAN, recentEntries, type EntryAuthorKey, type RowSource } from './plan-rows'
export { readAll, previewMerge, importData, storedFileIds, type BackupData, type ImportMode, type ImportPlan, type TableImportPlan } from './backup'
