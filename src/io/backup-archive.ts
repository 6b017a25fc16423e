import { unzipSync } from 'fflate'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { sha256Hex as hex } from './sha256'
import type { FileRecord } from '@/db'
import { checkZip } from './zip-check'
import { writeZip, type ZipFile } from './zip-write'
import { parseBackup, type ParsedBackup } from './backup-file'

/**
 * A backup with evidence: one zip holding the JSON backup as it is (`pace-backup.json`, its rows checksummed),
 * each file's bytes and thumbnail under its attachment id, and a manifest listing them with their SHA-256, itself
 * checksummed. A full file's hash and size are its attachment row's, which the backup's checksum covers; a
 * thumbnail's are the manifest's. Restore checks all of it before anything is stored.
 */
const ARCHIVE_BACKUP = 'pace-backup.json'
const ARCHIVE_MANIFEST = 'files.json'
const FILE_PATH = (id: string) => `files/${id}`
const THUMBNAIL_PATH = (id: string) => `thumbnails/${id}`

interface ManifestFile {
  id: string
  sha256: string
  size: number
  thumbnail: { sha256: string; size: number; type: string } | null
}

interface Manifest {
  format: 'pace-backup-files'
  files: ManifestFile[]
  checksum: string
}

/** A stored zip of photos and documents: sizes ≤ 1.2 × the files, never a deflate bomb. */
const ARCHIVE_LIMITS = { totalBytes: 8 * 1024 * 1024 * 1024, ratioFrom: 1024 * 1024, ratio: 200 }

const checksumOf = (files: readonly ManifestFile[]) => `sha256:${hex(utf8ToBytes(JSON.stringify(files)))}`

/** Whether these bytes are a zip (a local file header), so one file input takes both kinds of backup. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** Writes the archive: the backup's text, then each file as `read` gives it (one at a time), then the manifest. */
export async function writeBackupArchive(text: string, ids: readonly string[], read: (id: string) => Promise<FileRecord | undefined>): Promise<Blob> {
  const listed: ManifestFile[] = []
  async function* entries(): AsyncGenerator<ZipFile> {
    yield { path: ARCHIVE_BACKUP, data: utf8ToBytes(text) }
    for (const id of ids) {
      const record = await read(id)
      if (!record?.file) continue
      const data = new Uint8Array(await record.file.arrayBuffer())
      yield { path: FILE_PATH(id), data }
      let thumbnail: ManifestFile['thumbnail'] = null
      if (record.thumbnail) {
        const small = new Uint8Array(await record.thumbnail.arrayBuffer())
        yield { path: THUMBNAIL_PATH(id), data: small }
        thumbnail = { sha256: hex(small), size: small.length, type: record.thumbnail.type }
      }
      listed.push({ id, sha256: hex(data), size: data.length, thumbnail })
    }
    const manifest: Manifest = { format: 'pace-backup-files', files: listed, checksum: checksumOf(listed) }
    yield { path: ARCHIVE_MANIFEST, data: utf8ToBytes(JSON.stringify(manifest)) }
  }
  return writeZip(entries())
}

export type ParsedArchive = (ParsedBackup & { ok: true; files: FileRecord[] }) | (ParsedBackup & { ok: false })

const damaged = { ok: false as const, error: { code: 'checksum' as const } }

function readManifest(bytes: Uint8Array | undefined): Manifest | null {
  if (!bytes) return null
  try {
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Manifest
    return manifest?.format === 'pace-backup-files' && Array.isArray(manifest.files) ? manifest : null
  } catch {
    return null
  }
}

/**
 * Reads and checks a whole archive: the backup inside by `parseBackup`'s rules, then every file against its
 * attachment row (hash and size) and every thumbnail against the manifest. Any mismatch, a file without a row,
 * or a manifest that does not match its checksum refuses the whole archive.
 */
export function parseBackupArchive(bytes: Uint8Array): ParsedArchive {
  if (checkZip(bytes, ARCHIVE_LIMITS)) return { ok: false, error: { code: 'notJson' } }
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch {
    return { ok: false, error: { code: 'notJson' } }
  }
  const json = entries[ARCHIVE_BACKUP]
  if (!json) return { ok: false, error: { code: 'foreign' } }
  const parsed = parseBackup(new TextDecoder().decode(json))
  if (!parsed.ok) return parsed
  const manifest = readManifest(entries[ARCHIVE_MANIFEST])
  if (!manifest || manifest.checksum !== checksumOf(manifest.files)) return damaged
  const rows = new Map(parsed.data.attachments.map((a) => [a.id, a]))
  const files: FileRecord[] = []
  const seen = new Set<string>()
  for (const listed of manifest.files) {
    const row = rows.get(listed.id)
    const data = entries[FILE_PATH(listed.id)]
    if (!row || !data || seen.has(listed.id) || data.length !== row.size || hex(data) !== row.sha256 || listed.sha256 !== row.sha256) return damaged
    seen.add(listed.id)
    let thumbnail: Blob | null = null
    if (listed.thumbnail) {
      const small = entries[THUMBNAIL_PATH(listed.id)]
      if (!small || small.length !== listed.thumbnail.size || hex(small) !== listed.thumbnail.sha256) return damaged
      thumbnail = new Blob([small as Uint8Array<ArrayBuffer>], { type: listed.thumbnail.type })
    }
    files.push({ id: listed.id, file: new Blob([data as Uint8Array<ArrayBuffer>], { type: row.mime }), thumbnail })
  }
  // Nothing in the zip that the manifest does not list: an added file is an edited archive.
  const expected = 2 + files.length + files.filter((f) => f.thumbnail).length
  if (Object.keys(entries).length !== expected) return damaged
  return { ...parsed, files }
}
