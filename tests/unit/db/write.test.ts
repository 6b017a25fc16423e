import { describe, expect, it } from 'vitest'
import { getExample, StorageError } from '@/db'
import { loadExample, removeExample } from '@/db/plans'
import { EXAMPLE_DEFAULT_AS_OF, freezeFigures } from '@/domain'
import { activity, freshStorage, plan, q3Review, studyCommitment, writerAt } from './helpers'

const review = q3Review

async function withPlan() {
  const storage = freshStorage()
  const writer = writerAt('王芳')
  await storage.write({ writes: [{ table: 'plans', row: plan() }, { table: 'commitments', row: studyCommitment() }] }, writer)
  return { storage, writer }
}

describe('the one write path', () => {
  it('checks a row in the transaction that writes it: a review frozen meanwhile refuses a stale save', async () => {
    const { storage, writer } = await withPlan()
    await storage.write({ writes: [{ table: 'reviews', row: review() }] }, writer)
    const frozen = freezeFigures({ plan: plan(), sections: [], commitments: [], departments: [], people: [], evaluations: new Map() }, '2025-10-10T02:00:00.000Z', '2025-09-30')
    // Two tabs: one freezes, the other saves a note on the review as it read it (unfrozen), at the same time.
    const [freeze, stale] = await Promise.allSettled([
      storage.write({ writes: [{ table: 'reviews', row: review({ snapshot: frozen }) }] }, writer),
      storage.write({ writes: [{ table: 'reviews', row: review({ decisions: '加强督办' }) }] }, writer),
    ])
    expect(freeze.status).toBe('fulfilled')
    expect(stale).toMatchObject({ status: 'rejected', reason: { code: 'invalid', issues: [{ path: 'snapshot', code: 'reviewFrozen' }] } })
    expect((await storage.reviews.get('r-q3'))?.snapshot).toEqual(frozen)
  })

  it('refuses an entry for a commitment deleted meanwhile (another tab), and stores nothing', async () => {
    const { storage, writer } = await withPlan()
    await storage.commitments.remove('study', writer)
    const error = await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }] }, writer).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid', issues: [{ path: 'commitmentIds', code: 'commitmentGone' }] })
    expect(await storage.db.entries.count()).toBe(0)
    expect(await storage.db.totals.count()).toBe(0)
  })

  it.each([
    ['one never stored', () => ({ writes: [{ table: 'entries' as const, row: { ...activity('e1', '2025-03-12', 1), commitmentIds: ['study', 'nowhere'] } }] }), false],
    ['one removed in the same batch', () => ({ writes: [{ table: 'entries' as const, row: activity('e1', '2025-03-12', 1) }], removals: [{ table: 'commitments' as const, id: 'study' }] }), false],
    ['one written in the same batch', () => ({ writes: [{ table: 'commitments' as const, row: studyCommitment({ id: 'new' }) }, { table: 'entries' as const, row: { ...activity('e1', '2025-03-12', 1), commitmentIds: ['new'] } }] }), true],
  ])('judges an entry for %s by what the batch leaves live', async (_, change, stored) => {
    const { storage, writer } = await withPlan()
    const result = await storage.write(change(), writer).then(
      () => 'stored',
      (e: unknown) => e,
    )
    if (stored) expect(result).toBe('stored')
    else expect(result).toMatchObject({ issues: [{ path: 'commitmentIds', code: 'commitmentGone' }] })
    expect(await storage.db.entries.count()).toBe(stored ? 1 : 0)
  })

  it('refuses 2.5次 in the write path too (an import or another caller, not only the form), and stores nothing', async () => {
    const { storage, writer } = await withPlan()
    const error = await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 2.5) }] }, writer).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid', issues: [{ path: 'quantity', code: 'notWhole' }] })
    expect(await storage.db.entries.count()).toBe(0)
  })

  it('judges "after today" by the writer’s clock, not the machine’s', async () => {
    const { storage } = await withPlan()
    const early = writerAt('王芳', '2025-03-01T08:00:00.000Z')
    const error = await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }] }, early).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ issues: [{ path: 'date', code: 'dateInFuture' }] })
    // 2025-03-12 08:30 in China is still 2025-03-12 00:30 UTC: the China day decides.
    await expect(storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }] }, writerAt('王芳', '2025-03-12T00:30:00.000Z'))).resolves.toBeTypeOf('string')
  })

  it('audits a row written twice in one batch in order, and undo takes both writes back', async () => {
    const { storage, writer } = await withPlan()
    await storage.write({ writes: [{ table: 'entries', row: activity('e0', '2025-03-01', 1) }] }, writer)
    writer.tick()
    const batch = await storage.write(
      { writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 3) }, { table: 'entries', row: activity('e0', '2025-03-02', 4) }, { table: 'entries', row: activity('e1', '2025-03-12', 5) }] },
      writer,
    )
    const audit = (await storage.db.audit.where('batch').equals(batch).toArray()).sort((a, b) => a.id.localeCompare(b.id))
    expect(audit.map((r) => [r.rowId, r.action, (r.before as { quantity?: number } | null)?.quantity ?? null, (r.after as { quantity: number }).quantity])).toEqual([
      ['e1', 'create', null, 3],
      ['e0', 'update', 1, 4],
      ['e1', 'update', 3, 5],
    ])
    expect((await storage.db.totals.get('study'))?.quantity.reduce((a, b) => a + b, 0)).toBe(9)
    writer.tick()
    await storage.undo(batch, writer)
    expect((await storage.entries.get('e1'))).toBeUndefined()
    expect((await storage.entries.get('e0'))).toMatchObject({ date: '2025-03-01', quantity: 1 })
    expect((await storage.db.totals.get('study'))?.quantity.reduce((a, b) => a + b, 0)).toBe(1)
  })

  it('undoes a batch of many entries rebuilding each commitment’s day totals once', async () => {
    const { storage, writer } = await withPlan()
    const writes = Array.from({ length: 60 }, (_, i) => ({ table: 'entries' as const, row: activity(`e${i}`, `2025-03-${String((i % 28) + 1).padStart(2, '0')}`, 1) }))
    const batch = await storage.write({ writes }, writer)
    let totalsWrites = 0
    const count = () => void totalsWrites++
    storage.db.totals.hook('creating', count)
    storage.db.totals.hook('updating', count)
    writer.tick()
    await storage.undo(batch, writer)
    expect(totalsWrites).toBe(1)
    expect(await storage.db.totals.get('study')).toMatchObject({ days: [] })
    expect(await storage.entries.list()).toEqual([])
  })

  it('removes the example with its record in one batch, so undo brings it back as the example', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    await loadExample(storage, EXAMPLE_DEFAULT_AS_OF, writer)
    const example = await getExample(storage.db)
    writer.tick()
    const batch = await removeExample(storage, writer)
    expect(await getExample(storage.db)).toBeNull()
    writer.tick()
    await storage.undo(batch, writer)
    expect(await getExample(storage.db)).toEqual(example)
    expect(await storage.plans.get(example!.planId)).toBeDefined()
  })

  it('refuses to remove an example that is not there, and writes nothing', async () => {
    const storage = freshStorage()
    await expect(removeExample(storage, writerAt('王芳'))).rejects.toMatchObject({ code: 'notFound' })
    expect(await storage.db.audit.count()).toBe(0)
  })

  it('rolls back the whole batch when its change cannot be worked out', async () => {
    const { storage, writer } = await withPlan()
    const before = await storage.db.audit.count()
    await expect(
      storage.write(async () => {
        throw new StorageError('notFound')
      }, writer),
    ).rejects.toMatchObject({ code: 'notFound' })
    expect(await storage.db.audit.count()).toBe(before)
  })
})
