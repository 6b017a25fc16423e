import { DATA_TABLES, outboxKey, type DataTableName, type DataTables } from '@/db'

/**
 * How a row of the store (src/db) is a document of the shared dataset (#16), and which of a document's
 * conflicting versions every replica shows. Pure: no PouchDB, no storage.
 *
 * A row of table T with id I is the document `T:I` carrying `table` and the row's own fields. An entry also
 * and an attachment (its evidence) also carry `owner`, the account that logged it (fixed at creation; the hub lets
 * staff change only their own), which the store keeps on the row once pulled (`EntryAuthor.owner`).
 */

type AnyRow = DataTables[DataTableName]

/** A document as the replicator stores it; `_rev` and the bookkeeping fields are PouchDB's. */
export interface RowDocument {
  _id: string
  _rev?: string
  _revisions?: unknown
  _conflicts?: string[]
  _deleted?: boolean
  table: DataTableName
  owner?: string
  [field: string]: unknown
}

/** The fields that are the replicator's, not the row's. */
const BOOKKEEPING = ['_id', '_rev', '_revisions', '_conflicts', '_deleted', '_attachments', 'table']
/** Not what a version says: its bookkeeping, and an entry's owner (which never changes once shared). */
const NOT_CONTENT = [...BOOKKEEPING, 'owner']

export const documentId = outboxKey
/**
 * Evidence (#17). An attachment's document carries its thumbnail as a CouchDB attachment, so a device that pulls the
 * dataset has every thumbnail at once. The file itself is the attachment of a document of its own,
 * `files:<attachment id>`, written once by the device that holds it; pulling leaves those out (`PULLED`), and a
 * device fetches one when someone opens it.
 */
export const THUMBNAIL = 'thumbnail'
export const FILE = 'file'
export const fileDocumentId = (attachmentId: string) => `files:${attachmentId}`
/** What a device pulls from the hub: every document but the evidence files (a Mango selector, CouchDB's `_selector`). */
export const PULLED = { _id: { $regex: '^(?!files:)' } }
/** The range of the evidence files' ids in the hub's primary index. */
export const FILES_START = fileDocumentId('')
export const FILES_END = fileDocumentId('\ufff0')

/** A document holding an evidence file's bytes: not a row (the store keeps them apart from rows too). */
export type FileDocument = {
  _id: string
  table: 'files'
  id: string
  owner: string
  updatedBy: string
  _attachments: Record<typeof FILE, { content_type: string; data: string }>
}

/**
 * The document holding an evidence file's bytes (`data`, in base64: CouchDB's form, which PouchDB takes in the
 * browser and in Node alike), written as `account`, for the attachment's owner.
 */
export function fileDocument(attachment: { id: string; mime: string }, data: string, owner: string, account: string): FileDocument {
  return {
    _id: fileDocumentId(attachment.id),
    table: 'files',
    id: attachment.id,
    owner,
    updatedBy: account,
    _attachments: { [FILE]: { content_type: attachment.mime, data } },
  }
}

/** The tables whose rows belong to the account that created them: entries and their evidence. */
const OWNED: readonly DataTableName[] = ['entries', 'attachments']

/**
 * The document for a row written by `account`: stamped as theirs (the hub requires the author to be the
 * signed-in account), and an entry keeps the owner it was created with.
 */
export function toDocument(table: DataTableName, row: AnyRow, account: string, stored?: { owner?: unknown }): RowDocument {
  const doc: RowDocument = { ...(row as unknown as Record<string, unknown>), _id: documentId(table, row.id), table, updatedBy: account }
  if (OWNED.includes(table)) doc.owner = typeof stored?.owner === 'string' ? stored.owner : typeof doc.owner === 'string' ? doc.owner : account
  return doc
}

/** The table and row a document holds, or null for anything that is not a row (a design document, an audit record). */
export function fromDocument(doc: { _id: string; [field: string]: unknown }): { table: DataTableName; row: AnyRow } | null {
  const table = doc.table as DataTableName
  if (!DATA_TABLES.includes(table) || doc._id !== documentId(table, doc.id as string) || typeof doc.id !== 'string') return null
  if (typeof doc.updatedAt !== 'string' || typeof doc.updatedBy !== 'string' || (doc.deletedAt !== null && typeof doc.deletedAt !== 'string')) return null
  const row: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) if (!BOOKKEEPING.includes(key) && (key !== 'owner' || OWNED.includes(table))) row[key] = value
  return { table, row: row as unknown as AnyRow }
}

/** Two versions say the same thing: only their revision or write stamp differ (two devices uploading one backup). */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const content = (doc: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(doc)
        .filter((key) => !NOT_CONTENT.includes(key) && key !== 'updatedAt' && key !== 'updatedBy')
        .sort()
        .map((key) => [key, doc[key]]),
    )
  return content(a) === content(b)
}

/** A revision id's generation and hash, `3-abc…`. */
function revision(rev: string | undefined): [number, string] {
  const match = /^(\d+)-(.*)$/.exec(rev ?? '')
  return match ? [Number(match[1]), match[2]!] : [0, rev ?? '']
}

/** Orders versions: the later write, then the author, then the revision, so that ties still have one answer. */
function compareVersions(a: RowDocument, b: RowDocument): number {
  const at = String(a.updatedAt ?? '').localeCompare(String(b.updatedAt ?? ''))
  if (at !== 0) return at
  const by = String(a.updatedBy ?? '') < String(b.updatedBy ?? '') ? -1 : String(a.updatedBy ?? '') > String(b.updatedBy ?? '') ? 1 : 0
  if (by !== 0) return by
  const [genA, hashA] = revision(a._rev)
  const [genB, hashB] = revision(b._rev)
  return genA !== genB ? genA - genB : hashA < hashB ? -1 : hashA > hashB ? 1 : 0
}

/**
 * Which version of a document with conflicting versions every replica shows, and which it keeps in its conflict
 * log. The winner depends only on the set of versions, never on the order they arrived in, so every replica
 * that has the same versions shows the same one: the latest write (`updatedAt`), then the author's name, then
 * the revision. Versions that say the same as the winner are not conflicts worth logging.
 */
export function resolveVersions(versions: readonly RowDocument[]): { winner: RowDocument; losers: RowDocument[] } | null {
  const live = versions.filter((doc) => !doc._deleted)
  if (live.length === 0) return null
  const winner = live.reduce((best, doc) => (compareVersions(doc, best) > 0 ? doc : best))
  const seen = new Set<string>()
  const losers = live.filter((doc) => {
    if (doc === winner || sameContent(doc, winner)) return false
    const key = doc._rev ?? ''
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { winner, losers }
}
