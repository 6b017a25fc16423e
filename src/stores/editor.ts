import { defineStore } from 'pinia'
import type { CommitmentRecord, RowWrite, SectionRecord } from '@/db'
import { removeCommitments, removeSection } from '@/db/plans'
import { reorder, type Commitment, type Id, type Section } from '@/domain'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

/** The plan editor's writes: sections and commitments, each change one batch that undo reverts. */
export const useEditorStore = defineStore('editor', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  const writer = () => identity.requireWriter()

  /** Moves a section or commitment among its siblings; every changed order is written in one batch. */
  function move<T extends SectionRecord | CommitmentRecord>(table: 'sections' | 'commitments', siblings: T[], id: Id, delta: -1 | 1) {
    const changes = reorder(siblings, id, delta)
    const writes = siblings.filter((s) => changes.has(s.id)).map((s) => ({ table, row: { ...s, order: changes.get(s.id)! } }) as RowWrite)
    return storage.write({ writes }, writer())
  }

  return {
    saveSection: (section: Omit<Section, 'id'> & { id?: Id }) => storage.write({ writes: [{ table: 'sections', row: section }] }, writer()),
    saveCommitment: (commitment: Commitment) => storage.write({ writes: [{ table: 'commitments', row: commitment }] }, writer()),
    removeSection: (section: SectionRecord) => removeSection(storage, section, writer()),
    removeCommitment: (commitment: CommitmentRecord) => removeCommitments(storage, [commitment], writer()),
    moveSection: (siblings: SectionRecord[], id: Id, delta: -1 | 1) => move('sections', siblings, id, delta),
    moveCommitment: (siblings: CommitmentRecord[], id: Id, delta: -1 | 1) => move('commitments', siblings, id, delta),
    undo: (batch: string) => storage.undo(batch, writer()),
  }
})
