import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { CURRENT_VERSION, importData, readAll, readFile, storedFileIds, type PaceStorage } from '@/db'
import { serializeBackup } from '@/io/backup-file'
import { isZip, parseBackupArchive, writeBackupArchive, type ParsedArchive } from '@/io/backup-archive'
import { activity, freshStorage, storageWithStudy, writerAt } from '../db/helpers'

const META = { appVersion: '0.1.0', schemaVersion: CURRENT_VERSION, exportedAt: '2025-04-01T00:00:00.000Z', exportedBy: '王芳' }
const hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** Bytes that are not text, with every value 0–255, as a photo's are. */
const photoBytes = (seed: number, length = 3000) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 7) % 256)

async function withEvidence() {
  const storage = await storageWithStudy()
  const writer = writerAt('王芳')
  const photo = photoBytes(1)
  const sheet = strToU8('%PDF-1.4 签到表')
  await storage.write(
    {
      writes: [
        { table: 'entries', row: activity('e1', '2025-03-12', 1) },
        { table: 'attachments', row: { id: 'a1', entryId: 'e1', name: '调研会.jpg', kind: 'image', mime: 'image/jpeg', size: photo.length, sha256: hex(photo) } },
        { table: 'attachments', row: { id: 'a2', entryId: 'e1', name: '签到表.pdf', kind: 'pdf', mime: 'application/pdf', size: sheet.length, sha256: hex(sheet) } },
      ],
      files: [
        { id: 'a1', file: new Blob([photo], { type: 'image/jpeg' }), thumbnail: new Blob([photoBytes(2, 400)], { type: 'image/jpeg' }) },
        { id: 'a2', file: new Blob([sheet], { type: 'application/pdf' }), thumbnail: null },
      ],
    },
    writer,
  )
  return storage
}

async function archiveOf(storage: PaceStorage): Promise<Uint8Array> {
  const text = serializeBackup(await readAll(storage.db), META)
  const blob = await writeBackupArchive(text, await storedFileIds(storage.db), (id) => readFile(storage.db, id))
  return new Uint8Array(await blob.arrayBuffer())
}

async function bytesOf(storage: PaceStorage, id: string) {
  const record = await readFile(storage.db, id)
  return record && { file: new Uint8Array(await record.file!.arrayBuffer()), type: record.file!.type, thumbnail: record.thumbnail && new Uint8Array(await record.thumbnail.arrayBuffer()) }
}

function accepted(result: ParsedArchive) {
  if (!result.ok) throw new Error(`archive refused: ${result.error.code}`)
  return result
}

/** The archive with one entry changed, added or removed, zipped again. */
function edited(archive: Uint8Array, change: (entries: Record<string, Uint8Array>) => void) {
  const entries = unzipSync(archive)
  change(entries)
  return zipSync(entries, { level: 0 })
}

/** One bit of one byte changed, the size kept. */
const flip = (bytes: Uint8Array, at: number) => bytes.set([bytes[at]! ^ 1], at)

describe('a backup with evidence files', () => {
  it('restores into an empty database with every file and thumbnail byte-identical', async () => {
    const source = await withEvidence()
    const archive = await archiveOf(source)
    expect(isZip(archive)).toBe(true)
    expect(Object.keys(unzipSync(archive)).sort()).toEqual(['files.json', 'files/a1', 'files/a2', 'pace-backup.json', 'thumbnails/a1'])
    const parsed = accepted(parseBackupArchive(archive))
    expect(parsed.files.map((f) => f.id)).toEqual(['a1', 'a2'])

    const empty = freshStorage()
    await importData(empty.db, parsed.data, 'replace', writerAt('李明'), parsed.files)
    expect(await readAll(empty.db)).toEqual(await readAll(source.db))
    for (const id of ['a1', 'a2']) expect(await bytesOf(empty, id)).toEqual(await bytesOf(source, id))
    expect((await bytesOf(empty, 'a1'))!.type).toBe('image/jpeg')
  })

  it.each([
    ['a file\'s bytes changed', (e: Record<string, Uint8Array>) => flip(e['files/a1']!, 10)],
    ['a thumbnail\'s bytes changed', (e: Record<string, Uint8Array>) => flip(e['thumbnails/a1']!, 0)],
    ['a file missing', (e: Record<string, Uint8Array>) => delete e['files/a2']],
    ['a file added that nothing lists', (e: Record<string, Uint8Array>) => (e['files/extra'] = strToU8('<html>'))],
    ['the manifest missing', (e: Record<string, Uint8Array>) => delete e['files.json']],
    ['the manifest edited', (e: Record<string, Uint8Array>) => (e['files.json'] = strToU8(new TextDecoder().decode(e['files.json']).replace('"size":3000', '"size":2999')))],
  ])('is refused whole, storing nothing, with %s', async (_, change) => {
    const archive = edited(await archiveOf(await withEvidence()), change)
    expect(parseBackupArchive(archive)).toEqual({ ok: false, error: { code: 'checksum' } })
  })

  it('is refused as the JSON backup would be when the backup inside is damaged, or is missing', async () => {
    const archive = await archiveOf(await withEvidence())
    const damaged = edited(archive, (e) => (e['pace-backup.json'] = strToU8(new TextDecoder().decode(e['pace-backup.json']).replace('调研会', '座谈会'))))
    expect(parseBackupArchive(damaged)).toEqual({ ok: false, error: { code: 'checksum' } })
    expect(parseBackupArchive(edited(archive, (e) => delete e['pace-backup.json']))).toEqual({ ok: false, error: { code: 'foreign' } })
    expect(parseBackupArchive(archive.subarray(0, 1000))).toEqual({ ok: false, error: { code: 'notJson' } })
  })

  it('a JSON-only backup restored over a device keeps the bytes its rows still name, and no others', async () => {
    const storage = await withEvidence()
    const withoutSheet = await readAll(storage.db)
    withoutSheet.attachments = withoutSheet.attachments.filter((a) => a.id === 'a1')
    await importData(storage.db, withoutSheet, 'replace', writerAt('李明'))
    expect(await storedFileIds(storage.db)).toEqual(['a1'])
    expect((await bytesOf(storage, 'a1'))!.file).toEqual(photoBytes(1))
  })

  it('merged into a device, adds the files it lacks; merging the same archive again changes nothing', async () => {
    const source = await withEvidence()
    const parsed = accepted(parseBackupArchive(await archiveOf(source)))
    const other = await storageWithStudy()
    await importData(other.db, parsed.data, 'merge', writerAt('李明'), parsed.files)
    await importData(other.db, parsed.data, 'merge', writerAt('李明'), parsed.files)
    expect(await storedFileIds(other.db)).toEqual(['a1', 'a2'])
    expect(await bytesOf(other, 'a2')).toEqual(await bytesOf(source, 'a2'))
  })
})
