import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { CURRENT_VERSION, importData, previewMerge, readAll, readFile, storedFileIds, StorageError, type BackupData, type FileRecord, type ImportMode, type ImportPlan } from '@/db'
import { parseBackup, serializeBackup, type BackupFileError, type BackupHeader, type OrphanEntry } from '@/io/backup-file'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

/** A file read and validated, waiting for the user to choose how to import it. */
export interface PendingImport {
  fileName: string
  header: BackupHeader
  data: BackupData
  merge: ImportPlan
  /** Entries of the file that count toward nothing (their commitment is deleted): shown, and kept as they are. */
  orphans: OrphanEntry[]
  /** The evidence files a backup archive carries, checked against their rows; none in a JSON backup. */
  files: FileRecord[]
}

/** Backup and restore: export to a file; read a file, show what it would do, then import it. */
export const useBackupStore = defineStore('backup', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  const pending = shallowRef<PendingImport | null>(null)
  const fileError = shallowRef<BackupFileError | null>(null)

  /**
   * The backup file, e.g. pace-backup-2025-04-01.json; a zip of that JSON with the evidence files
   * (pace-backup-2025-04-01.zip) when this device holds any.
   */
  async function exportFile(now = new Date()): Promise<{ name: string; blob: Blob; files: number }> {
    const exportedAt = now.toISOString()
    const text = serializeBackup(await readAll(storage.db), {
      appVersion: __APP_VERSION__,
      schemaVersion: CURRENT_VERSION,
      exportedAt,
      exportedBy: identity.identity?.name ?? '',
    })
    const name = `pace-backup-${exportedAt.slice(0, 10)}`
    const ids = await storedFileIds(storage.db)
    if (ids.length === 0) return { name: `${name}.json`, blob: new Blob([text], { type: 'application/json' }), files: 0 }
    const { writeBackupArchive } = await import('@/io/backup-archive')
    return { name: `${name}.zip`, blob: await writeBackupArchive(text, ids, (id) => readFile(storage.db, id)), files: ids.length }
  }

  /** Reads a file; on success `pending` holds it with its merge preview, else `fileError` says why. Writes nothing. */
  async function read(fileName: string, file: Blob) {
    pending.value = null
    const bytes = new Uint8Array(await file.arrayBuffer())
    const { isZip, parseBackupArchive } = await import('@/io/backup-archive')
    const parsed = isZip(bytes) ? parseBackupArchive(bytes) : { ...parseBackup(new TextDecoder().decode(bytes)), files: [] }
    if (!parsed.ok) {
      fileError.value = parsed.error
      return
    }
    fileError.value = null
    const merge = await previewMerge(storage.db, parsed.data)
    pending.value = { fileName, header: parsed.header, data: parsed.data, merge, orphans: parsed.orphans, files: parsed.files }
  }

  async function apply(mode: ImportMode): Promise<ImportPlan> {
    const file = pending.value
    const writer = identity.writer
    if (!file || !writer) throw new StorageError('notFound')
    const result = await importData(storage.db, file.data, mode, writer, file.files)
    pending.value = null
    return result
  }

  function cancel() {
    pending.value = null
    fileError.value = null
  }

  return { pending, fileError, exportFile, read, apply, cancel }
})
