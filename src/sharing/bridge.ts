/// <reference types="pouchdb-core" />
import {
  applyPulled,
  DATA_TABLES,
  finishAllRows,
  readCheckpoint,
  readFiles,
  readOutgoing,
  readRowsPage,
  recordSent,
  thumbnailsWanted,
  type AttachmentRecord,
  type Outgoing,
  type PaceDatabase,
  type Pulled,
} from '@/db'
import { inlineImageType } from '@/io/evidence-type'
import { documentId, fileDocument, fileDocumentId, fromDocument, resolveVersions, sameContent, THUMBNAIL, toDocument, type RowDocument } from './documents'

/**
 * The bridge between the store the screens read (Dexie) and this device's replica of the shared dataset (a
 * PouchDB database that PouchDB's replicator keeps in step with the hub). Both directions are local, so they work
 * offline; the network is the replicator's business.
 *
 * - `send` moves the outbox into the replica: each row is written on top of the revision it was based on. When
 *   the replica has moved on meanwhile (a change pulled from the hub), the row is added as a second version
 *   beside it, exactly as CouchDB records two devices' edits, and every replica then resolves it the same way.
 * - `pull` applies the replica's changes feed to the store, resolving conflicting versions deterministically.
 */

/** The part of a PouchDB database the bridge uses (so tests can hand in any adapter). */
export type Replica = PouchDB.Database<Record<string, unknown>>

const PAGE = 250
/** Changes pulled from the replica into the store per transaction. */
const PULL_PAGE = 1000

/** A revision id for a version written with new_edits=false: CouchDB's shape, a generation and 32 hex digits. */
function newRevisionHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The ancestry of `rev` (newest first) as the replica's revision tree knows it, or null if it does not. */
async function ancestry(replica: Replica, id: string, rev: string): Promise<{ start: number; ids: string[] } | null> {
  const [gen, hash] = [Number(rev.split('-')[0]), rev.slice(rev.indexOf('-') + 1)]
  const leaves = await replica.get(id, { open_revs: 'all', revs: true })
  for (const leaf of leaves) {
    const revisions = 'ok' in leaf ? (leaf.ok as { _revisions?: { start: number; ids: string[] } })._revisions : undefined
    if (!revisions) continue
    const at = revisions.ids.indexOf(hash)
    if (at >= 0 && revisions.start - at === gen) return { start: gen, ids: revisions.ids.slice(at) }
  }
  return null
}

/** Adds `doc` as a new version on top of `base` (or as a first version), beside whatever the replica has now. */
async function addBeside(replica: Replica, doc: RowDocument, base: string | undefined): Promise<string> {
  const parent = base ? await ancestry(replica, doc._id, base) : null
  const start = (parent?.start ?? 0) + 1
  const hash = newRevisionHash()
  const rev = `${start}-${hash}`
  const { _rev: _ignored, ...body } = doc
  await replica.bulkDocs([{ ...body, _rev: rev, _revisions: { start, ids: [hash, ...(parent?.ids ?? [])] } }], { new_edits: false })
  return rev
}

/**
 * The evidence of the attachments among these documents: each one's thumbnail goes on its document (kept as the
 * replica has it when this device holds none), and a live attachment's file, when this device holds it, on a
 * document of its own, written once.
 */
async function withEvidence(db: PaceDatabase, replica: Replica, docs: readonly { doc: RowDocument; stored?: RowDocument }[], account: string) {
  const evidence = docs.filter(({ doc }) => doc.table === 'attachments')
  if (evidence.length === 0) return
  const held = await readFiles(db, evidence.map(({ doc }) => doc.id as string))
  for (const [i, { doc, stored }] of evidence.entries()) {
    const thumbnail = held[i]?.thumbnail
    if (thumbnail) doc._attachments = { [THUMBNAIL]: { content_type: thumbnail.type || 'image/jpeg', data: await base64Of(thumbnail) } }
    else if (stored?._attachments) doc._attachments = stored._attachments
  }
  const files = evidence.flatMap(({ doc }, i) => {
    const file = held[i]?.file
    return file && doc.deletedAt === null ? [{ doc: doc as unknown as AttachmentRecord, file }] : []
  })
  if (files.length === 0) return
  const there = await replica.allDocs({ keys: files.map(({ doc }) => fileDocumentId(doc.id)) })
  const missing = files.filter((_, i) => !('value' in there.rows[i]! && there.rows[i].value))
  // Written once: a conflict means another write of the same bytes got there first.
  for (const { doc, file } of missing) await replica.bulkDocs([fileDocument(doc, await base64Of(file), doc.owner ?? account, account)])
}

/** A blob's bytes in base64, as CouchDB's documents carry attachments inline. */
async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** Writes a page of outgoing rows into the replica; returns what to record as sent. */
async function sendPage(db: PaceDatabase, replica: Replica, items: readonly Outgoing[], account: string) {
  const present = items.filter((item) => item.row !== undefined)
  const ids = present.map((item) => documentId(item.record.table as (typeof DATA_TABLES)[number], item.record.rowId))
  const current = ids.length > 0 ? await replica.allDocs({ keys: ids, include_docs: true }) : { rows: [] }
  const sent: { record: Outgoing['record']; rev: string; pending: boolean }[] = []
  const updates: { item: Outgoing; doc: RowDocument }[] = []
  const beside: { item: Outgoing; doc: RowDocument }[] = []
  const docs = present.map((item, i) => {
    const found = current.rows[i] as { doc?: RowDocument | null; value?: { rev: string; deleted?: boolean } } | undefined
    const stored = found?.doc ?? undefined
    return { item, found, stored, doc: toDocument(item.record.table as (typeof DATA_TABLES)[number], item.row!, account, stored) }
  })
  await withEvidence(db, replica, docs, account)
  docs.forEach(({ item, found, stored, doc }) => {
    if (stored && sameContent(stored, doc) && stored.updatedAt === doc.updatedAt) sent.push({ record: item.record, rev: stored._rev!, pending: false })
    else if (!stored && !found?.value) updates.push({ item, doc })
    else if (stored && item.base === stored._rev) updates.push({ item, doc: { ...doc, _rev: stored._rev } })
    else beside.push({ item, doc })
  })
  if (updates.length > 0) {
    const results = await replica.bulkDocs(updates.map((u) => u.doc))
    results.forEach((result, i) => {
      if ('ok' in result && result.ok) sent.push({ record: updates[i]!.item.record, rev: result.rev, pending: true })
      else beside.push(updates[i]!) // the replicator wrote this document meanwhile
    })
  }
  for (const { item, doc } of beside) sent.push({ record: item.record, rev: await addBeside(replica, doc, item.base), pending: true })
  // Rows gone from the store (a restore replaced them) are no longer anyone's to send.
  for (const item of items) if (item.row === undefined) sent.push({ record: item.record, rev: item.base ?? '', pending: false })
  return sent
}

/**
 * Sends what the outbox holds into the replica, as `account`; after a restore (the 'every row' marker), every
 * row whose content the replica does not already have. Returns the number of rows written.
 */
export async function send(db: PaceDatabase, replica: Replica, account: string): Promise<number> {
  let written = 0
  const { all } = await readOutgoing(db, 0)
  if (all) {
    for (const table of DATA_TABLES) {
      let after: string | null = null
      for (;;) {
        const page = await readRowsPage(db, table, after, PAGE)
        if (page.length === 0) break
        const sent = await sendPage(db, replica, page, account)
        await recordSent(db, sent)
        written += sent.filter((s) => s.pending).length
        after = page[page.length - 1]!.record.rowId
      }
    }
    await finishAllRows(db, all)
  }
  for (;;) {
    const { rows } = await readOutgoing(db, PAGE)
    if (rows.length === 0) break
    const sent = await sendPage(db, replica, rows, account)
    await recordSent(db, sent)
    written += sent.filter((s) => s.pending).length
  }
  return written
}

/** The versions of a changed document: the one PouchDB returned and any it is in conflict with. */
async function versionsOf(replica: Replica, doc: RowDocument): Promise<RowDocument[]> {
  if (!doc._conflicts?.length) return [doc]
  const others = await replica.get(doc._id, { open_revs: doc._conflicts })
  return [doc, ...others.flatMap((o) => ('ok' in o ? [o.ok as unknown as RowDocument] : []))]
}

/** Bytes as PouchDB hands an attachment out: a Blob in the browser, a Buffer in Node. */
async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : new Uint8Array(data)
}

/**
 * The thumbnails of these pulled attachments that this device lacks, read from the replica. A thumbnail is stored
 * only as the image its bytes are (a document saying image/jpeg over markup brings none): it is shown inline.
 */
async function pulledThumbnails(db: PaceDatabase, replica: Replica, pulled: readonly Pulled[]): Promise<Pulled[]> {
  const carrying = pulled.filter((p) => p.table === 'attachments' && p.thumbnail === undefined)
  const wanted = carrying.length > 0 ? await thumbnailsWanted(db, carrying.map((p) => p.row.id)) : new Set<string>()
  return Promise.all(
    pulled.map(async (p) => {
      if (!wanted.has(p.row.id) || p.table !== 'attachments') return p
      const data = await replica.getAttachment(documentId('attachments', p.row.id), THUMBNAIL, { rev: p.rev }).catch(() => null)
      const bytes = data ? await bytesOf(data as Blob | Uint8Array) : null
      const type = bytes ? inlineImageType(bytes.subarray(0, 64)) : null
      return bytes && type ? { ...p, thumbnail: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }) } : p
    }),
  )
}

/** Pulls the replica's changes since the stored checkpoint into the store, a page at a time. Returns rows applied. */
export async function pull(db: PaceDatabase, replica: Replica, now: () => Date = () => new Date()): Promise<number> {
  let applied = 0
  let since = await readCheckpoint(db)
  for (;;) {
    const changes = await replica.changes({ since, limit: PULL_PAGE, include_docs: true, conflicts: true })
    if (changes.results.length === 0) break
    const pulled: Pulled[] = []
    for (const change of changes.results) {
      const doc = change.doc as RowDocument | undefined
      if (!doc || doc._id.startsWith('_design/')) continue
      const resolved = resolveVersions(await versionsOf(replica, doc))
      const winner = resolved && fromDocument(resolved.winner)
      if (!resolved || !winner) continue
      const losers = resolved.losers.flatMap((loser) => {
        const row = fromDocument(loser)?.row
        return row ? [{ rev: loser._rev!, row }] : []
      })
      pulled.push({ ...winner, rev: resolved.winner._rev!, losers })
    }
    applied += await applyPulled(db, await pulledThumbnails(db, replica, pulled), changes.last_seq, now().toISOString())
    since = changes.last_seq
    if (changes.results.length < PULL_PAGE) break
  }
  return applied
}
