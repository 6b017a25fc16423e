import { defineStore } from 'pinia'
import { entryRemoval, newId, type EntryAuthor, type EntryRecord, type FileWrite, type RowRemoval, type RowWrite } from '@/db'
import { chinaDate, type Entry, type Id } from '@/domain'
import type { PreparedEvidence } from '@/io/evidence-file'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

/** An entry as a form hands it in: the domain's fields, with an id when it is an edit. */
export type EntryInput = Omit<Entry, 'id'> & { id?: Id }

/** Evidence (佐证材料) added to an entry and removed from it, saved in the entry's own batch. */
export interface EvidenceChange {
  add: readonly PreparedEvidence[]
  remove: readonly Id[]
}
const NO_EVIDENCE: EvidenceChange = { add: [], remove: [] }

/**
 * Logging: save, edit and delete entries, each as one batch that undo reverts. New entries are stamped with who
 * logged them (department and person, from the identity) and the day; an edit keeps both.
 */
export const useEntriesStore = defineStore('entries', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()

  /** Who logs a new entry, and on which China day: the user (a person and their department), today. */
  const newAuthor = (): EntryAuthor => ({ departmentId: identity.identity?.departmentId ?? null, personId: identity.identity?.personId ?? null, loggedOn: chinaDate(Date.now()) })

  async function toRow(input: EntryInput): Promise<RowWrite & { table: 'entries' }> {
    const existing = input.id ? await storage.entries.get(input.id) : undefined
    const author: EntryAuthor = existing
      ? { departmentId: existing.departmentId, personId: existing.personId, loggedOn: existing.loggedOn, ...(existing.owner === undefined ? {} : { owner: existing.owner }) }
      : newAuthor()
    return { table: 'entries', row: { ...input, ...author } }
  }

  /** The rows, bytes and removals of an entry's evidence change; the evidence belongs to whoever owns the entry. */
  function evidenceWrites(entry: Pick<EntryRecord, 'id' | 'owner'>, { add, remove }: EvidenceChange) {
    const rows: RowWrite[] = []
    const files: FileWrite[] = []
    for (const { fields, file, thumbnail } of add) {
      const id = newId()
      rows.push({ table: 'attachments', row: { id, entryId: entry.id, ...fields, ...(entry.owner === undefined ? {} : { owner: entry.owner }) } })
      files.push({ id, file, thumbnail })
    }
    const removals: RowRemoval[] = remove.map((id) => ({ table: 'attachments', id }))
    return { rows, files, removals }
  }

  const writer = () => identity.requireWriter()

  return {
    /** Saves one entry (new or edited) with its evidence change, as one batch; returns the batch id for undo. */
    save: async (input: EntryInput, evidence: EvidenceChange = NO_EVIDENCE) => {
      const entry = await toRow({ ...input, id: input.id ?? newId() })
      const { rows, files, removals } = evidenceWrites(entry.row as EntryRecord, evidence)
      return storage.write({ writes: [entry, ...rows], files, removals }, writer())
    },
    /** Adds evidence to an entry already stored, or removes some of it, as one batch. */
    changeEvidence: (entry: Pick<EntryRecord, 'id' | 'owner'>, evidence: EvidenceChange) => {
      const { rows, files, removals } = evidenceWrites(entry, evidence)
      return storage.write({ writes: rows, files, removals }, writer())
    },
    /** Saves many entries at once (batch entry), each with its evidence; all are validated first and nothing is stored if one fails. */
    saveAll: async (inputs: readonly { input: EntryInput; evidence?: readonly PreparedEvidence[] }[]) => {
      const writes: RowWrite[] = []
      const files: FileWrite[] = []
      for (const { input, evidence = [] } of inputs) {
        const entry = await toRow({ ...input, id: input.id ?? newId() })
        const change = evidenceWrites(entry.row as EntryRecord, { add: evidence, remove: [] })
        writes.push(entry, ...change.rows)
        files.push(...change.files)
      }
      return storage.write({ writes, files }, writer())
    },
    /** Removes an entry and its evidence as one batch. */
    remove: (entry: EntryRecord) => storage.write(entryRemoval(entry.id), writer()),
    undo: (batch: string) => storage.undo(batch, writer()),
    newAuthor,
  }
})
