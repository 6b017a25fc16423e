import { describe, expect, it } from 'vitest'
import { identityChange, importData, readAll, StorageError, type Writer } from '@/db'
import { activity, q3Review, storageWithStudy, studyCommitment } from './helpers'

const staff: Writer = { actor: '张三', role: 'staff', now: () => new Date('2026-01-05T08:00:00.000Z') }
const leader: Writer = { actor: '李局长', role: 'leader', now: () => new Date('2026-01-05T08:00:00.000Z') }
const keeper: Writer = { actor: '王芳', role: 'keeper', now: () => new Date('2026-01-05T08:00:00.000Z') }

/** Runs a write that must be refused for the role, and says which refusal it was. */
async function refusal(write: () => Promise<unknown>): Promise<string | undefined> {
  const error = await write().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StorageError)
  expect((error as StorageError).code).toBe('forbidden')
  return (error as StorageError).issues[0]?.code
}

describe('the write path refuses what the signed-in role may not write, storing nothing', () => {
  it('staff: their own entries, nothing of the plan', async () => {
    const storage = await storageWithStudy()
    await storage.entries.save(activity('mine', '2025-03-12', 2), staff)
    await storage.entries.save({ ...activity('mine', '2025-03-12', 3), owner: '张三' }, staff)
    await storage.entries.save({ ...activity('theirs', '2025-03-13', 1), owner: '李四' }, keeper)
    const before = await readAll(storage.db)

    expect(await refusal(() => storage.commitments.save(studyCommitment({ title: '改' }), staff))).toBe('keeperOnly')
    expect(await refusal(() => storage.entries.save({ ...activity('theirs', '2025-03-13', 5), owner: '李四' }, staff))).toBe('ownEntriesOnly')
    expect(await refusal(() => storage.entries.remove('theirs', staff))).toBe('ownEntriesOnly')
    // One refused row refuses the whole batch.
    expect(
      await refusal(() =>
        storage.write({ writes: [{ table: 'entries', row: activity('new', '2025-03-14', 1) }, { table: 'departments', row: { id: 'd2', name: '综合科' } }] }, staff),
      ),
    ).toBe('keeperOnly')
    expect(await readAll(storage.db)).toEqual(before)

    await storage.entries.remove('mine', staff)
    expect((await storage.entries.get('mine'))?.deletedAt).not.toBeNull()
  })

  it('leaders: a review’s meeting record, nothing else', async () => {
    const storage = await storageWithStudy()
    await storage.reviews.save(q3Review(), keeper)
    await storage.reviews.save(q3Review({ decisions: '加快调研进度' }), leader)
    expect((await storage.reviews.get('r-q3'))?.decisions).toBe('加快调研进度')

    expect(await refusal(() => storage.reviews.save(q3Review({ title: '改名' }), leader))).toBe('meetingOnly')
    expect(await refusal(() => storage.reviews.remove('r-q3', leader))).toBe('meetingOnly')
    expect(await refusal(() => storage.reviews.save(q3Review({ id: 'r-q4' }), leader))).toBe('keeperOnly')
    expect(await refusal(() => storage.entries.save(activity('e1', '2025-03-12', 1), leader))).toBe('leadersRead')
  })

  it('an undo is a write like any other: staff cannot undo the keeper’s batch', async () => {
    const storage = await storageWithStudy()
    const batch = await storage.write({ writes: [{ table: 'departments', row: { id: 'd1', name: '办公室' } }] }, keeper)
    expect(await refusal(() => storage.undo(batch, staff))).toBe('keeperOnly')
    expect((await storage.departments.get('d1'))?.deletedAt).toBeNull()
  })

  it('a restore or merge is the keeper’s', async () => {
    const storage = await storageWithStudy()
    const data = await readAll(storage.db)
    expect(await refusal(() => importData(storage.db, data, 'merge', staff))).toBe('keeperOnly')
    expect(await refusal(() => importData(storage.db, data, 'replace', leader))).toBe('keeperOnly')
    await expect(importData(storage.db, data, 'merge', keeper)).resolves.toBeDefined()
  })

  it('signing in adds you to the people list, but only the keeper adds a department', async () => {
    const storage = await storageWithStudy()
    await storage.write(identityChange({ name: '张三', department: '法制科' }, false), staff)
    const { people, departments } = await readAll(storage.db)
    expect(people.map((p) => [p.name, p.departmentId])).toEqual([['张三', null]])
    expect(departments).toEqual([])
  })
})
