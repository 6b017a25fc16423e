import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { CURRENT_VERSION, importData, previewMerge, readAll, StorageError, type BackupData, type ImportMode, type ImportPlan } from '@/db'
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
}

/** Backup and restore: export to a file; read a file, show what it would do, then import it. */
export const useBackupStore = defineStore('backup', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  const pending = shallowRef<PendingImport | null>(null)
  const fileError = shallowRef<BackupFileError | null>(null)

  /** The backup file's name and text, e.g. 计划成效看板备份-2025-04-01.json. */
  async function exportText(now = new Date()): Promise<{ name: string; text: string }> {
    const exportedAt = now.toISOString()
    const text = serializeBackup(await readAll(storage.db), {
      appVersion: __APP_VERSION__,
      schemaVersion: CURRENT_VERSION,
      exportedAt,
      exportedBy: identity.identity?.name ?? '',
    })
    return { name: `pace-backup-${exportedAt.slice(0, 10)}.json`, text }
  }

  /** Reads a file; on success `pending` holds it with its merge preview, else `fileError` says why. Writes nothing. */
  async function read(fileName: string, text: string) {
    pending.value = null
    const parsed = parseBackup(text)
    if (!parsed.ok) {
      fileError.value = parsed.error
      return
    }
    fileError.value = null
    pending.value = { fileName, header: parsed.header, data: parsed.data, merge: await previewMerge(storage.db, parsed.data), orphans: parsed.orphans }
  }

  async function apply(mode: ImportMode): Promise<ImportPlan> {
    const file = pending.value
    const writer = identity.writer
    if (!file || !writer) throw new StorageError('notFound')
    const result = await importData(storage.db, file.data, mode, writer)
    pending.value = null
    return result
  }

  function cancel() {
    pending.value = null
    fileError.value = null
  }

  return { pending, fileError, exportText, read, apply, cancel }
})
