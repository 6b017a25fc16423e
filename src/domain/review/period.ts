import { dayNumberOf, fromDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { ReviewPeriod, ReviewPeriodUnit } from '../model'
import { MONTHS_PER as MONTHS } from '../periods'

/** How many periods of `unit` a calendar year has. */
export function periodsPerYear(unit: ReviewPeriodUnit): number {
  return 12 / MONTHS[unit]
}

/** The calendar days of a period: 2025 Q3 is 2025-07-01..2025-09-30. */
export function periodWindow(period: ReviewPeriod): DateWindow {
  const size = MONTHS[period.unit]
  const firstMonth = (period.index - 1) * size + 1
  return {
    start: fromDayNumber(dayNumberOf(period.year, firstMonth, 1)),
    end: fromDayNumber(dayNumberOf(period.year, firstMonth + size, 1) - 1),
  }
}

/** The period of `unit` that contains `date`. */
export function periodOf(unit: ReviewPeriodUnit, date: CalendarDate): ReviewPeriod {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return { unit, year, index: Math.floor((month - 1) / MONTHS[unit]) + 1 }
}

/** The periods of `unit` that overlap a plan's window, in order. */
export function reviewPeriods(window: DateWindow, unit: ReviewPeriodUnit): ReviewPeriod[] {
  const periods: ReviewPeriod[] = []
  let period = periodOf(unit, window.start)
  while (periodWindow(period).start <= window.end) {
    periods.push(period)
    period = period.index === periodsPerYear(unit) ? { unit, year: period.year + 1, index: 1 } : { ...period, index: period.index + 1 }
  }
  return periods
}

/** A review's `periodEnd`: the period's last day, kept inside the plan's window. */
export function reviewPeriodEnd(period: ReviewPeriod, window: DateWindow): CalendarDate {
  const { end } = periodWindow(period)
  if (end > window.end) return window.end
  return end < window.start ? window.start : end
}

/**
 * The period a new review most likely covers on `today`: the last one of `unit` that has ended, or the first of
 * the plan when none has ended yet, or the last when the plan is over.
 */
export function suggestedPeriod(window: DateWindow, unit: ReviewPeriodUnit, today: CalendarDate): ReviewPeriod {
  const periods = reviewPeriods(window, unit)
  const ended = periods.filter((p) => periodWindow(p).end < today)
  return ended.at(-1) ?? periods[0] ?? periodOf(unit, window.start)
}

/** True when two periods are the same. */
export function samePeriod(a: ReviewPeriod, b: ReviewPeriod): boolean {
  return a.unit === b.unit && a.year === b.year && a.index === b.index
}
