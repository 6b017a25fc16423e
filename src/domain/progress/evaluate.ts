import { toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { Commitment, Entry, Id } from '../model'
import { createTally, type Tally } from './tally'
import { emptyTotals, type DayTotals } from './totals'
import { DEFAULT_SETTINGS, type Evaluation, type EvaluationSettings } from './types'

/**
 * Evaluates every commitment of a plan as of a date from its per-day totals (see `dayTotals`); a commitment
 * without totals has no entries. The cost grows with commitments and the days that have entries, not with entries.
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
    const tally = createTally({ commitment, start, end, asOf: asOfDay, settings })
    const days = totals.get(commitment.id) ?? none
    for (let i = 0; i < days.days.length && days.days[i]! <= asOfDay; i++) tally.addDay(days, i)
    evaluations.set(commitment.id, tally.finish())
  }
  return evaluations
}

/**
 * Evaluates every commitment of a plan as of a date, in one pass over the entries (each entry is routed to the
 * commitments it counts toward; no commitment scans the entry list). Entries for unknown commitments are ignored.
 * Gives the same as `evaluateTotals` over `dayTotals(entries)`, without building the totals.
 */
export function evaluatePlan(
  window: DateWindow,
  commitments: readonly Commitment[],
  entries: Iterable<Entry>,
  asOf: CalendarDate,
  settings: EvaluationSettings = DEFAULT_SETTINGS,
): Map<Id, Evaluation> {
  const start = toDayNumber(window.start)
  const end = toDayNumber(window.end)
  const asOfDay = toDayNumber(asOf)
  const tallies = new Map<Id, Tally>()
  for (const commitment of commitments) tallies.set(commitment.id, createTally({ commitment, start, end, asOf: asOfDay, settings }))
  for (const entry of entries) {
    const day = toDayNumber(entry.date)
    const ids = entry.commitmentIds
    // An id listed twice counts once, as in the day totals.
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids.indexOf(ids[i]!) === i) tallies.get(ids[i]!)?.add(entry, day)
  }
  const evaluations = new Map<Id, Evaluation>()
  for (const [id, tally] of tallies) evaluations.set(id, tally.finish())
  return evaluations
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
