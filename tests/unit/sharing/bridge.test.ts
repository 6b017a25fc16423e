import PouchDB from 'pouchdb-core'
import memory from 'pouchdb-adapter-memory'
import replication from 'pouchdb-replication'
import { describe, expect, it } from 'vitest'
import { queueEveryRow, readAll, readSharingCounts, readTotals } from '@/db'
import { pull, send, type Replica } from '@/sharing/bridge'
import { activity, freshStorage, plan, storageWithStudy, studyCommitment, writerAt } from '../db/helpers'

PouchDB.plugin(memory).plugin(replication)

let counter = 0
const replica = () => new PouchDB<Record<string, unknown>>(`replica-${++counter}`, { adapter: 'memory' }) as Replica

/** One device: its store, its replica, and the account it sends as. */
async function device(account: string, withStudy = true) {
  const storage = withStudy ? await storageWithStudy() : freshStorage()
  const local = replica()
  return {
    storage,
    local,
    writer: writerAt(account),
    /** Moves the outbox into the replica and the replica's changes into the store, as the app does after each. */
    step: async () => {
      await send(storage.db, local, account)
      return pull(storage.db, local)
    },
  }
}

/** What PouchDB's replicator does when the device is online: both ways until nothing is left. */
const syncWith = async (hub: Replica, ...devices: { local: Replica }[]) => {
  for (const d of devices) await PouchDB.sync(d.local, hub)
}

const rows = async (d: { storage: { db: Parameters<typeof readAll>[0] } }) => {
  const data = await readAll(d.storage.db)
  return { commitments: data.commitments, entries: data.entries, plans: data.plans }
}

describe('the bridge between the store and the replica', () => {
  it('brings an entry logged on one device to another, with its day totals, once', async () => {
    const hub = replica()
    const phone = await device('张三')
    const desk = await device('李四', false)
    await phone.step()
    await phone.storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 2) }] }, phone.writer)
    await phone.step()
    await syncWith(hub, phone)
    await syncWith(hub, desk)
    expect(await desk.step()).toBe(3)
    const entries = (await readAll(desk.storage.db)).entries
    expect(entries).toEqual([expect.objectContaining({ id: 'e1', quantity: 2, updatedBy: '张三' })])
    expect(await readTotals(desk.storage.db, ['study'])).toEqual(await readTotals(phone.storage.db, ['study']))
    expect((await readTotals(desk.storage.db, ['study'])).get('study')?.days).toHaveLength(1)
    expect(await desk.storage.db.outbox.count()).toBe(0)
    // The desk's own replica feed now also holds what it applied; pulling again changes nothing.
    expect(await desk.step()).toBe(0)
  })

  it('turns two offline edits of one commitment into the same result on both devices, the loser logged on both', async () => {
    const hub = replica()
    const a = await device('张三')
    await a.step()
    await syncWith(hub, a)
    const b = await device('李四', false)
    await syncWith(hub, b)
    await b.step()
    a.writer.tick()
    await a.storage.write({ writes: [{ table: 'commitments', row: studyCommitment({ title: '甲的标题' }) }] }, a.writer)
    b.writer.tick()
    b.writer.tick()
    await b.storage.write({ writes: [{ table: 'commitments', row: studyCommitment({ title: '乙的标题' }) }] }, b.writer)
    await a.step()
    await b.step()
    await syncWith(hub, a, b, a)
    await a.step()
    await b.step()
    const [onA, onB] = [await rows(a), await rows(b)]
    expect(onA.commitments).toEqual(onB.commitments)
    expect(onA.commitments[0]!.title).toBe('乙的标题')
    for (const d of [a, b]) {
      const log = await d.storage.db.conflicts.toArray()
      expect(log.map((c) => [c.rowKey, (c.row as { title: string }).title])).toEqual([['commitments:study', '甲的标题']])
      expect((await readSharingCounts(d.storage.db)).conflicts).toBe(1)
    }
  })

  it('never lets a pulled change overwrite a row changed here and not yet sent', async () => {
    const hub = replica()
    const a = await device('张三')
    await a.step()
    await syncWith(hub, a)
    const b = await device('李四', false)
    await syncWith(hub, b)
    await b.step()
    b.writer.tick()
    await b.storage.write({ writes: [{ table: 'commitments', row: studyCommitment({ title: '乙先改' }) }] }, b.writer)
    await b.step()
    await syncWith(hub, b)
    a.writer.tick()
    a.writer.tick()
    await a.storage.write({ writes: [{ table: 'commitments', row: studyCommitment({ title: '甲后改' }) }] }, a.writer)
    // The replicator brings b's change into a's replica before a's own change has left the store.
    await syncWith(hub, a)
    await pull(a.storage.db, a.local)
    expect((await rows(a)).commitments[0]!.title).toBe('甲后改')
    await a.step()
    await syncWith(hub, a, b)
    await b.step()
    expect((await rows(a)).commitments).toEqual((await rows(b)).commitments)
    expect((await rows(b)).commitments[0]!.title).toBe('甲后改')
    expect((await b.storage.db.conflicts.toArray()).map((c) => (c.row as { title: string }).title)).toEqual(['乙先改'])
  })

  it('changes nothing when the changes feed is replayed from the start, twice', async () => {
    const hub = replica()
    const a = await device('张三')
    await a.storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 2) }] }, a.writer)
    await a.step()
    await syncWith(hub, a)
    const b = await device('李四', false)
    await syncWith(hub, b)
    await b.step()
    const before = { data: await readAll(b.storage.db), audit: await b.storage.db.audit.count(), totals: await b.storage.db.totals.toArray() }
    for (let round = 0; round < 2; round++) {
      await b.storage.db.settings.delete('sharing.checkpoint')
      expect(await pull(b.storage.db, b.local)).toBe(0)
    }
    expect({ data: await readAll(b.storage.db), audit: await b.storage.db.audit.count(), totals: await b.storage.db.totals.toArray() }).toEqual(before)
  })

  it('uploads what a browser held before sharing without duplicates, when two hold the same rows', async () => {
    const hub = replica()
    const a = await device('张三')
    const b = await device('李四')
    a.writer.tick()
    await a.storage.write({ writes: [{ table: 'plans', row: plan({ name: '甲先改名' }) }] }, a.writer)
    for (const d of [a, b]) await queueEveryRow(d.storage.db, '2026-01-05T09:00:00.000Z')
    await a.step()
    await syncWith(hub, a)
    await b.step()
    await syncWith(hub, b, a)
    await a.step()
    await b.step()
    const docs = await hub.allDocs()
    expect(docs.rows.map((r) => r.id).sort()).toEqual(['commitments:study', 'plans:plan-2025'])
    expect((await rows(a)).plans).toEqual((await rows(b)).plans)
    expect((await rows(b)).plans[0]!.name).toBe('甲先改名')
    // The commitment was the same on both: not a conflict. The plan differed: the later name won, the other is logged.
    expect((await b.storage.db.conflicts.toArray()).map((c) => c.rowKey)).toEqual(['plans:plan-2025'])
    expect(await a.storage.db.outbox.filter((r) => r.key === '*').count()).toBe(0)
  })
})
