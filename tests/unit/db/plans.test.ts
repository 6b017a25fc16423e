import { describe, expect, it } from 'vitest'
import { BatchError, getExample, planContents, readAll } from '@/db'
import { copyPlanTo, loadExample, removeExample, removeSection } from '@/db/plans'
import { buildExample, EXAMPLE_DEFAULT_AS_OF } from '@/domain'
import { activity, freshStorage, plan, storageWithStudy, studyCommitment, writerAt } from './helpers'

async function counts(storage: ReturnType<typeof freshStorage>) {
  const data = await readAll(storage.db)
  return Object.fromEntries(Object.entries(data).map(([table, rows]) => [table, rows.filter((r) => r.deletedAt === null).length]))
}

describe('batches', () => {
  it('write many rows in one transaction, and undo them as one', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    const batch = await storage.write(
      { writes: [{ table: 'plans', row: plan() }, { table: 'commitments', row: studyCommitment() }, { table: 'entries', row: activity('e1', '2025-03-12', 2) }] },
      writer,
    )
    expect(await counts(storage)).toMatchObject({ plans: 1, commitments: 1, entries: 1 })
    const audit = await storage.db.audit.where('batch').equals(batch).toArray()
    expect(audit.map((r) => [r.table, r.action]).sort()).toEqual([['commitments', 'create'], ['entries', 'create'], ['plans', 'create']])
    writer.tick()
    await storage.undo(batch, writer)
    expect(await counts(storage)).toMatchObject({ plans: 0, commitments: 0, entries: 0 })
  })

  it('validate every row first: one bad row writes nothing and says which', async () => {
    const storage = await storageWithStudy()
    const before = await readAll(storage.db)
    const bad = storage.write(
      { writes: [{ table: 'entries', row: activity('ok', '2025-03-12', 1) }, { table: 'entries', row: activity('bad', '2025-03-12', -1) }] },
      writerAt('王芳'),
    )
    await expect(bad).rejects.toBeInstanceOf(BatchError)
    await expect(bad).rejects.toMatchObject({ failures: [{ index: 1, issues: [{ path: 'quantity', code: 'negative' }] }] })
    expect(await readAll(storage.db)).toEqual(before)
  })

  it('refuse an entry dated after today', async () => {
    const storage = freshStorage()
    await expect(storage.entries.save(activity('future', '2099-01-01', 1), writerAt('王芳'))).rejects.toMatchObject({ issues: [{ path: 'date', code: 'dateInFuture' }] })
  })

  it('stamp the day an entry was logged, and keep it when the entry is edited', async () => {
    const storage = await storageWithStudy()
    const { loggedOn: _ignored, ...fresh } = activity('e1', '2025-03-12', 1)
    // A row without the day logged (as an older caller would send) gets today's.
    const saved = await storage.entries.save(fresh as ReturnType<typeof activity>, writerAt('王芳'))
    expect(saved.loggedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(saved.loggedOn > '2025-03-12').toBe(true)
    const edited = await storage.entries.save({ ...activity('e1', '2025-03-12', 3), loggedOn: '2025-03-12' }, writerAt('王芳'))
    expect(edited.loggedOn).toBe('2025-03-12')
  })
})

describe('plan operations', () => {
  it('remove a section with its sub-sections, commitments and entries; an entry shared with a kept commitment stays', async () => {
    const storage = freshStorage()
    const w = writerAt('王芳')
    await storage.write(
      {
        writes: [
          { table: 'plans', row: plan() },
          { table: 'sections', row: { id: 'top', planId: 'plan-2025', parentId: null, title: '固法治根本', order: 0 } },
          { table: 'sections', row: { id: 'sub', planId: 'plan-2025', parentId: 'top', title: '思维重塑铸魂', order: 0 } },
          { table: 'sections', row: { id: 'other', planId: 'plan-2025', parentId: null, title: '优法治服务', order: 1 } },
          { table: 'commitments', row: studyCommitment({ id: 'in', sectionId: 'sub' }) },
          { table: 'commitments', row: studyCommitment({ id: 'out', sectionId: 'other' }) },
          { table: 'entries', row: { ...activity('only-in', '2025-03-12', 1), commitmentIds: ['in'] } },
          { table: 'entries', row: { ...activity('shared', '2025-03-12', 1), commitmentIds: ['in', 'out'] } },
        ],
      },
      w,
    )
    const section = (await storage.sections.get('top'))!
    const batch = await removeSection(storage, section, w)
    const contents = await planContents(storage.db, 'plan-2025')
    expect(contents.sections.map((s) => s.id)).toEqual(['other'])
    expect(contents.commitments.map((c) => c.id)).toEqual(['out'])
    expect(contents.entries.map((e) => [e.id, e.commitmentIds])).toEqual([['shared', ['out']]])
    await storage.undo(batch, w)
    const restored = await planContents(storage.db, 'plan-2025')
    expect(restored.sections).toHaveLength(3)
    expect(restored.entries.find((e) => e.id === 'shared')!.commitmentIds).toEqual(['in', 'out'])
  })

  it('copy a plan to next year: structure and targets, no entries', async () => {
    const storage = freshStorage()
    const w = writerAt('王芳')
    await loadExample(storage, EXAMPLE_DEFAULT_AS_OF, w)
    const example = (await getExample(storage.db))!
    const copyId = await copyPlanTo(storage, example.planId, { start: '2026-01-01', end: '2026-12-31' }, w)
    const copy = await planContents(storage.db, copyId)
    expect((await storage.plans.get(copyId))!.name).toBe('2026年工作谋划')
    expect(copy.sections).toHaveLength(12)
    expect(copy.commitments).toHaveLength(16)
    expect(copy.entries).toHaveLength(0)
  })
})

describe('the example', () => {
  it('loads in one step, using departments and people already listed by name', async () => {
    const storage = freshStorage()
    const w = writerAt('王芳')
    await storage.departments.save({ id: 'mine', name: '办公室' }, w)
    await loadExample(storage, EXAMPLE_DEFAULT_AS_OF, w)
    const departments = await storage.departments.list()
    expect(departments.filter((d) => d.name === '办公室').map((d) => d.id)).toEqual(['mine'])
    const expected = buildExample(EXAMPLE_DEFAULT_AS_OF, () => 'x')
    expect(await counts(storage)).toMatchObject({ plans: 1, sections: 12, commitments: 16, entries: expected.entries.length, departments: 6, people: 8 })
  })

  it('is removed in one step, keeping what the user had and what other plans use', async () => {
    const storage = freshStorage()
    const w = writerAt('王芳')
    await storage.departments.save({ id: 'mine', name: '办公室' }, w)
    await loadExample(storage, EXAMPLE_DEFAULT_AS_OF, w)
    const lawDept = (await storage.departments.list()).find((d) => d.name === '法治研究科')!
    await storage.write({ writes: [{ table: 'plans', row: plan({ id: 'own' }) }, { table: 'commitments', row: studyCommitment({ id: 'own-c', planId: 'own', leadDepartmentId: lawDept.id }) }] }, w)
    await removeExample(storage, w)
    expect(await getExample(storage.db)).toBeNull()
    expect(await counts(storage)).toMatchObject({ plans: 1, sections: 0, commitments: 1, entries: 0, people: 0 })
    expect((await storage.departments.list()).map((d) => d.name).sort()).toEqual(['办公室', '法治研究科'].sort())
  })
})
