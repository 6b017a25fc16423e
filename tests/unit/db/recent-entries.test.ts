import { describe, expect, it } from 'vitest'
import { RECENT_SCAN, recentEntries } from '@/db'
import { activity, storageWithStudy, writerAt } from './helpers'

/** "My recent entries" on the log screen, read from the person and writer indexes (#19). */
describe('my recent entries', () => {
  async function office() {
    const storage = await storageWithStudy()
    const log = async (writer: string, at: string, id: string, personId: string | null, commitmentIds = ['study']) =>
      storage.write({ writes: [{ table: 'entries', row: { ...activity(id, '2025-03-12', 1), personId, commitmentIds } }] }, writerAt(writer, at))
    await log('王芳', '2026-01-05T08:00:00.000Z', 'mine-1', null)
    await log('王芳', '2026-01-05T09:00:00.000Z', 'for-li', 'p-li') // 王芳 logged it for 李四: 李四's
    await log('李四', '2026-01-05T10:00:00.000Z', 'li-named-me', 'p-wang') // names 王芳's person: hers
    await log('王芳', '2026-01-05T11:00:00.000Z', 'mine-2', 'p-wang')
    await log('王芳', '2026-01-05T12:00:00.000Z', 'removed', null)
    await storage.write({ removals: [{ table: 'entries', id: 'removed' }] }, writerAt('王芳', '2026-01-05T12:30:00.000Z'))
    return storage
  }
  const wang = { personId: 'p-wang', name: '王芳' }

  it.each([
    { who: '王芳 with her person: by her person, and what she wrote naming no one; not what she logged for 李四, not removed', mine: wang, limit: 10, ids: ['mine-2', 'li-named-me', 'mine-1'] },
    { who: 'the newest first, up to the limit', mine: wang, limit: 2, ids: ['mine-2', 'li-named-me'] },
    { who: '王芳 without a person: only what she wrote naming no one', mine: { personId: null, name: '王芳' }, limit: 10, ids: ['mine-1'] },
    { who: '李四 by his person', mine: { personId: 'p-li', name: '李四' }, limit: 10, ids: ['for-li'] },
    { who: 'someone who logged nothing', mine: { personId: 'p-zhao', name: '赵六' }, limit: 10, ids: [] },
  ])('$who', async ({ mine, limit, ids }) => {
    const storage = await office()
    expect((await recentEntries(storage.db, ['study'], mine, limit)).map((e) => e.id)).toEqual(ids)
  })

  it('counts only the entries of the commitments asked for', async () => {
    const storage = await office()
    expect(await recentEntries(storage.db, ['another'], wang, 10)).toEqual([])
    expect(await recentEntries(storage.db, [], wang, 10)).toEqual([])
  })

  it('looks among the last RECENT_SCAN written under a name: a keeper\u2019s own entry behind that many for others drops out', async () => {
    const storage = await office()
    const writer = writerAt('王芳', '2026-02-01T00:00:00.000Z')
    const forOthers = Array.from({ length: RECENT_SCAN }, (_, i) => ({ table: 'entries' as const, row: { ...activity(`for-${i}`, '2025-03-12', 1), personId: 'p-li' } }))
    await storage.write({ writes: forOthers }, writer)
    const stillMine = (await recentEntries(storage.db, ['study'], wang, 10)).map((e) => e.id)
    // By her person, still; what she wrote naming no one is now behind RECENT_SCAN others under her name.
    expect(stillMine).toEqual(['mine-2', 'li-named-me'])
  })
})
