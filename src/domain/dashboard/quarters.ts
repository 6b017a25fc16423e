import { fromDayNumber, toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { Commitment, Id } from '../model'
import { periodsInWindow } from '../periods'
import { evaluateTotals } from '../progress/evaluate'
import type { DayTotals } from '../progress/totals'
import { DEFAULT_SETTINGS, type EvaluationSettings, type Status } from '../progress/types'

/** A quarter of the plan's window, judged at its end, or at "as of" while it is under way. */
export interface QuarterColumn {
  /** 1..4 for a calendar-year window; windows that start mid-year count from their first quarter. */
  index: number
  /** The quarter's end, or "as of" while the quarter is under way. */
  judgedOn: CalendarDate
  /** The quarter is under way on "as of": judged on "as of", not at its end. */
  partial: boolean
  /** The quarter has begun by "as of"; later quarters have no statuses yet. */
  begun: boolean
}

export interface QuarterMatrix {
  quarters: QuarterColumn[]
  /** Per commitment, the status at each quarter's column; null for quarters that have not begun by "as of". */
  statuses: Map<Id, (Status | null)[]>
}

/** Every commitment's status at the end of each quarter up to "as of": the review history at a glance. */
export function quarterMatrix(
  window: DateWindow,
  commitments: readonly Commitment[],
  totals: ReadonlyMap<Id, DayTotals>,
  asOf: CalendarDate,
  settings: EvaluationSettings = DEFAULT_SETTINGS,
): QuarterMatrix {
  const asOfDay = toDayNumber(asOf)
  const periods = periodsInWindow(toDayNumber(window.start), toDayNumber(window.end), 'quarter')
  const quarters: QuarterColumn[] = periods.map((p, i) => {
    const begun = p.start <= asOfDay
    return { index: i + 1, judgedOn: fromDayNumber(begun ? Math.min(p.end, asOfDay) : p.end), partial: begun && asOfDay < p.end, begun }
  })
  const statuses = new Map<Id, (Status | null)[]>(commitments.map((c) => [c.id, []]))
  for (const quarter of quarters) {
    const evaluations = quarter.begun ? evaluateTotals(window, commitments, totals, quarter.judgedOn, settings) : null
    for (const c of commitments) statuses.get(c.id)!.push(evaluations?.get(c.id)?.status ?? null)
  }
  return { quarters, statuses }
}
