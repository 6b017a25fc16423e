import { describe, expect, it } from 'vitest'
import { mergeDepartments, mergePeople } from '@/db'
import { activity, freshStorage, plan, studyCommitment, writerAt } from './helpers'

async function seeded() {
  const storage = freshStorage()
  const writer = writerAt('王芳')
  await storage.departments.save({ id: 'office', name: '办公室' }, writer)
  await storage.departments.save({ id: 'office-dup', name: '办公室 ' }, writer)
  await storage.departments.save({ id: 'research', name: '调研科' }, writer)
  await storage.people.save({ id: 'wang', name: '王芳', departmentId: 'office-dup' }, writer)
  await storage.people.save({ id: 'wang-dup', name: '王 芳', departmentId: 'office' }, writer)
  await storage.plans.save(plan(), writer)
  await storage.commitments.save(studyCommitment({ leadDepartmentId: 'office-dup', coDepartmentIds: ['office', 'research'], ownerId: 'wang-dup' }), writer)
  await storage.entries.save({ ...activity('e1', '2025-03-12', 3), departmentId: 'office-dup', personId: 'wang-dup' }, writer)
  writer.tick()
  return { storage, writer }
}

describe('merging duplicates', () => {
  it('re-points every reference to the kept department and tombstones the duplicate', async () => {
    const { storage, writer } = await seeded()
    await mergeDepartments(storage, 'office-dup', 'office', writer)
    expect((await storage.departments.list()).map((d) => d.id).sort()).toEqual(['office', 'research'])
    expect(await storage.commitments.get('study')).toMatchObject({ leadDepartmentId: 'office', coDepartmentIds: ['research'], updatedAt: '2026-01-05T08:00:01.000Z' })
    expect(await storage.people.get('wang')).toMatchObject({ departmentId: 'office' })
    expect(await storage.entries.get('e1')).toMatchObject({ departmentId: 'office' })
    expect((await storage.commitments.history('study')).map((r) => r.action)).toEqual(['create', 'update'])
    expect((await storage.departments.history('office-dup')).map((r) => r.action)).toEqual(['create', 'delete'])
  })

  it('merges people the same way', async () => {
    const { storage, writer } = await seeded()
    await mergePeople(storage, 'wang-dup', 'wang', writer)
    expect(await storage.commitments.get('study')).toMatchObject({ ownerId: 'wang' })
    expect(await storage.entries.get('e1')).toMatchObject({ personId: 'wang' })
    expect(await storage.people.get('wang-dup')).toBeUndefined()
  })

  it('refuses to merge into itself or into what is gone, and changes nothing', async () => {
    const { storage, writer } = await seeded()
    await expect(mergeDepartments(storage, 'office', 'office', writer)).rejects.toMatchObject({ code: 'invalid' })
    await expect(mergeDepartments(storage, 'office-dup', 'nowhere', writer)).rejects.toMatchObject({ code: 'notFound' })
    expect(await storage.commitments.get('study')).toMatchObject({ leadDepartmentId: 'office-dup' })
    expect(await storage.departments.get('office-dup')).toBeDefined()
  })
})
