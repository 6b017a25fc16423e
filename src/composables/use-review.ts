import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { storeToRefs } from 'pinia'
import { live, planRows, readTotals, type ReviewRecord } from '@/db'
import { evaluateTotals, figuresDate, lateChanges, previousReview, reviewFigures, type CalendarDate, type Id, type Review, type ReviewFigures } from '@/domain'
import { useDirectoryStore } from '@/stores/directory'
import { useStorageStore } from '@/stores/storage'
import { useLiveQuery } from './use-live-query'
import { useToday } from './use-today'

/**
 * One review with what it shows: its own snapshot once frozen, else the plan's live figures at its date; the
 * previous review's figures to measure change against; and, for a frozen review, what has changed since (late
 * entries, edits). Live: an entry logged in another tab flags the change at once.
 */
export function useReview(reviewId: MaybeRefOrGetter<Id>) {
  const { storage } = useStorageStore()
  const { db } = storage
  const { departments, people } = storeToRefs(useDirectoryStore())
  const today = useToday()
  const { data } = useLiveQuery(
    async () => {
      const review = await storage.reviews.get(toValue(reviewId))
      if (!review) return null
      const plan = await storage.plans.get(review.planId)
      if (!plan) return null
      const { sections, commitments } = await planRows(db, plan.id)
      const totals = await readTotals(db, commitments.map((c) => c.id))
      const reviews = live(await db.reviews.where('planId').equals(plan.id).toArray())
      return { review, plan, sections, commitments, totals, reviews }
    },
    undefined,
    { deps: () => toValue(reviewId) },
  )

  /** The plan's figures as they stand now, evaluated at a date. */
  function liveFigures(asOf: CalendarDate): ReviewFigures | null {
    const d = data.value
    if (!d) return null
    return { plan: d.plan, sections: d.sections, commitments: d.commitments, departments: departments.value, people: people.value, evaluations: evaluateTotals(d.plan.window, d.commitments, d.totals, asOf) }
  }
  const figuresOf = (review: Review) => reviewFigures(review, today.value, liveFigures)

  const review = computed<ReviewRecord | null | undefined>(() => data.value && data.value.review)
  /** The date the review's figures are taken at (see `figuresDate`). */
  const asOf = computed(() => (review.value ? figuresDate(review.value, today.value) : null))
  const figures = computed(() => (review.value ? figuresOf(review.value) : null))
  const previous = computed(() => (data.value && review.value ? previousReview(data.value.reviews, review.value) : null))
  const previousFigures = computed(() => (previous.value ? figuresOf(previous.value) : null))
  const late = computed(() => {
    const r = review.value
    if (!r?.snapshot) return null
    return lateChanges(r.snapshot, liveFigures(r.snapshot.asOf)?.evaluations ?? new Map())
  })
  return { data, review, asOf, figures, previous, previousFigures, late, liveFigures }
}

/** A plan's reviews, latest period first; live. */
export function useReviewList(planId: MaybeRefOrGetter<Id | null | undefined>) {
  const { storage } = useStorageStore()
  return useLiveQuery<ReviewRecord[]>(
    async () => {
      const id = toValue(planId)
      if (!id) return []
      const rows = live(await storage.db.reviews.where('planId').equals(id).toArray())
      return rows.sort((a, b) => b.asOf.localeCompare(a.asOf) || b.updatedAt.localeCompare(a.updatedAt))
    },
    [],
    { deps: () => toValue(planId) },
  ).data
}
