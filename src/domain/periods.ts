import { dayNumberOf, dayParts, type DayNumber } from './calendar'

/** Calendar periods a recurring commitment or a phasing counts by. Weeks start on Monday. */
export const PERIOD_UNITS = ['week', 'month', 'two_months', 'quarter', 'half_year', 'year'] as const
export type PeriodUnit = (typeof PERIOD_UNITS)[number]

/** A calendar period clipped to a window; `start` and `end` are inclusive day numbers. */
export interface Period {
  start: DayNumber
  end: DayNumber
}

/** The units that are whole months (every unit but the week), and how many months each spans. */
export type MonthlyUnit = Exclude<PeriodUnit, 'week'>
export const MONTHS_PER: Readonly<Record<MonthlyUnit, number>> = {
  month: 1,
  two_months: 2,
  quarter: 3,
  half_year: 6,
  year: 12,
}

/** First day of the calendar period of `unit` that contains `day`. */
function periodStart(day: DayNumber, unit: PeriodUnit): DayNumber {
  if (unit === 'week') {
    // 1970-01-01 was a Thursday: shift so that Monday is 0.
    const weekday = (((day + 3) % 7) + 7) % 7
    return day - weekday
  }
  const { year, month } = dayParts(day)
  const size = MONTHS_PER[unit]
  const firstMonth = Math.floor((month - 1) / size) * size + 1
  return dayNumberOf(year, firstMonth, 1)
}

function nextPeriodStart(start: DayNumber, unit: PeriodUnit): DayNumber {
  if (unit === 'week') return start + 7
  const { year, month } = dayParts(start)
  return dayNumberOf(year, month + MONTHS_PER[unit], 1)
}

/**
 * The calendar periods of `unit` that overlap [start, end], clipped to it, in order. A window that starts or
 * ends mid-period gets a shorter first or last period.
 */
export function periodsInWindow(start: DayNumber, end: DayNumber, unit: PeriodUnit): Period[] {
  const periods: Period[] = []
  let from = periodStart(start, unit)
  while (from <= end) {
    const next = nextPeriodStart(from, unit)
    periods.push({ start: Math.max(from, start), end: Math.min(next - 1, end) })
    from = next
  }
  return periods
}

/** Index of the period containing `day`, by binary search; -1 when outside all of them. */
export function periodIndexOf(periods: readonly Period[], day: DayNumber): number {
  let lo = 0
  let hi = periods.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const period = periods[mid] as Period
    if (day < period.start) hi = mid - 1
    else if (day > period.end) lo = mid + 1
    else return mid
  }
  return -1
}
