import { createHash } from 'node:crypto'
import PouchDB from 'pouchdb-core'
import memory from 'pouchdb-adapter-memory'
import replication from 'pouchdb-replication'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { entryRemoval, forgetThisDevice, readFile, type FileWrite, type PaceStorage } from '@/db'
import type { Attachment } from '@/domain'
import { pull, send, type Replica } from '@/sharing/bridge'
import { PULLED } from '@/sharing/documents'
import { fetchEvidenceFile } from '@/sharing/files'
import { activity, freshStorage, storageWithStudy, writerAt } from '../db/helpers'

/** Evidence in a shared dataset (#17): thumbnails travel with their attachments' documents, files stay at the hub. */

PouchDB.plugin(memory).plugin(replication)

let counter = 0
const replica = () => new PouchDB<Record<string, unknown>>(`evidence-${++counter}`, { adapter: 'memory' }) as Replica
const hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
/** Bytes that are a JPEG by their first bytes, as the evidence checks read them. */
const jpeg = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode(text)])
/** Bytes of a stored Blob, or of an attachment as PouchDB hands it out in Node (a Buffer). */
const bytesOf = async (data: Blob | Uint8Array | null | undefined) => (data ? new Uint8Array(data instanceof Blob ? await data.arrayBuffer() : data) : null)

function photo(id: string, entryId: string, thumbnail: Uint8Array | null = jpeg(`缩略图${id}`)): { row: Attachment; file: FileWrite; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = jpeg(`照片${id}`)
  return {
    row: { id, entryId, name: `${id}.jpg`, kind: 'image', mime: 'image/jpeg', size: bytes.length, sha256: hex(bytes) },
    file: { id, file: new Blob([bytes], { type: 'image/jpeg' }), thumbnail: thumbnail && new Blob([thumbnail as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) },
    bytes,
  }
}

async function device(account: string, withStudy = true) {
  const storage = withStudy ? await storageWithStudy() : freshStorage()
  const local = replica()
  return { storage, local, writer: writerAt(account), step: async () => (await send(storage.db, local, account), pull(storage.db, local)) }
}

/** PouchDB's replicator as the app runs it: everything up, everything but the evidence files down. */
async function syncWith(hub: Replica, local: Replica) {
  await PouchDB.replicate(local, hub)
  await PouchDB.replicate(hub, local, { selector: PULLED })
}

async function logged(storage: PaceStorage, writer: ReturnType<typeof writerAt>, ...photos: ReturnType<typeof photo>[]) {
  await storage.write({ writes: [{ table: 'entries', row: activity('e1', '2025-03-12', 1) }, ...photos.map((p) => ({ table: 'attachments' as const, row: p.row }))], files: photos.map((p) => p.file) }, writer)
}

/** A photo logged on a phone (王芳's) and pulled by a fresh desk (李四's) through a hub. */
async function photoOnTwoDevices() {
  const hub = replica()
  const phone = await device('王芳')
  const desk = await device('李四', false)
  await logged(phone.storage, phone.writer, photo('a1', 'e1'))
  await phone.step()
  await syncWith(hub, phone.local)
  await syncWith(hub, desk.local)
  await desk.step()
  return { hub, phone, desk }
}

afterEach(() => vi.unstubAllGlobals())

describe('evidence in a shared dataset', () => {
  it('sends a photo as its document with the thumbnail attached and its file as a document of its own', async () => {
    const phone = await device('王芳')
    const a1 = photo('a1', 'e1')
    await logged(phone.storage, phone.writer, a1)
    await phone.step()
    const doc = await phone.local.get('attachments:a1', { attachments: true, binary: true })
    expect(Object.keys(doc._attachments ?? {})).toEqual(['thumbnail'])
    expect(doc).toMatchObject({ owner: '王芳', sha256: a1.row.sha256 })
    const file = await phone.local.get('files:a1', { attachments: true, binary: true })
    expect(file).toMatchObject({ table: 'files', id: 'a1', owner: '王芳', updatedBy: '王芳' })
    expect(file._attachments?.file).toMatchObject({ content_type: 'image/jpeg' })
    expect(await bytesOf((await phone.local.getAttachment('files:a1', 'file')) as Uint8Array)).toEqual(a1.bytes)
    // Sending again writes nothing more: the file's document is written once.
    const before = (await phone.local.info()).update_seq
    await phone.step()
    expect((await phone.local.info()).update_seq).toBe(before)
  })

  it('brings another device the rows and thumbnails at once, and not the files', async () => {
    const hub = replica()
    const phone = await device('王芳')
    const desk = await device('李四')
    const a1 = photo('a1', 'e1')
    const sheet = { ...photo('a2', 'e1', null), row: { ...photo('a2', 'e1', null).row, kind: 'pdf' as const, name: '签到表.pdf' } }
    await logged(phone.storage, phone.writer, a1, sheet)
    await phone.step()
    await syncWith(hub, phone.local)
    expect((await hub.allDocs({ keys: ['files:a1', 'files:a2'] })).rows.every((row) => 'value' in row)).toBe(true)
    await syncWith(hub, desk.local)
    await desk.step()
    expect((await desk.local.allDocs({ startkey: 'files:', endkey: 'files:\ufff0' })).rows).toEqual([])
    const thumb = await readFile(desk.storage.db, 'a1')
    expect(thumb?.file).toBeNull()
    expect(await bytesOf(thumb?.thumbnail)).toEqual(jpeg('缩略图a1'))
    expect(thumb?.thumbnail?.type).toBe('image/jpeg')
    // A file without a thumbnail has nothing on the desk until it is opened.
    expect(await readFile(desk.storage.db, 'a2')).toBeUndefined()
    expect((await desk.storage.db.attachments.toArray()).map((a) => a.id).sort()).toEqual(['a1', 'a2'])
  })

  it('leaves no thumbnail behind when a device is emptied for the next person', async () => {
    const { desk } = await photoOnTwoDevices()
    expect(await desk.storage.db.files.count()).toBe(1)
    await forgetThisDevice(desk.storage.db)
    expect(await desk.storage.db.files.count()).toBe(0)
  })

  it('keeps the thumbnail on the document when the evidence is removed, and the removal reaches the other device', async () => {
    const hub = replica()
    const phone = await device('王芳')
    const desk = await device('李四')
    await logged(phone.storage, phone.writer, photo('a1', 'e1'))
    await phone.step()
    await phone.storage.write(entryRemoval('e1'), phone.writer)
    await phone.step()
    const doc = await phone.local.get('attachments:a1')
    expect(doc.deletedAt).not.toBeNull()
    expect(Object.keys(doc._attachments ?? {})).toEqual(['thumbnail'])
    await syncWith(hub, phone.local)
    await syncWith(hub, desk.local)
    await desk.step()
    expect((await desk.storage.db.attachments.get('a1'))?.deletedAt).not.toBeNull()
  })

  it('resolves an attachment removed on one device and renamed on another the same way on both, its thumbnail kept', async () => {
    const { hub, phone, desk } = await photoOnTwoDevices()
    // Offline on both: the phone removes the photo, the desk (the keeper's) renames it.
    await phone.storage.write({ removals: [{ table: 'attachments', id: 'a1' }] }, writerAt('王芳', '2025-03-13T01:00:00.000Z'))
    const row = (await desk.storage.db.attachments.get('a1'))!
    await desk.storage.write({ writes: [{ table: 'attachments', row: { ...row, name: '签到表.jpg' } }] }, writerAt('李四', '2025-03-13T02:00:00.000Z'))
    // The removal reaches the desk's replica before the desk sends its rename: the rename goes beside it.
    await phone.step()
    await syncWith(hub, phone.local)
    await syncWith(hub, desk.local)
    await desk.step()
    await syncWith(hub, desk.local)
    await syncWith(hub, phone.local)
    await phone.step()
    await desk.step()
    expect((await hub.get('attachments:a1', { conflicts: true }))._conflicts).toHaveLength(1)
    const [onPhone, onDesk] = await Promise.all([phone.storage.db.attachments.get('a1'), desk.storage.db.attachments.get('a1')])
    expect(onPhone).toEqual(onDesk)
    expect(onDesk).toMatchObject({ name: '签到表.jpg', deletedAt: null })
    const doc = await hub.get('attachments:a1', { conflicts: true })
    expect(Object.keys(doc._attachments ?? {})).toEqual(['thumbnail'])
    expect(await bytesOf((await hub.getAttachment('attachments:a1', 'thumbnail')) as Uint8Array)).toEqual(jpeg('缩略图a1'))
  })

  it('stores no thumbnail whose bytes are not an image, whatever its document says', async () => {
    const hub = replica()
    const desk = await device('李四')
    const markup = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const a1 = photo('a1', 'e1').row
    const row = { ...a1, owner: '王芳', updatedAt: '2025-03-12T02:00:00.000Z', updatedBy: '王芳', deletedAt: null }
    await hub.bulkDocs([
      { _id: 'entries:e1', table: 'entries', ...activity('e1', '2025-03-12', 1), departmentId: null, personId: null, loggedOn: '2025-03-12', owner: '王芳', updatedAt: row.updatedAt, updatedBy: '王芳', deletedAt: null },
      { _id: 'attachments:a1', table: 'attachments', ...row, _attachments: { thumbnail: { content_type: 'image/jpeg', data: Buffer.from(markup).toString('base64') } } },
    ])
    await syncWith(hub, desk.local)
    await desk.step()
    expect(await desk.storage.db.attachments.get('a1')).toMatchObject({ id: 'a1' })
    expect(await readFile(desk.storage.db, 'a1')).toBeUndefined()
  })
})

describe('an evidence file fetched from the hub when opened', () => {
  const hub = { base: 'http://127.0.0.1:9/db', database: 'pace' }

  /** A desk that holds an attachment's row and thumbnail, as pulled, and not its file; the row says `rowBytes`. */
  async function deskWithRow(rowBytes: Uint8Array) {
    const desk = await device('李四')
    const a1 = photo('a1', 'e1')
    const row = { ...a1.row, size: rowBytes.length, sha256: hex(rowBytes) }
    await logged(desk.storage, desk.writer, { ...a1, row, file: { ...a1.file, file: new Blob([rowBytes as Uint8Array<ArrayBuffer>]) } })
    await desk.storage.db.files.put({ id: 'a1', file: null, thumbnail: a1.file.thumbnail })
    return desk
  }

  const right = photo('a1', 'e1').bytes
  const markup = new TextEncoder().encode('<svg onload=alert(1)>')
  it.each([
    { when: 'its bytes are the row’s: kept', rowBytes: right, answer: () => new Response(right), failure: null },
    { when: 'not uploaded yet', rowBytes: right, answer: () => new Response('{"error":"not_found"}', { status: 404 }), failure: 'notUploaded' },
    { when: 'the session has ended', rowBytes: right, answer: () => new Response('{"error":"unauthorized"}', { status: 401 }), failure: 'signedOut' },
    { when: 'the hub cannot be reached', rowBytes: right, answer: () => Promise.reject(new TypeError('Failed to fetch')), failure: 'offline' },
    { when: 'the hub hands out other bytes', rowBytes: right, answer: () => new Response(jpeg('别的照片')), failure: 'damaged' },
    { when: 'the bytes are markup, even with the row’s size and checksum', rowBytes: markup, answer: () => new Response(markup), failure: 'damaged' },
  ])('when $when', async ({ rowBytes, answer, failure }) => {
    const desk = await deskWithRow(rowBytes)
    const fetched = vi.fn(answer)
    vi.stubGlobal('fetch', fetched)
    const result = fetchEvidenceFile(desk.storage.db, hub, (await desk.storage.db.attachments.get('a1'))!)
    if (failure) await expect(result).rejects.toMatchObject({ code: failure })
    else expect(await bytesOf(await result)).toEqual(right)
    expect(fetched).toHaveBeenCalledWith('http://127.0.0.1:9/db/pace/files%3Aa1/file', { credentials: 'same-origin' })
    const kept = await readFile(desk.storage.db, 'a1')
    expect(await bytesOf(kept?.file)).toEqual(failure ? null : right)
    expect(kept?.file?.type ?? null).toBe(failure ? null : 'image/jpeg')
    expect(await bytesOf(kept?.thumbnail)).toEqual(jpeg('缩略图a1'))
  })
})
