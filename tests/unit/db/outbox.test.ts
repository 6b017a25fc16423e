import { describe, expect, it } from 'vitest'
import { identityChange, importData, readAll, type Writer } from '@/db'
import { activity, freshStorage, plan, storageWithStudy, studyCommitment, writerAt } from './helpers'

/** The outbox as keys, in key order. */
const outbox = async (storage: ReturnType<typeof freshStorage>) => (await storage.db.outbox.toArray()).map((r) => r.key)

describe('the outbox: what changed here and is not yet in the shared dataset', () => {
  it('records every row a write stores, in its transaction, one record per row however often it changes', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    await storage.write({ writes: [{ table: 'plans', row: plan() }, { table: 'commitments', row: studyCommitment() }] }, writer)
    expect(await outbox(storage)).toEqual(['commitments:study', 'plans:plan-2025'])
    writer.tick()
    await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }] }, writer)
    writer.tick()
    await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 2) }, { table: 'entries', row: activity('e1', '2025-03-12', 3) }] }, writer)
    const records = await storage.db.outbox.toArray()
    expect(records.filter((r) => r.rowId === 'e1')).toEqual([{ key: 'entries:e1', table: 'entries', rowId: 'e1', at: '2026-01-05T08:00:02.000Z', batch: expect.any(String) }])
  })

  it('records a removal (a tombstone replicates) and an undo, and not a local setting such as the identity', async () => {
    const storage = await storageWithStudy()
    await storage.db.outbox.clear()
    const writer = writerAt('王芳', '2026-01-06T08:00:00.000Z')
    await storage.write(identityChange({ name: '王芳', department: '' }), writer)
    expect(await outbox(storage)).toEqual(['people:' + (await storage.people.list())[0]!.id])
    await storage.db.outbox.clear()
    const batch = await storage.write({ writes: [{ table: 'entries', row: activity('e2', '2025-04-01', 1) }] }, writer)
    await storage.db.outbox.clear()
    await storage.undo(batch, writer)
    expect(await outbox(storage)).toEqual(['entries:e2'])
    await storage.db.outbox.clear()
    await storage.commitments.remove('study', writer)
    expect(await outbox(storage)).toEqual(['commitments:study'])
  })

  it('is left as it was when a write is refused, like everything else', async () => {
    const storage = await storageWithStudy()
    const before = await storage.db.outbox.toArray()
    await expect(storage.write({ writes: [{ table: 'entries', row: { ...activity('e3', '2025-02-30', 1) } }] }, writerAt('王芳'))).rejects.toMatchObject({ code: 'invalid' })
    expect(await storage.db.outbox.toArray()).toEqual(before)
  })

  it('after a restore or a merge, which write whole tables, holds one record for every row', async () => {
    const source = await storageWithStudy()
    const data = await readAll(source.db)
    for (const mode of ['replace', 'merge'] as const) {
      const storage = freshStorage()
      await importData(storage.db, data, mode, writerAt('王芳') as Writer)
      expect(await outbox(storage)).toEqual(['*'])
    }
  })
})
