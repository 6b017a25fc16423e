import { defineStore } from 'pinia'
import type { EntryAuthor, EntryRecord, RowWrite } from '@/db'
import { chinaDate, type Entry, type Id } from '@/domain'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

/** An entry as a form hands it in: the domain's fields, with an id when it is an edit. */
export type EntryInput = Omit<Entry, 'id'> & { id?: Id }

/**
 * Logging: save, edit and delete entries, each as one batch that undo reverts. New entries are stamped with who
 * logged them (department and person, from the identity) and the day; an edit keeps both.
 */
export const useEntriesStore = defineStore('entries', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()

  /** Who logs a new entry, and on which China day: the user (a person and their department), today. */
  const newAuthor = (): EntryAuthor => ({ departmentId: identity.identity?.departmentId ?? null, personId: identity.identity?.personId ?? null, loggedOn: chinaDate(Date.now()) })

  async function toRow(input: EntryInput): Promise<RowWrite> {
    const existing = input.id ? await storage.entries.get(input.id) : undefined
    const author: EntryAuthor = existing
      ? { departmentId: existing.departmentId, personId: existing.personId, loggedOn: existing.loggedOn, ...(existing.owner === undefined ? {} : { owner: existing.owner }) }
      : newAuthor()
    return { table: 'entries', row: { ...input, ...author } }
  }

  const writer = () => identity.requireWriter()

  return {
    /** Saves one entry (new or edited); returns the batch id for undo. */
    save: async (input: EntryInput) => storage.write({ writes: [await toRow(input)] }, writer()),
    /** Saves many entries at once (batch entry); all are validated first and nothing is stored if one fails. */
    saveAll: async (inputs: EntryInput[]) => storage.write({ writes: await Promise.all(inputs.map(toRow)) }, writer()),
    remove: (entry: EntryRecord) => storage.write({ removals: [{ table: 'entries', id: entry.id }] }, writer()),
    undo: (batch: string) => storage.undo(batch, writer()),
    newAuthor,
  }
})
