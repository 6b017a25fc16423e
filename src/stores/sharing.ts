import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import * as v from 'valibot'
import { forgetThisDevice, identityChange, type AttachmentRecord, StorageError, queueEveryRow, readSharingCounts, readSharingSetting, SHARING_KEY, type SharingCounts } from '@/db'
import { useLiveQuery } from '@/composables/use-live-query'
import { taskRefusal } from '@/domain'
import type { Account } from '@/sharing/session'
import type { Sharing, SharingTarget, SyncStatus } from '@/sharing/replicator'
import { useStorageStore } from './storage'

const settingSchema = v.object({
  base: v.string(),
  database: v.string(),
  account: v.object({ name: v.string(), role: v.nullable(v.picklist(['keeper', 'staff', 'leader'])), department: v.string() }),
})
export type SharingSetting = v.InferOutput<typeof settingSchema>

const NO_COUNTS: SharingCounts = { pending: 0, refused: 0, conflicts: 0, everyRow: false }
const LOCK = 'pace-sharing'

/**
 * Sharing the dataset through a hub (#16): the account this device is signed in as, the replication's state and
 * what waits to be sent. PouchDB and the replicator load only once sharing is switched on. One tab of the browser
 * replicates (a Web Lock); the others see the same counts through the store.
 */
export const useSharingStore = defineStore('sharing', () => {
  const { storage } = useStorageStore()
  const { data: setting } = useLiveQuery<SharingSetting | null | undefined>(async () => {
    const parsed = v.safeParse(settingSchema, await readSharingSetting(storage.db))
    return parsed.success ? parsed.output : null
  }, undefined)
  const { data: counts } = useLiveQuery(() => readSharingCounts(storage.db), NO_COUNTS)
  const status = shallowRef<SyncStatus | null>(null)
  /** Another tab of this browser holds the replication. */
  const elsewhere = shallowRef(false)
  const failure = shallowRef<unknown>(null)
  let running: Sharing | null = null
  let release: (() => void) | null = null

  const target = (s: SharingSetting): SharingTarget => ({ base: s.base, database: s.database, account: s.account.name })

  async function run(s: SharingSetting) {
    if (running || release) return
    const { startSharing } = await import('@/sharing/replicator')
    const start = async () => {
      elsewhere.value = false
      running = await startSharing(storage.db, target(s), (next) => (status.value = next), (error) => (failure.value = error))
    }
    const locks = globalThis.navigator?.locks
    if (!locks) return start()
    await new Promise<void>((resolve) => {
      void locks.request(LOCK, { ifAvailable: true }, async (lock) => {
        if (!lock) {
          elsewhere.value = true
          resolve()
          // Wait for the tab that holds it to close, then take over.
          return locks.request(LOCK, async () => {
            await start()
            await new Promise<void>((done) => (release = done))
          })
        }
        await start()
        resolve()
        await new Promise<void>((done) => (release = done))
      })
    })
  }

  async function stop() {
    const current = running
    running = null
    await current?.stop()
    release?.()
    release = null
    status.value = null
  }

  /** On start-up: carries on sharing if this device is signed in and its session is still valid. */
  async function resume() {
    const s = setting.value ?? (await readSharingSetting(storage.db).then((value) => (v.safeParse(settingSchema, value).success ? (value as SharingSetting) : null)))
    if (!s) return
    const { currentAccount } = await import('@/sharing/session')
    try {
      const account = await currentAccount(s.base)
      if (!account || account.name !== s.account.name) {
        status.value = { state: 'signedOut', progress: null, lastSyncedAt: null }
        return
      }
    } catch {
      // The hub is unreachable: replicate anyway (offline), the replicator retries.
    }
    await run(s)
  }

  /**
   * Signs in and starts sharing: a new device first pulls the dataset; whatever this browser held before is sent,
   * without duplicating what the hub has; and the account becomes this browser's identity (its writes are
   * stamped with it), as the person of that name in the office's directory.
   */
  async function signIn(base: string, database: string, name: string, password: string): Promise<Account> {
    const { signIn: open } = await import('@/sharing/session')
    const account = await open(base, name, password)
    const value: SharingSetting = { base, database, account }
    const writer = { actor: account.name, role: account.role }
    await storage.write({ settings: [{ key: SHARING_KEY, value }] }, writer)
    await queueEveryRow(storage.db, new Date().toISOString())
    await run(value)
    // After the first pull, so that the account finds itself in the office's directory rather than adding itself.
    await storage.write(identityChange({ name: account.name, department: account.department }, taskRefusal(account, 'directory') === null), writer)
    return account
  }

  /**
   * Signs out. `forget` also empties this device (its store and its replica), for a device the next person uses:
   * refused while changes are still waiting for the hub.
   */
  async function signOut(forget: boolean) {
    const s = setting.value
    if (!s) return
    if (forget && counts.value.pending > 0) {
      throw new StorageError('unsent')
    }
    await stop()
    const { signOut: close } = await import('@/sharing/session')
    await close(s.base).catch(() => undefined)
    if (forget) {
      const { destroyReplica } = await import('@/sharing/replicator')
      await forgetThisDevice(storage.db)
      await destroyReplica(target(s))
    } else {
      await storage.write({ settings: [{ key: SHARING_KEY, value: null }] }, { actor: s.account.name })
    }
  }

  const syncNow = () => running?.syncNow()
  const account = computed(() => setting.value?.account ?? null)

  /**
   * An evidence file of the shared dataset that this device holds only the row (and thumbnail) of: fetched from the
   * hub, checked and kept here. Throws a FetchFileError saying why not.
   */
  async function fetchFile(attachment: AttachmentRecord): Promise<Blob> {
    const { fetchEvidenceFile, FetchFileError } = await import('@/sharing/files')
    const s = setting.value
    if (!s) throw new FetchFileError('signedOut')
    return fetchEvidenceFile(storage.db, s, attachment)
  }

  return { setting, account, counts, status, elsewhere, failure, resume, signIn, signOut, syncNow, stop, fetchFile }
})
