import type { Id } from '@/domain'
import type { PaceDatabase } from './database'

/** The rows that are not tombstones. */
export const live = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((row) => row.deletedAt === null)

/** The live sections and commitments of one plan (commitments in plan order). */
export async function planRows(db: PaceDatabase, planId: Id) {
  const [sections, commitments] = await Promise.all([
    db.sections.where('planId').equals(planId).toArray().then(live),
    db.commitments.where('planId').equals(planId).toArray().then(live),
  ])
  commitments.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  return { sections, commitments }
}

/** The live reviews of one plan, the latest period first (then the latest written). */
export async function planReviews(db: PaceDatabase, planId: Id) {
  const reviews = live(await db.reviews.where('planId').equals(planId).toArray())
  return reviews.sort((a, b) => b.asOf.localeCompare(a.asOf) || b.updatedAt.localeCompare(a.updatedAt))
}
