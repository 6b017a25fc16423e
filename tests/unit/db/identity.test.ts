import { describe, expect, it } from 'vitest'
import { createDatabase, getIdentity, identityChange, IDENTITY_KEY, openDatabase, SCHEMA_VERSIONS, type PaceStorage } from '@/db'
import { mergePeople } from '@/db/directory'
import { identityPersonV5 } from '@/db/migrations/v5-identity-person'
import { loadExample } from '@/db/plans'
import { EXAMPLE_DEFAULT_AS_OF } from '@/domain'
import { freshStorage, writerAt } from './helpers'

const nameMyself = (storage: PaceStorage, name: string, department = '') => storage.write(identityChange({ name, department }), { actor: name })

describe('identity', () => {
  it('is a person of the people list, named in one batch with a new department', async () => {
    const storage = freshStorage()
    await nameMyself(storage, ' 王芳 ', '办公室')
    const me = await getIdentity(storage.db)
    const [person] = await storage.people.list()
    const [office] = await storage.departments.list()
    expect(me).toEqual({ personId: person!.id, name: '王芳', departmentId: office!.id })
    expect(new Set((await storage.db.audit.toArray()).map((r) => r.batch)).size).toBe(1)
  })

  it('follows a rename of the person: "me" is an id, not a name', async () => {
    const storage = freshStorage()
    await nameMyself(storage, '王芳')
    const me = (await getIdentity(storage.db))!
    await storage.people.save({ id: me.personId, name: '王芳芳', departmentId: null }, writerAt('王芳'))
    expect(await getIdentity(storage.db)).toEqual({ ...me, name: '王芳芳' })
  })

  it('is the one person of that name in that department, and a new person beside a namesake elsewhere', async () => {
    const storage = freshStorage()
    const writer = writerAt('管理员')
    await storage.write(
      {
        writes: [
          { table: 'departments', row: { id: 'office', name: '办公室' } },
          { table: 'departments', row: { id: 'research', name: '研究科' } },
          { table: 'people', row: { id: 'wang-office', name: '王芳', departmentId: 'office' } },
        ],
      },
      writer,
    )
    await nameMyself(storage, '王芳', '办公室')
    expect((await getIdentity(storage.db))?.personId).toBe('wang-office')
    await nameMyself(storage, '王芳', '研究科')
    const me = (await getIdentity(storage.db))!
    expect(me.personId).not.toBe('wang-office')
    expect(me.departmentId).toBe('research')
    expect((await storage.people.list()).filter((p) => p.name === '王芳')).toHaveLength(2)
  })

  it('is never one of the example’s people, whichever comes first', async () => {
    const storage = freshStorage()
    await nameMyself(storage, '李明')
    const me = (await getIdentity(storage.db))!
    await loadExample(storage, EXAMPLE_DEFAULT_AS_OF, writerAt('李明'))
    expect((await getIdentity(storage.db))?.personId).toBe(me.personId)
    const owners = new Set((await storage.commitments.list()).flatMap((c) => [c.ownerId, c.leaderId]))
    expect(owners.has(me.personId)).toBe(false)
    const entries = await storage.entries.list()
    expect(entries.some((e) => e.personId === me.personId)).toBe(false)

    const other = freshStorage()
    await loadExample(other, EXAMPLE_DEFAULT_AS_OF, writerAt('李明'))
    const exampleLi = (await other.people.list()).find((p) => p.name === '李明')!
    await nameMyself(other, '李明', exampleLi.departmentId ? (await other.departments.get(exampleLi.departmentId))!.name : '')
    expect((await getIdentity(other.db))?.personId).not.toBe(exampleLi.id)
  })

  it('moves to the person kept when the user’s own row is merged away', async () => {
    const storage = freshStorage()
    await nameMyself(storage, '王芳')
    const me = (await getIdentity(storage.db))!
    await storage.people.save({ id: 'wang-2', name: '王芳', departmentId: null }, writerAt('王芳'))
    const batch = await mergePeople(storage, me.personId, 'wang-2', writerAt('王芳'))
    expect((await getIdentity(storage.db))?.personId).toBe('wang-2')
    await storage.undo(batch, writerAt('王芳'))
    expect((await getIdentity(storage.db))?.personId).toBe(me.personId)
  })

  it('refuses an empty or overlong name and writes nothing', async () => {
    const storage = freshStorage()
    expect(() => identityChange({ name: '  ', department: '' })).toThrow(expect.objectContaining({ code: 'invalid', issues: [{ path: 'name', code: 'required' }] }))
    expect(() => identityChange({ name: '王'.repeat(41), department: '' })).toThrow(expect.objectContaining({ issues: [{ path: 'name', code: 'tooLong', limit: 40, found: 41 }] }))
    expect(() => identityChange({ name: '王芳', department: '办'.repeat(600) })).toThrow(expect.objectContaining({ issues: [{ path: 'department', code: 'tooLong', limit: 40, found: 600 }] }))
    expect(await storage.db.audit.count()).toBe(0)
  })
})

describe('schema v5: a v4 identity (a name) becomes a person id', () => {
  const person = (id: string, name: string, departmentId: string | null, deletedAt: string | null = null) => ({ id, name, departmentId, deletedAt })

  it.each([
    ['the namesake in the same department', { name: '王芳', departmentId: 'office' }, [person('a', '王芳', 'research'), person('b', '王芳', 'office')], [], { personId: 'b' }],
    ['a namesake elsewhere when none is in the department', { name: '王芳', departmentId: 'office' }, [person('a', '王芳', 'research')], [], { personId: 'a' }],
    ['not a deleted namesake', { name: '王芳', departmentId: null }, [person('a', '王芳', null, '2025-01-01T00:00:00.000Z')], [], { create: { name: '王芳', departmentId: null } }],
    ['not the example’s namesake', { name: '李明', departmentId: null }, [person('x', '李明', null)], ['x'], { create: { name: '李明', departmentId: null } }],
    ['a new person when nobody has the name', { name: '赵六', departmentId: 'office' }, [person('a', '王芳', 'office')], [], { create: { name: '赵六', departmentId: 'office' } }],
  ])('finds %s', (_name, legacy, people, excluded, expected) => {
    expect(identityPersonV5(legacy, people, new Set(excluded))).toEqual(expected)
  })

  it('upgrades a v4 database’s identity on open', async () => {
    const name = `pace-v5-${Math.random()}`
    const v4 = createDatabase(name, SCHEMA_VERSIONS.slice(0, 4))
    await v4.open()
    await v4.table('people').add({ id: 'wang', name: '王芳', departmentId: null, updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: '王芳', deletedAt: null })
    await v4.table('settings').put({ key: IDENTITY_KEY, value: { name: '王芳', departmentId: null } })
    v4.close()
    const db = await openDatabase(createDatabase(name))
    expect(await getIdentity(db)).toEqual({ personId: 'wang', name: '王芳', departmentId: null })
    db.close()
  })
})
