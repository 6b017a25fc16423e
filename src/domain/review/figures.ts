import type { CalendarDate } from '../calendar'
import type { Commitment, Department, Id, Person, Plan, Review, ReviewNote, ReviewSnapshot, Section } from '../model'
import type { Evaluation, Status } from '../progress/types'
import type { TextLocale } from '../locale'
import { narrativeText } from '../text/report-text'

/** What a review shows: the plan's rows and each commitment's evaluation at the review's date. */
export interface ReviewFigures {
  plan: ReviewSnapshot['plan']
  sections: readonly Section[]
  commitments: readonly Commitment[]
  departments: readonly Department[]
  people: readonly Person[]
  evaluations: ReadonlyMap<Id, Evaluation>
}

/** The snapshot a freeze stores: the figures at `asOf`, with only the departments and people its commitments name. */
export function freezeFigures(figures: ReviewFigures, frozenAt: string, asOf: CalendarDate): ReviewSnapshot {
  const named = new Set(figures.commitments.flatMap((c) => [c.leadDepartmentId, ...c.coDepartmentIds, c.leaderId, c.ownerId]))
  const plan: Pick<Plan, 'name' | 'organisation' | 'window'> = { name: figures.plan.name, organisation: figures.plan.organisation, window: figures.plan.window }
  return {
    frozenAt,
    asOf,
    plan,
    sections: [...figures.sections],
    commitments: [...figures.commitments],
    departments: figures.departments.filter((d) => named.has(d.id)),
    people: figures.people.filter((p) => named.has(p.id)),
    evaluations: figures.commitments.flatMap((c) => figures.evaluations.get(c.id) ?? []),
  }
}

/** A frozen review's figures, as the meeting saw them. */
export function snapshotFigures(snapshot: ReviewSnapshot): ReviewFigures {
  return { ...snapshot, evaluations: new Map(snapshot.evaluations.map((e) => [e.commitmentId, e])) }
}

/**
 * The date a review's figures are taken at: its snapshot's once frozen; else the period's end, or today while the
 * period has not ended (a meeting on the 25th sees the month so far, not a guess at its end).
 */
export function figuresDate(review: Pick<Review, 'periodEnd' | 'snapshot'>, today: CalendarDate): CalendarDate {
  if (review.snapshot) return review.snapshot.asOf
  return review.periodEnd < today ? review.periodEnd : today
}

/**
 * The figures a review shows: its snapshot once frozen, else the live ones at `figuresDate`. `live` is asked for
 * only when needed.
 */
export function reviewFigures(review: Review, today: CalendarDate, live: (asOf: CalendarDate) => ReviewFigures | null): ReviewFigures | null {
  return review.snapshot ? snapshotFigures(review.snapshot) : live(figuresDate(review, today))
}

/** A figure's change between two evaluations of one commitment; null when either has none or the kind changed. */
export function figureChange(current: Evaluation | undefined, previous: Evaluation | undefined): number | null {
  if (!current || !previous || current.kind !== previous.kind || current.actual === null || previous.actual === null) return null
  return current.actual - previous.actual
}

/** Figures closer than this are the same (sums of decimal quantities). */
const EPSILON = 1e-9

/** How one commitment's live figures differ from what a frozen review saw. */
export type LateChange = { kind: 'changed'; actual: number | null; status: Status } | { kind: 'removed' }

/**
 * What has changed since a review was frozen (late entries, edits, deletions), by commitment: the live figures
 * where they differ from the snapshot. `added` lists commitments the plan has gained since.
 */
export function lateChanges(snapshot: ReviewSnapshot, live: ReadonlyMap<Id, Evaluation>): { changes: Map<Id, LateChange>; added: Id[] } {
  const changes = new Map<Id, LateChange>()
  const frozen = new Set<Id>()
  for (const before of snapshot.evaluations) {
    frozen.add(before.commitmentId)
    const now = live.get(before.commitmentId)
    if (!now) {
      changes.set(before.commitmentId, { kind: 'removed' })
      continue
    }
    const sameActual = before.actual === null || now.actual === null ? before.actual === now.actual : Math.abs(before.actual - now.actual) < EPSILON
    if (!sameActual || before.status !== now.status || before.kind !== now.kind || Math.abs(before.target - now.target) > EPSILON) {
      changes.set(before.commitmentId, { kind: 'changed', actual: now.actual, status: now.status })
    }
  }
  return { changes, added: [...live.keys()].filter((id) => !frozen.has(id)) }
}

/** The review of the same plan just before this one (the latest earlier date), to compare figures with. */
export function previousReview<R extends Review>(reviews: readonly R[], review: Review): R | null {
  let best: R | null = null
  for (const r of reviews) {
    if (r.planId !== review.planId || r.id === review.id || r.periodEnd >= review.periodEnd) continue
    if (!best || r.periodEnd > best.periodEnd || (r.periodEnd === best.periodEnd && (r.snapshot ? 1 : 0) > (best.snapshot ? 1 : 0))) best = r
  }
  return best
}

/** The meeting's note on a commitment; an empty one when nothing was recorded. */
export function noteOf(review: Pick<Review, 'notes'>, commitmentId: Id): ReviewNote {
  return review.notes.find((n) => n.commitmentId === commitmentId) ?? { commitmentId, narrative: null, problems: '', nextSteps: '' }
}

/** The notes with one replaced (or added); a note that says nothing is dropped, so notes only hold what was written. */
export function withNote(notes: readonly ReviewNote[], note: ReviewNote): ReviewNote[] {
  const empty = note.narrative === null && note.problems.trim() === '' && note.nextSteps.trim() === ''
  const others = notes.filter((n) => n.commitmentId !== note.commitmentId)
  if (empty) return others
  const at = notes.findIndex((n) => n.commitmentId === note.commitmentId)
  return at < 0 ? [...others, note] : [...others.slice(0, at), note, ...others.slice(at)]
}

/** 进展情况 as the review shows it: the meeting's own words, or the text generated from the figures. */
export function reviewNarrative(note: ReviewNote, commitment: Commitment, evaluation: Evaluation, locale: TextLocale): string {
  return note.narrative ?? narrativeText(commitment, evaluation, locale)
}

/** One commitment in a comparison of two reviews. */
export interface ComparedCommitment {
  commitment: Commitment
  before: Evaluation | undefined
  after: Evaluation | undefined
  change: number | null
}

/**
 * Two reviews side by side: every commitment either saw, in the later review's order, then those only the earlier
 * one had. `before` is the earlier review's figures.
 */
export function compareReviews(before: ReviewFigures, after: ReviewFigures): ComparedCommitment[] {
  const inAfter = new Set(after.commitments.map((c) => c.id))
  const rows = [...after.commitments, ...before.commitments.filter((c) => !inAfter.has(c.id))]
  return rows.map((commitment) => {
    const b = before.evaluations.get(commitment.id)
    const a = after.evaluations.get(commitment.id)
    return { commitment, before: b, after: a, change: figureChange(a, b) }
  })
}
