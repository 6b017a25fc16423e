import {
  chinaDate,
  isCalendarDate,
  validateCommitment,
  validateDepartment,
  validateEntry,
  validatePerson,
  validatePlan,
  validateReview,
  validateSection,
  type Plan,
  type Validated,
} from '@/domain'
import { createDatabase, type PaceDatabase } from './database'
import { createRepository, type Entity, type Writer } from './repository'
import { undoBatch, writeBatch, type RowRemoval, type RowWrite, type Validators } from './batch'

/** The plan a row names: one of the same batch, else the stored, live one. */
async function planOf(planId: unknown, db: PaceDatabase, pendingPlans?: ReadonlyMap<string, Plan>): Promise<Plan | undefined> {
  if (typeof planId !== 'string') return undefined
  const stored = pendingPlans?.has(planId) ? undefined : await db.plans.get(planId)
  return pendingPlans?.get(planId) ?? (stored && stored.deletedAt === null ? stored : undefined)
}

const field = (input: unknown, key: string): unknown => (input && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined)
const NO_PLAN = { ok: false, issues: [{ path: 'planId', code: 'invalid' }] } as const

/** A commitment is checked against its plan's window. */
async function validateCommitmentRecord(input: unknown, db: PaceDatabase, pendingPlans?: ReadonlyMap<string, Plan>): Promise<Validated<Entity<'commitments'>>> {
  const plan = await planOf(field(input, 'planId'), db, pendingPlans)
  return plan ? validateCommitment(input, plan.window) : { ok: false, issues: [...NO_PLAN.issues] }
}

/** A review is checked against its plan and against its stored self (a frozen snapshot never changes). */
async function validateReviewRecord(input: unknown, db: PaceDatabase, pendingPlans?: ReadonlyMap<string, Plan>): Promise<Validated<Entity<'reviews'>>> {
  const plan = await planOf(field(input, 'planId'), db, pendingPlans)
  if (!plan) return { ok: false, issues: [...NO_PLAN.issues] }
  const id = field(input, 'id')
  const before = typeof id === 'string' ? await db.reviews.get(id) : undefined
  return validateReview(input, plan.window, before && before.deletedAt === null ? before : undefined)
}

/**
 * Entries carry who logged them and when besides the domain's fields. What is logged has happened: an entry
 * dated after today (China time) is refused.
 */
function validateEntryRecord(input: unknown): Validated<Entity<'entries'>> {
  const today = chinaDate(Date.now())
  const result = validateEntry(input, today)
  if (!result.ok) return result
  const source = input as Record<string, unknown>
  const author = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : null)
  const loggedOn = typeof source.loggedOn === 'string' && isCalendarDate(source.loggedOn) ? source.loggedOn : today
  return { ok: true, value: { ...result.value, departmentId: author('departmentId'), personId: author('personId'), loggedOn } }
}

const VALIDATORS: Validators = {
  plans: validatePlan,
  sections: validateSection,
  commitments: validateCommitmentRecord,
  entries: validateEntryRecord,
  departments: validateDepartment,
  people: validatePerson,
  reviews: validateReviewRecord,
}

/**
 * The database, one repository per table, and batches (many rows in one audited transaction that undoes as
 * one): the only way the rest of the app touches storage.
 */
export function createStorage(db: PaceDatabase = createDatabase()) {
  return {
    db,
    plans: createRepository(db, 'plans', VALIDATORS.plans),
    sections: createRepository(db, 'sections', VALIDATORS.sections),
    commitments: createRepository(db, 'commitments', VALIDATORS.commitments),
    entries: createRepository(db, 'entries', VALIDATORS.entries),
    departments: createRepository(db, 'departments', VALIDATORS.departments),
    people: createRepository(db, 'people', VALIDATORS.people),
    reviews: createRepository(db, 'reviews', VALIDATORS.reviews),
    /** Writes and removes rows in one transaction; returns the batch id that `undo` takes. */
    write: (change: { writes?: readonly RowWrite[]; removals?: readonly RowRemoval[] }, writer: Writer) => writeBatch(db, VALIDATORS, change, writer),
    /** Reverts a batch as one new audited batch. */
    undo: (batch: string, writer: Writer) => undoBatch(db, batch, writer),
  }
}

export type PaceStorage = ReturnType<typeof createStorage>

export { newId } from './ids'
export { createDatabase, DATABASE_NAME, type PaceDatabase } from './database'
export { StorageError, toStorageError, type StorageErrorCode } from './errors'
export { undo, type Writer, type Entity } from './repository'
// Whole-plan operations (example, copy, cascading removes) live in './plans', imported on demand: they bring
// the example data and the progress engine, which the first screen does not need.
export { getExample, type ExampleRecord } from './example-record'
export { BatchError, type BatchIssue, type RowRemoval, type RowWrite } from './batch'
export { getIdentity, setIdentity, type Identity } from './identity'
export { observe, type Subscription } from './live'
export { openDatabase, estimateStorage, requestPersistence, type OpenOptions, type StorageEstimate } from './connection'
export { mergeDepartments, mergePeople } from './directory'
export { rescueRead, type RescuedData } from './rescue'
export { SCHEMA_VERSIONS, CURRENT_VERSION, upgradeRows, type SchemaVersion } from './migrations'
export * from './records'
export { readTotals } from './totals'
export { planReviews, planRows } from './plan-rows'
export { readAll, previewMerge, importData, type BackupData, type ImportMode, type ImportPlan, type TableImportPlan } from './backup'
