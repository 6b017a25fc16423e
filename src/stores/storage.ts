import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { createStorage, openDatabase, toStorageError, type PaceStorage, type StorageErrorCode } from '@/db'

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

  return { storage, state, failure, open }
})
