import { computed, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { attachmentsOf, commitmentEvidence, readFile, readTotals, type AttachmentRecord } from '@/db'
import { lackingEvidence, type DateWindow, type Id } from '@/domain'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import type { FetchFailure } from '@/sharing/files'
import { useSharingStore } from '@/stores/sharing'
import { useStorageStore } from '@/stores/storage'
import { useLiveQuery } from './use-live-query'

/** The live evidence of these (live) entries, kept current; by entry, in the order it was added. */
export function useEvidence(entryIds: () => readonly Id[]) {
  const { storage } = useStorageStore()
  const key = computed(() => entryIds().join(','))
  const { data } = useLiveQuery(() => attachmentsOf(storage.db, entryIds()), [] as AttachmentRecord[], { deps: key })
  const byEntry = computed(() => {
    const map = new Map<Id, AttachmentRecord[]>()
    for (const row of [...data.value].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id))) {
      const list = map.get(row.entryId)
      if (list) list.push(row)
      else map.set(row.entryId, [row])
    }
    return map
  })
  return { attachments: data, byEntry }
}

/**
 * The evidence of these commitments' entries dated inside a window (a review's period, or a plan up to today), by
 * commitment in date order, and the commitments that have entries there but no evidence (缺佐证); live. An entry
 * counting toward two commitments proves both. Reads evidence rows and day totals, never the whole entry table.
 */
export function useCommitmentEvidence(commitmentIds: () => readonly Id[], window: () => DateWindow | null) {
  const { storage } = useStorageStore()
  const key = computed(() => {
    const w = window()
    return w ? `${w.start}..${w.end}:${commitmentIds().join(',')}` : ''
  })
  const { data } = useLiveQuery(
    async () => {
      const ids = commitmentIds()
      const w = window()
      if (!w || ids.length === 0) return { byCommitment: new Map<Id, AttachmentRecord[]>(), lacking: new Set<Id>() }
      const [evidence, totals] = await Promise.all([commitmentEvidence(storage.db, ids, w), readTotals(storage.db, ids)])
      const wanted = new Set(ids)
      const byCommitment = new Map<Id, AttachmentRecord[]>()
      for (const { attachment, entry } of evidence) {
        for (const id of new Set(entry.commitmentIds)) {
          if (!wanted.has(id)) continue
          const list = byCommitment.get(id)
          if (list) list.push(attachment)
          else byCommitment.set(id, [attachment])
        }
      }
      return { byCommitment, lacking: lackingEvidence(ids, totals, new Set(byCommitment.keys()), w) }
    },
    { byCommitment: new Map<Id, AttachmentRecord[]>(), lacking: new Set<Id>() },
    { deps: key },
  )
  return {
    byCommitment: computed(() => data.value.byCommitment),
    lacking: computed(() => data.value.lacking),
  }
}

/**
 * `blob:` URLs of the stored evidence files of these attachments (the thumbnail, or the file itself), loaded as they
 * appear and revoked as they go and when the caller is disposed. `missing`: attachments this device holds no bytes
 * of at all (a shared dataset's document whose thumbnail has not come, or not an image); `loading` while the URLs
 * of a new list are read; `refresh(id)` reads one again (its file has just been fetched).
 */
export function useEvidenceUrls(attachments: Ref<readonly AttachmentRecord[]>, which: 'thumbnail' | 'file') {
  const { storage } = useStorageStore()
  const urls = shallowRef(new Map<Id, string>())
  const missing = shallowRef(new Set<Id>())
  const loading = shallowRef(false)
  let disposed = false
  const urlOf = async (id: Id) => {
    const record = await readFile(storage.db, id)
    const blob = record ? record[which] : null
    return { record, url: blob && !disposed ? URL.createObjectURL(blob) : null }
  }
  watch(
    () => attachments.value.map((a) => a.id).join(','),
    async () => {
      loading.value = true
      const wanted = new Set(attachments.value.map((a) => a.id))
      const next = new Map<Id, string>()
      for (const [id, url] of urls.value) {
        if (wanted.has(id)) next.set(id, url)
        else URL.revokeObjectURL(url)
      }
      const gone = new Set<Id>()
      await Promise.all(
        [...wanted].filter((id) => !next.has(id)).map(async (id) => {
          const { record, url } = await urlOf(id)
          if (url) next.set(id, url)
          else if (!record) gone.add(id)
        }),
      )
      if (disposed) return [...next.values()].forEach((url) => URL.revokeObjectURL(url))
      urls.value = next
      missing.value = gone
      loading.value = false
    },
    { immediate: true },
  )
  async function refresh(id: Id) {
    const { record, url } = await urlOf(id)
    if (disposed || !url) return
    const next = new Map(urls.value)
    const old = next.get(id)
    if (old) URL.revokeObjectURL(old)
    urls.value = next.set(id, url)
    if (record && missing.value.has(id)) missing.value = new Set([...missing.value].filter((m) => m !== id))
  }
  onScopeDispose(() => {
    disposed = true
    for (const url of urls.value.values()) URL.revokeObjectURL(url)
  })
  return { urls, missing, loading, refresh }
}

/**
 * An evidence file's bytes to open or download: this device's, else, in a shared dataset, fetched from the hub and
 * kept (src/sharing/files.ts). When it cannot be had, the user is told why, in their language, and null returned.
 * `fetching` names the attachments being fetched; `shared` says whether a file not here may be at the hub.
 */
export function useEvidenceFile() {
  const { storage } = useStorageStore()
  const sharing = useSharingStore()
  const { t } = useI18n()
  const fetching = shallowRef(new Set<Id>())
  const shared = computed(() => Boolean(sharing.setting))

  async function fileOf(attachment: AttachmentRecord): Promise<Blob | null> {
    const record = await readFile(storage.db, attachment.id)
    if (record?.file) return record.file
    if (!shared.value) {
      notice(t('evidence.notHere'))
      return null
    }
    fetching.value = new Set([...fetching.value, attachment.id])
    try {
      return await sharing.fetchFile(attachment)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      notice(t(`evidence.fetchFailed.${typeof code === 'string' && FAILURES.includes(code) ? code : 'offline'}`, { name: attachment.name }))
      return null
    } finally {
      fetching.value = new Set([...fetching.value].filter((id) => id !== attachment.id))
    }
  }
  return { fileOf, fetching, shared }
}

const FAILURES: readonly string[] = ['offline', 'notUploaded', 'signedOut', 'damaged'] satisfies FetchFailure[]

function notice(message: string) {
  ElMessage({ type: 'warning', message, showClose: true, duration: 6000 })
}
