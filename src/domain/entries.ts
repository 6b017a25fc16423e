import { dayNumberOf, dayParts, toDayNumber, type CalendarDate, type DateWindow } from './calendar'
import type { EntryType, TargetKind } from './model'

/**
 * 补录: an entry is late when it was logged after the month of its date had ended, the point at which offices
 * close a month's 台账. Late entries count like any other; they are marked so a reader knows the figures for that
 * month moved after it closed.
 */
export function isLateEntry(date: CalendarDate, loggedOn: CalendarDate): boolean {
  const { year, month } = dayParts(toDayNumber(date))
  const monthEnd = dayNumberOf(year, month + 1, 1) - 1
  return toDayNumber(loggedOn) > monthEnd
}

/** The day a new entry starts on: the day being viewed, never after today or the plan's last day. */
export function defaultEntryDate(viewed: CalendarDate, today: CalendarDate, window: DateWindow): CalendarDate {
  return [viewed, today, window.end].sort()[0]!
}

/** What an entry for a target of this kind records: an activity's quantity, a measurement, or a stage done. */
export function entryTypeFor(kind: TargetKind): EntryType {
  if (kind === 'count' || kind === 'recurring') return 'quantity'
  return kind === 'milestone' ? 'milestone' : 'measurement'
}
