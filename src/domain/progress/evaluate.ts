import { toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { Commitment, Entry, Id } from '../model'
import { evaluateKind } from './kinds'
import { dayTotals, emptyTotals, type DayTotals } from './totals'
import { DEFAULT_SETTINGS, type Evaluation, type EvaluationSettings } from './types'

/**
 * Evaluates every commitment of a plan as of a date from its per-day totals (see `dayTotals`); a commitment
 * without totals has no entries. The cost grows with commitments and the days that have entries, not with entries.
 * This is the one way Pace evaluates: `evaluatePlan` builds the totals first.
 */
export function evaluateTotals(
  window: DateWindow,
  commitments: readonly Commitment[],
  totals: ReadonlyMap<Id, DayTotals>,
  asOf: CalendarDate,
  settings: EvaluationSettings = DEFAULT_SETTINGS,
): Map<Id, Evaluation> {
  const start = toDayNumber(window.start)
  const end = toDayNumber(window.end)
  const asOfDay = toDayNumber(asOf)
  const none = emptyTotals()
  const evaluations = new Map<Id, Evaluation>()
  for (const commitment of commitments) {
    evaluations.set(commitment.id, evaluateKind({ commitment, start, end, asOf: asOfDay, settings }, totals.get(commitment.id) ?? none))
  }
  return evaluations
}

/**
 * Evaluates every commitment of a plan as of a date from its entries: their day totals (one pass; entries for
 * unknown commitments are ignored), then `evaluateTotals`.
 */
export function evaluatePlan(
  window: DateWindow,
  commitments: readonly Commitment[],
  entries: Iterable<Entry>,
  asOf: CalendarDate,
  settings: EvaluationSettings = DEFAULT_SETTINGS,
): Map<Id, Evaluation> {
  const totals = dayTotals(entries, new Set(commitments.map((c) => c.id)))
  return evaluateTotals(window, commitments, totals, asOf, settings)
}
/** Evaluates one commitment; entries that do not count toward it are ignored. */
export function evaluateCommitment(
  window: DateWindow,
  commitment: Commitment,
  entries: Iterable<Entry>,
  asOf: CalendarDate,
  settings: EvaluationSettings = DEFAULT_SETTINGS,
): Evaluation {
  return evaluatePlan(window, [commitment], entries, asOf, settings).get(commitment.id) as Evaluation
}
