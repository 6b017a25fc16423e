import { defineStore } from 'pinia'
import { newId, StorageError } from '@/db'
import { freezeFigures, type CalendarDate, type Review, type ReviewFigures } from '@/domain'
import { useIdentityStore } from './identity'
import { useStorageStore } from './storage'

/** Review meetings' writes: each one batch that undo reverts. */
export const useReviewsStore = defineStore('reviews', () => {
  const { storage } = useStorageStore()
  const identity = useIdentityStore()
  const writer = () => identity.requireWriter()
  /** Writes a review (checked against its plan, and a frozen snapshot against the stored one); returns the batch. */
  const save = (review: Review) => storage.write({ writes: [{ table: 'reviews', row: review }] }, writer())
  /**
   * Changes the review as stored when the write runs: the read and the write are one transaction, so two quick
   * edits (or another tab's) never overwrite each other, and a review frozen meanwhile is checked as frozen.
   */
  function update(id: string, change: (review: Review) => Review): Promise<string> {
    return storage.write(async ({ stored }) => {
      const review = await stored('reviews', id)
      if (!review) throw new StorageError('notFound')
      return { writes: [{ table: 'reviews', row: change(review) }] }
    }, writer())
  }

  return {
    update,
    /** Creates an unfrozen review with nothing recorded yet; returns its id. */
    async create(review: Omit<Review, 'id' | 'notes' | 'snapshot' | 'decisions'>): Promise<string> {
      const id = newId()
      await save({ ...review, id, decisions: '', notes: [], snapshot: null })
      return id
    },
    /** Stores the figures shown as the review's snapshot: later edits and late entries no longer change them. */
    freeze: (id: string, figures: ReviewFigures, asOf: CalendarDate) => update(id, (review) => ({ ...review, snapshot: freezeFigures(figures, new Date().toISOString(), asOf) })),
    remove: (review: Review) => storage.write({ removals: [{ table: 'reviews', id: review.id }] }, writer()),
    undo: (batch: string) => storage.undo(batch, writer()),
  }
})
