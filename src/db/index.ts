import {
  validateCommitment,
  validateDepartment,
  validateEntry,
  validatePerson,
  validatePlan,
  validateReview,
  validateSection,
  type Validated,
} from '@/domain'
import { createDatabase, type PaceDatabase } from './database'
import { createRepository, type Entity } from './repository'

async function validateCommitmentRecord(input: unknown, db: PaceDatabase): Promise<Validated<Entity<'commitments'>>> {
  const planId = input && typeof input === 'object' && 'planId' in input ? input.planId : undefined
  const plan = typeof planId === 'string' ? await db.plans.get(planId) : undefined
  if (!plan || plan.deletedAt !== null) return { ok: false, issues: [{ path: 'planId', code: 'invalid' }] }
  return validateCommitment(input, plan.window)
}

/** Entries carry who logged them besides the domain's fields. */
function validateEntryRecord(input: unknown): Validated<Entity<'entries'>> {
  const result = validateEntry(input)
  if (!result.ok) return result
  const source = input as Record<string, unknown>
  const author = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : null)
  return { ok: true, value: { ...result.value, departmentId: author('departmentId'), personId: author('personId') } }
}

/** The database and one repository per table: the only way the rest of the app touches storage. */
export function createStorage(db: PaceDatabase = createDatabase()) {
  return {
    db,
    plans: createRepository(db, 'plans', validatePlan),
    sections: createRepository(db, 'sections', validateSection),
    commitments: createRepository(db, 'commitments', validateCommitmentRecord),
    entries: createRepository(db, 'entries', validateEntryRecord),
    departments: createRepository(db, 'departments', validateDepartment),
    people: createRepository(db, 'people', validatePerson),
    reviews: createRepository(db, 'reviews', validateReview),
  }
}

export type PaceStorage = ReturnType<typeof createStorage>

export { createDatabase, DATABASE_NAME, type PaceDatabase } from './database'
export { StorageError, toStorageError, type StorageErrorCode } from './errors'
export { undo, type Writer, type Entity } from './repository'
export { getIdentity, setIdentity, type Identity } from './identity'
export { observe, type Subscription } from './live'
export { openDatabase, estimateStorage, requestPersistence, type OpenOptions, type StorageEstimate } from './connection'
export { mergeDepartments, mergePeople } from './directory'
export { rescueRead, type RescuedData } from './rescue'
export { SCHEMA_VERSIONS, CURRENT_VERSION, type SchemaVersion } from './migrations'
export * from './records'
export { readAll, previewMerge, importData, type BackupData, type ImportMode, type ImportPlan, type TableImportPlan } from './backup'
