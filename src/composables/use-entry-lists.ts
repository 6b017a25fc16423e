import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import { entriesOf, recentEntries, type EntryAuthorKey, type EntryRecord } from '@/db'
import type { Id } from '@/domain'
import { useStorageStore } from '@/stores/storage'
import { useLiveQuery } from './use-live-query'

/**
 * One commitment's live entries, latest dated first, read from the entries' commitment index (none while `id` is
 * empty): a commitment's own, never the plan's. `shown` is the first `page` of them, `more()` adds a page.
 */
export function useCommitmentEntries(id: MaybeRefOrGetter<Id | null | undefined>, page = 30) {
  const { storage } = useStorageStore()
  const { data } = useLiveQuery<EntryRecord[]>(
    async () => {
      const commitmentId = toValue(id)
      if (!commitmentId) return []
      const rows = await entriesOf(storage.db, [commitmentId])
      return rows.sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt))
    },
    [],
    { deps: () => toValue(id) },
  )
  const count = shallowRef(page)
  const shown = computed(() => data.value.slice(0, count.value))
  return { entries: data, shown, more: () => (count.value += page) }
}

/** The latest `limit` live entries of these commitments that `mine` logged, newest written first; live. */
export function useRecentEntries(commitmentIds: () => readonly Id[], mine: () => EntryAuthorKey | null, limit = 10) {
  const { storage } = useStorageStore()
  const key = computed(() => `${mine()?.personId ?? ''}|${mine()?.name ?? ''}|${commitmentIds().join(',')}`)
  const { data } = useLiveQuery<EntryRecord[]>(
    async () => {
      const me = mine()
      return me ? recentEntries(storage.db, commitmentIds(), me, limit) : []
    },
    [],
    { deps: key },
  )
  return data
}
