import type { DateWindow, Id } from '@/domain'
import type { PaceDatabase } from './database'
import { live, type RowSource } from './plan-rows'
import type { AttachmentRecord, EntryRecord, FileRecord } from './records'
import type { Change, WriteContext } from './write'

/** The live evidence of these entries (the caller passes live entries: a removed entry's evidence goes with it). */
export async function attachmentsOf(source: RowSource, entryIds: readonly Id[]): Promise<AttachmentRecord[]> {
  if (entryIds.length === 0) return []
  return live(await source.table<AttachmentRecord, Id>('attachments').where('entryId').anyOf([...entryIds]).toArray())
}

/**
 * Removing an entry removes its evidence in the same batch (tombstones: the bytes stay, and undo brings both back),
 * so no live evidence is left proving an entry that is gone.
 */
export function entryRemoval(entryId: Id): (context: WriteContext) => Promise<Change> {
  return async ({ tx }) => ({
    removals: [{ table: 'entries', id: entryId }, ...(await attachmentsOf(tx, [entryId])).map((a) => ({ table: 'attachments' as const, id: a.id }))],
  })
}

/**
 * An evidence file's bytes, or undefined where this device has only its row (pulled from a shared dataset whose
 * files have not come yet).
 */
export function readFile(db: PaceDatabase, attachmentId: Id): Promise<FileRecord | undefined> {
  return db.files.get(attachmentId)
}

/** An evidence file with the entry it proves. */
export interface EntryEvidence {
  attachment: AttachmentRecord
  entry: EntryRecord
}

/**
 * The live evidence of the live entries counting toward any of these commitments, dated inside `window` when given
 * (a review's period), in date order, then in the order it was added. It reads the evidence rows and their entries
 * only: its cost grows with the evidence kept, not with the entries logged.
 */
export async function commitmentEvidence(source: RowSource, commitmentIds: readonly Id[], window?: DateWindow): Promise<EntryEvidence[]> {
  const wanted = new Set(commitmentIds)
  if (wanted.size === 0) return []
  const attachments = live(await source.table<AttachmentRecord, Id>('attachments').toArray())
  const entryIds = [...new Set(attachments.map((a) => a.entryId))]
  const entries = await source.table<EntryRecord, Id>('entries').bulkGet(entryIds)
  const byId = new Map<Id, EntryRecord>()
  for (const entry of entries) {
    if (!entry || entry.deletedAt !== null || !entry.commitmentIds.some((id) => wanted.has(id))) continue
    if (window && (entry.date < window.start || entry.date > window.end)) continue
    byId.set(entry.id, entry)
  }
  return attachments
    .flatMap((attachment) => {
      const entry = byId.get(attachment.entryId)
      return entry ? [{ attachment, entry }] : []
    })
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.attachment.updatedAt.localeCompare(b.attachment.updatedAt) || a.attachment.id.localeCompare(b.attachment.id))
}
