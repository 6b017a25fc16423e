import type { Id } from '@/domain'
import type { PaceDatabase } from './database'
import { live, type RowSource } from './plan-rows'
import type { AttachmentRecord, FileRecord } from './records'

/** The live evidence of these entries (the caller passes live entries: a removed entry's evidence goes with it). */
export async function attachmentsOf(source: RowSource, entryIds: readonly Id[]): Promise<AttachmentRecord[]> {
  if (entryIds.length === 0) return []
  return live(await source.table<AttachmentRecord, Id>('attachments').where('entryId').anyOf([...entryIds]).toArray())
}

/**
 * An evidence file's bytes, or undefined where this device has only its row (pulled from a shared dataset whose
 * files have not come yet).
 */
export function readFile(db: PaceDatabase, attachmentId: Id): Promise<FileRecord | undefined> {
  return db.files.get(attachmentId)
}
