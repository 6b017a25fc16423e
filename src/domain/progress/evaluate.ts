import { toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { Commitment, Entry, Id } from '../model'
import { createTally, type Tally } from './tally'
import { DEFAULT_SETTINGS, type Evaluation, type EvaluationSettings } from './types'

/**
 * Evaluates every commitment of a plan as of a date, in one pass over the entries (each entry is routed to the
 * commitments it counts toward; no commitment scans the entry list). Entries for unknown commitments are ignored.
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
  for (const commitment of commitments) {
    tallies.set(commitment.id, createTally({ commitment, start, end, asOf: asOfDay, settings }))
  }
  for (const entry of entries) {
    const day = toDayNumber(entry.date)
    for (const id of entry.commitmentIds) tallies.get(id)?.add(entry, day)
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
