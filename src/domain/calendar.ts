/**
 * Calendar dates as Pace stores them: 'YYYY-MM-DD' strings, meaning a day in China (Asia/Shanghai), whatever the
 * machine's time zone. Arithmetic runs on day numbers (days since 1970-01-01), computed with UTC so no local
 * time zone or daylight-saving rule can shift a day.
 */
export type CalendarDate = string

/** Days since 1970-01-01 for a calendar date. */
export type DayNumber = number

const MS_PER_DAY = 86_400_000
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-29, 2025-13-01, '2025-1-1'). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false
  const match = DATE_PATTERN.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A date as people type it: 2025-02-29, 2025/2/29, 2025.2.29, 2025年2月29日. */
const TYPED_DATE = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/

/**
 * The day a lenient date parser rolls typed text to when it names a day that does not exist (2025-02-29 →
 * 2025-03-01, 2025-13-01 → 2026-01-01), so a field can refuse the rolled date; null when the text is a real date
 * or no date at all.
 */
export function rolledDate(typed: string): CalendarDate | null {
  const match = TYPED_DATE.exec(typed)
  if (!match) return null
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return null
  return date.toISOString().slice(0, 10)
}

const digit = (text: string, at: number) => text.charCodeAt(at) - 48

/**
 * Day number of a 'YYYY-MM-DD' date. The caller guarantees the format (validated at the boundary). Reads the
 * digits and applies the proleptic Gregorian day count (H. Hinnant's days_from_civil) with no allocation: the
 * engine calls this once per entry, 200,000 times for a big plan.
 */
export function toDayNumber(date: CalendarDate): DayNumber {
  const month = digit(date, 5) * 10 + digit(date, 6)
  const day = digit(date, 8) * 10 + digit(date, 9)
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3) - (month <= 2 ? 1 : 0)
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

export function fromDayNumber(day: DayNumber): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Year, month (1-12) and day of month of a day number. */
export function dayParts(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

/** China keeps UTC+8 all year (no daylight saving since 1992). */
const CHINA_OFFSET_MS = 8 * 3_600_000

/**
 * The calendar date in China at an instant (milliseconds since the epoch), e.g. for "today" passed in by the UI.
 * Plain arithmetic on the fixed offset: an Intl formatter for Asia/Shanghai costs a time-zone database load at
 * start-up (some 15 ms, 60 ms on a phone) for the same answer.
 */
export function chinaDate(instant: number): CalendarDate {
  return new Date(instant + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** Milliseconds from an instant to the next midnight in China, when "today" turns into the next day (1..86,400,000). */
export function msToNextChinaDay(instant: number): number {
  return MS_PER_DAY - ((((instant + CHINA_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY)
}

/** An inclusive span of calendar days, e.g. a plan's window 2025-01-01..2025-12-31. */
export interface DateWindow {
  start: CalendarDate
  end: CalendarDate
}
