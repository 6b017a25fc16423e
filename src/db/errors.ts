import type { ValidationIssue } from '@/domain'

/**
 * Why storage refused, as a code the UI words in the user's language. Nothing was written when one is thrown:
 * every write runs in one transaction that rolls back whole.
 */
export type StorageErrorCode =
  | 'quota' // the browser's storage for this site is full
  | 'invalid' // the data failed validation (see `issues`)
  | 'notFound'
  | 'openFailed' // the database cannot be opened
  | 'versionChanged' // another tab upgraded the database; this tab must reload
  | 'unsent' // rows are still waiting for the shared dataset's hub
  | 'forbidden' // the signed-in account's role may not make this change (see `issues`)
  | 'unknown'

export class StorageError extends Error {
  override readonly name = 'StorageError'
  constructor(
    readonly code: StorageErrorCode,
    readonly issues: ValidationIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(code, options)
  }
}

function errorName(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : undefined
}

/** The error and the ones it wraps: Dexie puts the real cause of an AbortError in `inner`. */
function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>()
  let current = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    yield current
    current = 'inner' in current && current.inner ? current.inner : 'cause' in current ? current.cause : undefined
  }
}

/** Maps whatever IndexedDB or Dexie threw to a StorageError; a StorageError passes through unchanged. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error
  for (const cause of causes(error)) {
    const name = errorName(cause)
    if (name === 'QuotaExceededError') return new StorageError('quota', [], { cause: error })
    if (name === 'VersionChangeError' || name === 'DatabaseClosedError') return new StorageError('versionChanged', [], { cause: error })
    if (name === 'OpenFailedError' || name === 'InvalidStateError' || name === 'UnknownError') {
      return new StorageError('openFailed', [], { cause: error })
    }
  }
  return new StorageError('unknown', [], { cause: error })
}
