import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { BatchError, StorageError, commitmentEvidence, entryRemoval, readTotals, type FileWrite, type PaceStorage, type RowWrite } from '@/db'
import { MAX_FILE_BYTES, type Attachment } from '@/domain'
import { activity, storageWithStudy, studyCommitment, writerAt } from './helpers'

const bytes = (text: string) => new TextEncoder().encode(text)
const hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** An evidence file's row and bytes, as the entries store hands them to the write path. */
function evidence(id: string, entryId: string, content = `照片${id}`, thumbnail: string | null = `缩略图${id}`): { row: Attachment; file: FileWrite } {
  const data = bytes(content)
  return {
    row: { id, entryId, name: `${id}.jpg`, kind: 'image', mime: 'image/jpeg', size: data.length, sha256: hex(data) },
    file: { id, file: new Blob([data], { type: 'image/jpeg' }), thumbnail: thumbnail === null ? null : new Blob([bytes(thumbnail)], { type: 'image/jpeg' }) },
  }
}
const writes = (...items: { row: Attachment }[]): RowWrite[] => items.map(({ row }) => ({ table: 'attachments', row }))
const stored = async (storage: PaceStorage, id: string) => {
  const record = await storage.db.files.get(id)
  return record && { file: new Uint8Array(await record.file!.arrayBuffer()), thumbnail: record.thumbnail && new Uint8Array(await record.thumbnail.arrayBuffer()) }
}

describe('evidence files through the one write path', () => {
  it('an entry logged with two files stores the rows, the bytes as given, and an audit record each, in one batch', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    const photo = evidence('a1', 'e1')
    const sheet = evidence('a2', 'e1', '签到表', null)
    const batch = await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }, ...writes(photo, sheet)], files: [photo.file, sheet.file] }, writer)
    expect(await storage.db.attachments.where('entryId').equals('e1').primaryKeys()).toEqual(['a1', 'a2'])
    expect(await stored(storage, 'a1')).toEqual({ file: bytes('照片a1'), thumbnail: bytes('缩略图a1') })
    expect(await stored(storage, 'a2')).toEqual({ file: bytes('签到表'), thumbnail: null })
    const audit = await storage.db.audit.where('batch').equals(batch).toArray()
    expect(audit.map((r) => [r.table, r.rowId, r.action, r.actor]).sort()).toEqual([
      ['attachments', 'a1', 'create', '王芳'],
      ['attachments', 'a2', 'create', '王芳'],
      ['entries', 'e1', 'create', '王芳'],
    ])
    // Evidence is not an amount: the day totals count the entry once, as without it.
    expect((await readTotals(storage.db, ['study'])).get('study')).toMatchObject({ quantity: [1], quantityEntries: [1] })
  })

  it('a full disk while the bytes are stored says quota and keeps no half: no entry, no row, no bytes, no audit', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    const audited = await storage.db.audit.count()
    const put = IDBObjectStore.prototype.put
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'files') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.apply(this, args)
    })
    const photo = evidence('a1', 'e1')
    try {
      await expect(storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }, ...writes(photo)], files: [photo.file] }, writer)).rejects.toMatchObject({ code: 'quota' })
    } finally {
      spy.mockRestore()
    }
    expect(await storage.db.entries.count()).toBe(0)
    expect(await storage.db.attachments.count()).toBe(0)
    expect(await storage.db.files.count()).toBe(0)
    expect(await storage.db.audit.count()).toBe(audited)
  })

  it('removing an entry removes its evidence in the same batch, keeping the bytes; undo brings both back', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    const photo = evidence('a1', 'e1')
    const other = evidence('a2', 'e2')
    await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }, { table: 'entries', row: activity('e2', '2025-03-13', 1) }, ...writes(photo, other)], files: [photo.file, other.file] }, writer)
    writer.tick()
    const removal = await storage.write(entryRemoval('e1'), writer)
    expect((await storage.db.entries.get('e1'))?.deletedAt).not.toBeNull()
    expect((await storage.db.attachments.get('a1'))?.deletedAt).not.toBeNull()
    expect((await storage.db.attachments.get('a2'))?.deletedAt).toBeNull()
    expect(await stored(storage, 'a1')).toEqual({ file: bytes('照片a1'), thumbnail: bytes('缩略图a1') })
    writer.tick()
    await storage.undo(removal, writer)
    expect((await storage.db.entries.get('e1'))?.deletedAt).toBeNull()
    expect((await storage.db.attachments.get('a1'))?.deletedAt).toBeNull()
  })

  it('a removal is a tombstone that keeps the bytes, and undo brings the evidence back', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    await storage.entries.save(activity('e1', '2025-03-12', 1), writer)
    const photo = evidence('a1', 'e1')
    await storage.write({ writes: writes(photo), files: [photo.file] }, writer)
    writer.tick()
    const removal = await storage.write({ removals: [{ table: 'attachments', id: 'a1' }] }, writer)
    expect((await storage.db.attachments.get('a1'))?.deletedAt).not.toBeNull()
    expect(await stored(storage, 'a1')).toEqual({ file: bytes('照片a1'), thumbnail: bytes('缩略图a1') })
    writer.tick()
    await storage.undo(removal, writer)
    expect((await storage.db.attachments.get('a1'))?.deletedAt).toBeNull()
    const trail = await storage.db.audit.where('[table+rowId]').equals(['attachments', 'a1']).toArray()
    expect(trail.map((r) => r.action)).toEqual(['create', 'delete', 'undo'])
  })

  it.each([
    ['evidence for an entry deleted meanwhile (another tab)', async (storage: PaceStorage, writer: ReturnType<typeof writerAt>) => {
      await storage.entries.save(activity('e1', '2025-03-12', 1), writer)
      await storage.entries.remove('e1', writer)
      const photo = evidence('a1', 'e1')
      return { writes: writes(photo), files: [photo.file] }
    }, [{ path: 'entryId', code: 'entryGone' }]],
    ['evidence for an entry the same batch removes', async (storage: PaceStorage, writer: ReturnType<typeof writerAt>) => {
      await storage.entries.save(activity('e1', '2025-03-12', 1), writer)
      const photo = evidence('a1', 'e1')
      return { writes: writes(photo), removals: [{ table: 'entries' as const, id: 'e1' }], files: [photo.file] }
    }, [{ path: 'entryId', code: 'entryGone' }]],
    ['a file over the limit, named with the limit and its size', async (storage: PaceStorage, writer: ReturnType<typeof writerAt>) => {
      await storage.entries.save(activity('e1', '2025-03-12', 1), writer)
      const photo = evidence('a1', 'e1')
      return { writes: [{ table: 'attachments' as const, row: { ...photo.row, size: MAX_FILE_BYTES + 1 } }] }
    }, [{ path: 'size', code: 'fileTooLarge', limit: MAX_FILE_BYTES, found: MAX_FILE_BYTES + 1 }]],
    ['a type that is not one Pace keeps', async (storage: PaceStorage, writer: ReturnType<typeof writerAt>) => {
      await storage.entries.save(activity('e1', '2025-03-12', 1), writer)
      const photo = evidence('a1', 'e1')
      return { writes: [{ table: 'attachments' as const, row: { ...photo.row, mime: 'text/html' } }] }
    }, [{ path: 'mime', code: 'invalid' }]],
  ])('refuses %s, and stores nothing of the batch', async (_name, build, issues) => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    const change = await build(storage, writer)
    const before = { attachments: await storage.db.attachments.count(), audit: await storage.db.audit.count() }
    const error = await storage.write(change, writer).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BatchError)
    expect((error as BatchError).failures.flatMap((f) => f.issues)).toEqual(issues)
    expect({ attachments: await storage.db.attachments.count(), audit: await storage.db.audit.count(), files: await storage.db.files.count() }).toEqual({ ...before, files: 0 })
  })

  it.each([
    ['bytes without their row', (photo: ReturnType<typeof evidence>) => ({ files: [photo.file] })],
    ['bytes whose size is not the row’s', (photo: ReturnType<typeof evidence>) => ({ writes: writes(photo), files: [{ ...photo.file, file: new Blob([bytes('另一个文件，长度不同')]) }] })],
  ])('refuses %s: nothing is stored', async (_name, build) => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    await storage.entries.save(activity('e1', '2025-03-12', 1), writer)
    const error = await storage.write(build(evidence('a1', 'e1')), writer).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).code).toBe('invalid')
    expect([await storage.db.attachments.count(), await storage.db.files.count()]).toEqual([0, 0])
  })
})

describe("a commitment's evidence, as the review and the log read it", () => {
  it('by the entries it proves: inside the window, live, counting toward the commitment; in date order', async () => {
    const storage = await storageWithStudy()
    const writer = writerAt('王芳')
    await storage.write({ writes: [{ table: 'commitments', row: studyCommitment({ id: 'visit', title: '走访' }) }] }, writer)
    const entries = [
      activity('march', '2025-03-12', 1),
      activity('july', '2025-07-02', 1),
      { ...activity('both', '2025-08-30', 1), commitmentIds: ['study', 'visit'] },
      { ...activity('visit-only', '2025-08-01', 1), commitmentIds: ['visit'] },
      activity('gone', '2025-08-15', 1),
    ]
    const files = [evidence('a-aug', 'both'), evidence('a-july', 'july'), evidence('a-march', 'march'), evidence('a-visit', 'visit-only'), evidence('a-gone', 'gone'), evidence('a-removed', 'july')]
    await storage.write({ writes: [...entries.map((row) => ({ table: 'entries' as const, row })), ...writes(...files)], files: files.map((f) => f.file) }, writer)
    writer.tick()
    await storage.write({ removals: [{ table: 'entries', id: 'gone' }, { table: 'attachments', id: 'a-removed' }] }, writer)
    const ids = async (commitmentIds: string[], window?: { start: string; end: string }) => (await commitmentEvidence(storage.db, commitmentIds, window)).map((e) => e.attachment.id)
    expect(await ids(['study'])).toEqual(['a-march', 'a-july', 'a-aug'])
    expect(await ids(['study'], { start: '2025-07-01', end: '2025-09-30' })).toEqual(['a-july', 'a-aug'])
    expect(await ids(['visit'], { start: '2025-07-01', end: '2025-09-30' })).toEqual(['a-visit', 'a-aug'])
    expect(await ids(['study', 'visit'], { start: '2025-08-30', end: '2025-08-30' })).toEqual(['a-aug'])
    expect(await ids([])).toEqual([])
  })
})
