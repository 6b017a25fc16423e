import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createDatabase, openDatabase, readAll, readTotals, type BackupData, type PaceStorage } from '@/db'
import { removeCommitments } from '@/db/plans'
import { dayTotals, type Id } from '@/domain'
import { activity, freshStorage, plan, studyCommitment, writerAt } from './helpers'

/** The stored totals of every commitment must equal those computed afresh from the live entries. */
async function expectTotalsCurrent(storage: PaceStorage, ids: Id[] = ['study', 'other']) {
  const live = (await storage.db.entries.toArray()).filter((e) => e.deletedAt === null)
  const fresh = dayTotals(live)
  const stored = await readTotals(storage.db, ids)
  for (const id of ids) {
    const expected = fresh.get(id)
    const row = stored.get(id)
    expect({ id, days: row?.days ?? [], quantity: row?.quantity ?? [] }).toEqual({ id, days: expected?.days ?? [], quantity: expected?.quantity ?? [] })
    if (expected) expect(row).toMatchObject(expected)
  }
}

async function seeded() {
  const storage = freshStorage()
  const writer = writerAt('王芳')
  await storage.write({ writes: [{ table: 'plans', row: plan() }, { table: 'commitments', row: studyCommitment() }, { table: 'commitments', row: studyCommitment({ id: 'other', order: 1 }) }] }, writer)
  return { storage, writer }
}

describe('day totals in storage', () => {
  it('follow single saves, edits, removals and undo', async () => {
    const { storage, writer } = await seeded()
    await storage.entries.save(activity('e1', '2025-03-12', 2), writer)
    await storage.entries.save(activity('e2', '2025-03-12', 1), writer)
    await expectTotalsCurrent(storage)
    expect((await readTotals(storage.db, ['study'])).get('study')).toMatchObject({ quantity: [3], quantityEntries: [2] })
    // Moving an entry to another commitment and another day updates both commitments.
    await storage.entries.save({ ...activity('e2', '2025-04-01', 5), commitmentIds: ['other'] }, writer)
    await expectTotalsCurrent(storage)
    await storage.entries.remove('e1', writer)
    await expectTotalsCurrent(storage)
    const [removal] = (await storage.entries.history('e1')).slice(-1)
    await storage.undo(removal!.batch!, writer)
    await expectTotalsCurrent(storage)
    expect((await readTotals(storage.db, ['study'])).get('study')).toMatchObject({ quantity: [2] })
  })

  it('follow batches, their undo, and cascading removes', async () => {
    const { storage, writer } = await seeded()
    const batch = await storage.write({ writes: [activity('a', '2025-02-01', 1), activity('b', '2025-02-01', 4), { ...activity('c', '2025-05-01', 2), commitmentIds: ['study', 'other'] }].map((row) => ({ table: 'entries' as const, row })) }, writer)
    await expectTotalsCurrent(storage)
    await storage.undo(batch, writer)
    await expectTotalsCurrent(storage)
    expect((await readTotals(storage.db, ['study'])).get('study')?.days).toEqual([])
    await storage.write({ writes: [{ table: 'entries', row: { ...activity('d', '2025-05-01', 2), commitmentIds: ['study', 'other'] } }] }, writer)
    await removeCommitments(storage, [(await storage.commitments.get('other'))!], writer)
    await expectTotalsCurrent(storage)
  })

  it('are rebuilt by a backup import, in either mode', async () => {
    const { storage, writer } = await seeded()
    await storage.entries.save(activity('e1', '2025-03-12', 2), writer)
    const data = await readAll(storage.db)
    const target = freshStorage()
    const { importData } = await import('@/db')
    await importData(target.db, data, 'replace', writer)
    await expectTotalsCurrent(target)
    expect((await readTotals(target.db, ['study'])).get('study')).toMatchObject({ quantity: [2] })
    await storage.entries.save(activity('e2', '2025-06-12', 7), writer)
    await importData(target.db, await readAll(storage.db), 'merge', writer)
    await expectTotalsCurrent(target)
  })

  it('are built from the entries when a v1 database is upgraded', async () => {
    const raw = JSON.parse(readFileSync('tests/fixtures/db-v1.json', 'utf8')) as { data: BackupData }
    const name = `pace-v1-totals-${Date.now()}`
    const { SCHEMA_VERSIONS } = await import('@/db')
    const v1 = createDatabase(name, SCHEMA_VERSIONS.slice(0, 1))
    await v1.open()
    await v1.transaction('rw', v1.tables, async () => {
      for (const [table, rows] of Object.entries(raw.data)) await v1.table(table).bulkAdd(rows)
    })
    v1.close()
    const current = await openDatabase(createDatabase(name))
    const ids = [...new Set(raw.data.entries.flatMap((e) => e.commitmentIds))]
    expect(ids.length).toBeGreaterThan(0)
    const stored = await readTotals(current, ids)
    const fresh = dayTotals(raw.data.entries.filter((e) => e.deletedAt === null))
    for (const id of ids) expect(stored.get(id)?.days ?? []).toEqual(fresh.get(id)?.days ?? [])
    current.close()
  })

  it('stay equal to totals summed afresh through any sequence of saves, edits, moves, removals and undos', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), id: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 4 }), quantity: fc.integer({ min: 1, max: 5 }), both: fc.boolean() }),
      fc.record({ kind: fc.constant('measure' as const), id: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 4 }), value: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('undo' as const) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { storage, writer } = await seeded()
        const batches: string[] = []
        for (const o of ops) {
          writer.tick()
          if (o.kind === 'undo') {
            const last = batches.pop()
            if (last) await storage.undo(last, writer)
            continue
          }
          const id = `e${o.id}`
          if (o.kind === 'remove') {
            if (await storage.entries.get(id)) batches.push(await storage.write({ removals: [{ table: 'entries', id }] }, writer))
            continue
          }
          const date = `2025-03-0${o.day}`
          const row =
            o.kind === 'save'
              ? { ...activity(id, date, o.quantity), commitmentIds: o.both ? ['study', 'other'] : ['study'] }
              : { ...activity(id, date, 1), type: 'measurement' as const, value: o.value, denominator: null, quantity: undefined, commitmentIds: ['other'] }
          batches.push(await storage.write({ writes: [{ table: 'entries', row }] }, writer))
        }
        await expectTotalsCurrent(storage)
      }),
      { numRuns: 40 },
    )
  })
})
