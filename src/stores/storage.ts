import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { DATABASE_NAME, createStorage, openDatabase, rescueRead, toStorageError, type PaceStorage, type StorageErrorCode } from '@/db'

export type StorageState = 'opening' | 'ready' | 'failed' | 'outdated'

/** The one open database for the app, and whether it can be used. */
export const useStorageStore = defineStore('storage', () => {
  const storage: PaceStorage = createStorage()
  const state = shallowRef<StorageState>('opening')
  const failure = shallowRef<StorageErrorCode | null>(null)

  async function open() {
    state.value = 'opening'
    try {
      await openDatabase(storage.db, {
        onVersionChange: () => {
          state.value = 'outdated'
        },
      })
      state.value = 'ready'
      failure.value = null
    } catch (error) {
      state.value = 'failed'
      failure.value = toStorageError(error).code
    }
  }

  /**
   * When the database will not open: whatever can still be read, as a file's name and text; or, when nothing can,
   * what stopped it.
   */
  async function rescue(now = new Date()): Promise<{ ok: true; name: string; text: string } | { ok: false; cause: unknown }> {
    try {
      const rescued = await rescueRead(DATABASE_NAME)
      const exportedAt = now.toISOString()
      return { ok: true, name: `pace-rescue-${exportedAt.slice(0, 10)}.json`, text: JSON.stringify({ format: 'pace-rescue', exportedAt, ...rescued }) }
    } catch (cause) {
      return { ok: false, cause }
    }
  }

  return { storage, state, failure, open, rescue }
})
