import type { PaceDatabase } from './database'
import { toStorageError } from './errors'

export interface OpenOptions {
  /** Another tab is upgrading the database: this tab has closed its connection and must reload. */
  onVersionChange?: () => void
}

/**
 * Opens the database. A failure arrives as a StorageError ('openFailed' etc.); nothing is ever deleted to make
 * it open. When another tab needs a newer schema, this connection closes (so the upgrade can run) and tells the UI.
 */
export async function openDatabase(db: PaceDatabase, options: OpenOptions = {}): Promise<PaceDatabase> {
  db.on('versionchange', () => {
    db.close()
    options.onVersionChange?.()
    return false
  })
  try {
    await db.open()
  } catch (error) {
    throw toStorageError(error)
  }
  return db
}

/** Whether the browser will keep this site's data under storage pressure, and how much is used. */
export interface StorageEstimate {
  persisted: boolean | null
  usage: number | null
  quota: number | null
}

export async function estimateStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageEstimate> {
  if (!storage) return { persisted: null, usage: null, quota: null }
  const [persisted, estimate] = await Promise.all([storage.persisted?.() ?? null, storage.estimate?.() ?? null])
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

/** Asks the browser to keep this site's data (call from a user gesture: some browsers only grant it then). */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  return (await storage?.persist?.()) ?? false
}
