import { describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { StorageError, toStorageError } from '@/db'
import { activity, freshStorage, plan, storageWithStudy, studyCommitment, writerAt } from './helpers'

describe('repositories', () => {
  it('stamps a new row and audits it in the same write', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    const saved = await storage.plans.save(plan(), writer)
    expect(saved).toMatchObject({ id: 'plan-2025', updatedAt: '2026-01-05T08:00:00.000Z', updatedBy: '王芳', deletedAt: null })
    const [record] = await storage.plans.history('plan-2025')
    expect(record).toMatchObject({ action: 'create', actor: '王芳', table: 'plans', before: null, after: saved })
  })

  it('gives a new row a UUID v7 when it has no id', async () => {
    const storage = freshStorage()
    const saved = await storage.departments.save({ name: '办公室' }, writerAt('王芳'))
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('records an edit with the row before and after', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    await storage.plans.save(plan(), writer)
    writer.tick()
    await storage.plans.save(plan({ name: '2025年工作要点' }), writer)
    const history = await storage.plans.history('plan-2025')
    expect(history.map((r) => r.action)).toEqual(['create', 'update'])
    expect(history[1]).toMatchObject({ before: { name: '2025年工作谋划' }, after: { name: '2025年工作要点' } })
  })

  it('rejects invalid input with issues and writes nothing', async () => {
    const storage = freshStorage()
    const error = await storage.plans.save(plan({ window: { start: '2025-12-31', end: '2025-01-01' } }), writerAt('王芳')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect(error).toMatchObject({ code: 'invalid', issues: [{ path: 'window.end', code: 'windowEndsBeforeStart' }] })
    expect(await storage.db.plans.count()).toBe(0)
    expect(await storage.db.audit.count()).toBe(0)
  })

  it('checks a commitment against its plan (phasing needs the window; the plan must exist)', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    await expect(storage.commitments.save(studyCommitment(), writer)).rejects.toMatchObject({ issues: [{ path: 'planId', code: 'invalid' }] })
    await storage.plans.save(plan(), writer)
    await expect(storage.commitments.save(studyCommitment({ phasing: { unit: 'quarter', cumulative: [50, 100] } }), writer)).rejects.toMatchObject({
      issues: [{ path: 'phasing.cumulative', code: 'phasingLength' }],
    })
    await expect(storage.commitments.save(studyCommitment(), writer)).resolves.toMatchObject({ id: 'study' })
  })

  it('keeps who logged an entry, for the by-department index', async () => {
    const storage = await storageWithStudy()
    await storage.entries.save(activity('e1', '2025-03-12', 3), writerAt('王芳'))
    expect(await storage.db.entries.where('departmentId').equals('office').count()).toBe(1)
    expect(await storage.db.entries.where('commitmentIds').equals('study').count()).toBe(1)
  })

  it('deletes as a tombstone that undo brings back', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    await storage.entries.save(activity('e1', '2025-03-12', 3), writer)
    writer.tick()
    await storage.entries.remove('e1', writer)
    expect(await storage.entries.list()).toEqual([])
    expect((await storage.db.entries.get('e1'))?.deletedAt).toBe('2026-01-05T08:00:01.000Z')
    const deletion = (await storage.entries.history('e1')).at(-1)!
    writer.tick()
    await storage.undo(deletion!.batch!, writer)
    expect(await storage.entries.get('e1')).toMatchObject({ quantity: 3, deletedAt: null, updatedAt: '2026-01-05T08:00:02.000Z' })
    expect((await storage.entries.history('e1')).map((r) => r.action)).toEqual(['create', 'delete', 'undo'])
  })

  it('undoes an edit, and undoes a creation as a tombstone', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    await storage.entries.save(activity('e1', '2025-03-12', 3), writer)
    writer.tick()
    await storage.entries.save(activity('e1', '2025-03-12', 30), writer)
    const [creation, edit] = await storage.entries.history('e1')
    writer.tick()
    await storage.undo(edit!.batch!, writer)
    expect(await storage.entries.get('e1')).toMatchObject({ quantity: 3 })
    writer.tick()
    await storage.undo(creation!.batch!, writer)
    expect(await storage.entries.get('e1')).toBeUndefined()
  })

  it('refuses to delete what is not there', async () => {
    const storage = freshStorage()
    await expect(storage.entries.remove('nope', writerAt('王芳'))).rejects.toMatchObject({ code: 'notFound' })
  })

  it('turns a full disk into a quota error and keeps no half of the write', async () => {
    const storage = freshStorage()
    const writer = writerAt('王芳')
    await storage.plans.save(plan(), writer)
    // The row's put succeeds; the audit record's add then hits a full disk, as IndexedDB reports it.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    writer.tick()
    await expect(storage.plans.save(plan({ name: '改名' }), writer)).rejects.toMatchObject({ code: 'quota' })
    expect((await storage.plans.get('plan-2025'))?.name).toBe('2025年工作谋划')
    expect(await storage.db.audit.count()).toBe(1)
  })
})

describe('toStorageError', () => {
  it.each([
    ['a quota error', new DOMException('full', 'QuotaExceededError'), 'quota'],
    ['a quota error inside an AbortError', new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')), 'quota'],
    ['a quota error as a cause', new Error('wrapped', { cause: new DOMException('full', 'QuotaExceededError') }), 'quota'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'versionChanged'],
    ['a failed open', new Dexie.OpenFailedError('cannot open'), 'openFailed'],
    ['anything else', new TypeError('boom'), 'unknown'],
  ])('maps %s', (_name, error, code) => {
    expect(toStorageError(error).code).toBe(code)
  })

  it('passes a StorageError through', () => {
    const error = new StorageError('notFound')
    expect(toStorageError(error)).toBe(error)
  })
})
