import { defineStore } from 'pinia'
import { computed } from 'vue'
import { getIdentity, setIdentity, StorageError, type Identity, type Writer } from '@/db'
import { useLiveQuery } from '@/composables/use-live-query'
import { useStorageStore } from './storage'

/** Who is using this browser. Undefined while loading, null on first run. */
export const useIdentityStore = defineStore('identity', () => {
  const { storage } = useStorageStore()
  const { data: identity } = useLiveQuery<Identity | null | undefined>(() => getIdentity(storage.db), undefined)
  const writer = computed<Writer | null>(() => (identity.value ? { actor: identity.value.name } : null))

  /**
   * Names the user. A department typed for the first time joins the department list, and the user joins the
   * people list (unless someone of that name is there), so commitments can be assigned to them and "my
   * commitments" finds them.
   */
  async function save(name: string, departmentName: string) {
    const trimmed = departmentName.trim()
    const actor = { actor: name.trim() }
    let departmentId: string | null = null
    if (trimmed) {
      const existing = (await storage.departments.list()).find((d) => d.name === trimmed)
      departmentId = existing?.id ?? (await storage.departments.save({ name: trimmed }, actor)).id
    }
    const identity = await setIdentity(storage.db, { name, departmentId })
    if (!(await storage.people.list()).some((p) => p.name === identity.name)) {
      await storage.people.save({ name: identity.name, departmentId }, actor)
    }
  }

  /** The writer for a storage call; before the user has named themself, storage refuses with an 'invalid' error. */
  function requireWriter(): Writer {
    if (!writer.value) throw new StorageError('invalid', [{ path: 'identity', code: 'required' }])
    return writer.value
  }

  return { identity, writer, save, requireWriter }
})
