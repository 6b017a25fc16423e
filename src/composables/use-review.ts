import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { storeToRefs } from 'pinia'
import { planReviews, planRows, readTotals, type PaceStorage, type ReviewRecord } from '@/db'
import { evaluateTotals, figuresDate, lateChanges, previousReview, reviewFigures, type CalendarDate, type Commitment, type Department, type Id, type Person, type Review, type ReviewFigures } from '@/domain'
import { useDirectoryStore } from '@/stores/directory'
import { useStorageStore } from '@/stores/storage'
import type { LedgerSource } from '@/export/ledger-input'
import { useLedgerExport } from './use-ledger-export'
import { useLiveQuery } from './use-live-query'
import { useToday } from './use-today'


/** A review with its plan's sections, commitments and day totals, and the plan's reviews, as stored now. */
async function readReview(storage: PaceStorage, id: Id) {
  const review = await storage.reviews.get(id)
  if (!review) return null
  const plan = await storage.plans.get(review.planId)
  if (!plan) return null
  const { sections, commitments } = await planRows(storage.db, plan.id)
  const totals = await readTotals(storage.db, commitments.map((c) => c.id))
  return { review, plan, sections, commitments, totals, reviews: await planReviews(storage.db, plan.id) }
}
type ReviewData = NonNullable<Awaited<ReturnType<typeof readReview>>>

/** The plan's figures as they stand now, evaluated at a date. */
function liveFiguresOf(d: ReviewData, departments: readonly Department[], people: readonly Person[], asOf: CalendarDate): ReviewFigures {
  return { plan: d.plan, sections: d.sections, commitments: d.commitments, departments, people, evaluations: evaluateTotals(d.plan.window, d.commitments, d.totals, asOf) }
}

/**
 * One review with what it shows: its own snapshot once frozen, else the plan's live figures at its date; the
 * previous review's figures to measure change against; and, for a frozen review, what has changed since (late
 * entries, edits). Live: an entry logged in another tab flags the change at once.
 */
export function useReview(reviewId: MaybeRefOrGetter<Id>) {
  const { storage } = useStorageStore()
  const { departments, people } = storeToRefs(useDirectoryStore())
  const today = useToday()
  const { data } = useLiveQuery(() => readReview(storage, toValue(reviewId)), undefined, { deps: () => toValue(reviewId) })

  const liveFigures = (asOf: CalendarDate) => (data.value ? liveFiguresOf(data.value, departments.value, people.value, asOf) : null)
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

/** What a review exports, with all its commitments: its figures (snapshot, or live at its date) and its notes. */
export function reviewSource(review: Review, figures: ReviewFigures, asOf: CalendarDate, selected: readonly Commitment[] = figures.commitments): LedgerSource {
  return { data: figures, evaluations: figures.evaluations, selected, departments: figures.departments, people: figures.people, asOf, review }
}

/** Exports any review straight from the list: read once, then the same Excel and Word the review page gives. */
export function useReviewExport() {
  const { storage } = useStorageStore()
  const { departments, people } = storeToRefs(useDirectoryStore())
  const today = useToday()
  const exporter = useLedgerExport()
  async function source(id: Id): Promise<LedgerSource | null> {
    const d = await readReview(storage, id)
    if (!d) return null
    const figures = reviewFigures(d.review, today.value, (asOf) => liveFiguresOf(d, departments.value, people.value, asOf))
    return figures && reviewSource(d.review, figures, figuresDate(d.review, today.value))
  }
  return {
    error: exporter.error,
    exportLedger: async (id: Id) => {
      const s = await source(id)
      if (s) await exporter.exportLedger(s)
    },
    exportReport: async (id: Id) => {
      const s = await source(id)
      if (s) await exporter.exportReviewReport(s)
    },
  }
}

/** A plan's reviews, latest period first; live. */
export function useReviewList(planId: MaybeRefOrGetter<Id | null | undefined>) {
  const { storage } = useStorageStore()
  return useLiveQuery<ReviewRecord[]>(
    async () => {
      const id = toValue(planId)
      return id ? planReviews(storage.db, id) : []
    },
    [],
    { deps: () => toValue(planId) },
  ).data
}
