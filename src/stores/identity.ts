import { defineStore } from 'pinia'
import { computed } from 'vue'
import { getIdentity, identityChange, StorageError, type Identity, type Writer } from '@/db'
import { useLiveQuery } from '@/composables/use-live-query'
import { useSharingStore } from './sharing'
import { useStorageStore } from './storage'

/** Who is using this browser: a person of the people list. Undefined while loading, null on first run. */
export const useIdentityStore = defineStore('identity', () => {
  const { storage } = useStorageStore()
  const { data: identity } = useLiveQuery<Identity | null | undefined>(() => getIdentity(storage.db), undefined)
  const sharing = useSharingStore()
  /** In a shared dataset, the signed-in account writes, with its role (the write path refuses what it may not do). */
  const writer = computed<Writer | null>(() => {
    const account = sharing.account
    if (account) return { actor: account.name, role: account.role }
    return identity.value ? { actor: identity.value.name } : null
  })

  /**
   * Names the user, as one batch: a department typed for the first time joins the department list, and the
   * user is a person of the people list (so commitments can be assigned to them and "mine" finds them).
   */
  async function save(name: string, department: string): Promise<string> {
    return storage.write(identityChange({ name, department }), { actor: name.trim() })
  }

  /** The writer for a storage call; before the user has named themself, storage refuses with an 'invalid' error. */
  function requireWriter(): Writer {
    if (!writer.value) throw new StorageError('invalid', [{ path: 'identity', code: 'required' }])
    return writer.value
  }

  return { identity, writer, save, requireWriter }
})
