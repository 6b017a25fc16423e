import PouchDB from 'pouchdb-core'
import idb from 'pouchdb-adapter-idb'
import http from 'pouchdb-adapter-http'
import replication from 'pouchdb-replication'
import { confirmAtHub, observe, readSent, readSharingCounts, recordRefused, type PaceDatabase } from '@/db'
import { pull, send, type Replica } from './bridge'
import { FILES_END, FILES_START, PULLED } from './documents'

/**
 * One device's live share of the dataset: PouchDB's replicator keeps this device's replica (an IndexedDB
 * PouchDB) in step with the hub, both ways, retrying with back-off when the network is gone; the bridge moves
 * rows between the replica and the store. This module is loaded only when sharing is switched on.
 */

PouchDB.plugin(idb).plugin(http).plugin(replication)

export interface SharingTarget {
  /** The server's path on this origin, e.g. /db. */
  base: string
  database: string
  account: string
}

export type SyncState = 'firstPull' | 'active' | 'synced' | 'offline' | 'signedOut'

export interface SyncStatus {
  state: SyncState
  /** While a first pull runs: documents so far of the dataset's. */
  progress: { done: number; total: number } | null
  /** When the replica last had nothing left to send or receive. */
  lastSyncedAt: string | null
}

/** The replica's local name: one per server database and account, so a second account never reads the first's. */
export const replicaName = (target: SharingTarget) => `pace-${target.database}-${target.account}`

const remoteUrl = (target: SharingTarget) => `${globalThis.location.origin}${target.base}/${encodeURIComponent(target.database)}`

/** Runs `task` after whatever is running, and runs it once however often it is asked for meanwhile. */
function serial(task: () => Promise<void>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null
  let again = false
  const run = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        try {
          await task()
        } catch (error) {
          onError(error)
        }
      } while (again)
      running = null
    })()
    return running
  }
  return { run, idle: () => running ?? Promise.resolve() }
}

export interface Sharing {
  /** Sends and pulls now (after a save, or when the user asks). */
  syncNow(): Promise<void>
  stop(): Promise<void>
}

/**
 * Starts sharing. A new replica first pulls the whole dataset (with progress) before going live. `onStatus`
 * hears every change of state; `onFailure` a failure the user should see (a session expired: sign in again).
 */
export async function startSharing(
  db: PaceDatabase,
  target: SharingTarget,
  onStatus: (status: SyncStatus) => void,
  onFailure: (error: unknown) => void,
): Promise<Sharing> {
  const local = new PouchDB<Record<string, unknown>>(replicaName(target), { adapter: 'idb', auto_compaction: true }) as Replica
  const remote = new PouchDB<Record<string, unknown>>(remoteUrl(target), { adapter: 'http', skip_setup: true }) as Replica
  let status: SyncStatus = { state: 'active', progress: null, lastSyncedAt: null }
  const report = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change }
    onStatus(status)
  }
  const bridge = serial(async () => {
    await send(db, local, target.account)
    await pull(db, local)
  }, onFailure)

  if ((await local.info()).update_seq === 0) await firstPull(local, remote, report)
  await bridge.run()

  /** The hub did not answer the last request (it is down, or the network between): the status says offline. */
  let unreachable = false
  /** Asks the hub which sent revisions it has: those records are done (covers pushes of an earlier session). */
  const confirm = serial(
    async () => {
      const sent = await readSent(db)
      const byId: Record<string, string[]> = {}
      for (const { key, rev } of sent) byId[key] = [rev]
      const missing = sent.length > 0 ? await remote.revsDiff(byId) : {}
      if (sent.length === 0) await remote.info()
      unreachable = false
      await confirmAtHub(db, sent.filter(({ key, rev }) => !missing[key]?.missing?.includes(rev)))
    },
    () => (unreachable = true),
  )

  /** The live replication, both ways; started again at once when the device comes back online. */
  const live = () => {
    const sync = PouchDB.sync(local, remote, {
      live: true,
      retry: true,
      batch_size: 250,
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000)),
      // Evidence files stay at the hub until someone opens one (src/sharing/files.ts); their thumbnails come.
      pull: { selector: PULLED },
    })
    sync.on('change', (info) => {
      unreachable = false
      if (info.direction === 'push') void confirmAtHub(db, (info.change.docs as { _id: string; _rev: string }[]).map((d) => ({ key: d._id, rev: d._rev })))
      report({ state: 'active' })
    })
    // A retry starting is not yet the hub answering: while it is unreachable the status stays offline.
    sync.on('active', () => report({ state: unreachable ? 'offline' : 'active' }))
    const failed = () => {
      unreachable = true
      report({ state: 'offline' })
    }
    const { push, pull } = sync as unknown as Record<'push' | 'pull', { on(event: 'requestError', listener: () => void): void }>
    push.on('requestError', failed)
    pull.on('requestError', failed)
    sync.on('paused', (error?: unknown) => {
      if (error || unreachable || !globalThis.navigator.onLine) return report({ state: 'offline' })
      void confirm.run().then(() => report(unreachable ? { state: 'offline' } : { state: 'synced', lastSyncedAt: new Date().toISOString() }))
    })
    sync.on('denied', (event: unknown) => {
      // PouchDB.sync wraps the replication's error as { direction, doc }.
      const { id, reason, message } = ((event as { doc?: unknown } | undefined)?.doc ?? {}) as { id?: string; reason?: string; message?: string }
      // The replicator may push a row before the bridge has noted it as sent: note the refusal after that.
      if (id)
        void bridge
          .idle()
          .then(() => readSent(db))
          .then((sent) => {
            const record = sent.find((s) => s.key === id)
            if (record) return recordRefused(db, id, record.rev, reason ?? message ?? 'forbidden')
          })
    })
    sync.on('error', (error: unknown) => {
      const code = (error as { status?: number }).status
      report({ state: code === 401 || code === 403 ? 'signedOut' : 'offline' })
      onFailure(error)
    })
    return sync
  }
  let sync = live()
  const online = () => {
    sync.cancel()
    sync = live()
  }
  const offline = () => report({ state: 'offline' })
  globalThis.addEventListener?.('online', online)
  globalThis.addEventListener?.('offline', offline)

  // A change of the replica (pulled from the hub) goes to the store; a change of the outbox goes to the replica.
  const feed = local.changes({ live: true, since: 'now' }).on('change', () => void bridge.run())
  const outbox = observe(
    () => readSharingCounts(db),
    () => void bridge.run(),
    () => undefined,
  )

  return {
    syncNow: async () => {
      await bridge.run()
      await confirm.run()
      if (unreachable) report({ state: 'offline' })
      else if (status.state === 'offline') online()
    },
    stop: async () => {
      globalThis.removeEventListener?.('online', online)
      globalThis.removeEventListener?.('offline', offline)
      outbox.unsubscribe()
      feed.cancel()
      sync.cancel()
      await bridge.idle()
      await local.close()
    },
  }
}

/** A new replica pulls the whole dataset once before going live, telling how far it has got. */
async function firstPull(local: Replica, remote: Replica, report: (change: Partial<SyncStatus>) => void) {
  let total: number
  try {
    // The evidence files' documents stay at the hub: counted out by their ids (a range of the primary index).
    const [info, files] = await Promise.all([remote.info(), remote.allDocs({ startkey: FILES_START, endkey: FILES_END })])
    total = info.doc_count - files.rows.length
  } catch {
    return // offline: the live replication will bring it when the hub is reachable
  }
  report({ state: 'firstPull', progress: { done: 0, total } })
  await new Promise<void>((resolve) => {
    const replication = PouchDB.replicate(remote, local, { batch_size: 500, batches_limit: 4, selector: PULLED })
    replication.on('change', (info) => report({ progress: { done: Math.min(info.docs_read, total), total } }))
    replication.on('complete', () => resolve())
    replication.on('error', () => resolve())
  })
  report({ state: 'active', progress: null })
}

/** Removes this device's replica of the dataset (signing out and clearing this device). */
export async function destroyReplica(target: SharingTarget): Promise<void> {
  await new PouchDB(replicaName(target), { adapter: 'idb' }).destroy()
}
