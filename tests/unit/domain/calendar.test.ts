import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addDays,
  rolledDate,
  chinaDate,
  msToNextChinaDay,
  evaluateCommitment,
  fromDayNumber,
  isCalendarDate,
  periodsInWindow,
  toDayNumber,
  type PeriodUnit,
} from '@/domain'
import { YEAR_2025, commitment, qty } from './fixtures'

describe('calendar dates', () => {
  it.each([
    ['2025-03-12', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-1', false],
    ['2025-01-01T00:00', false],
    [20250101, false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected)
  })

  it.each([
    ['2025-01-01', 0, '2025-01-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-09', 1, '2025-03-10'], // a US daylight-saving change: no day lost or doubled
    ['2025-12-31', 1, '2026-01-01'],
  ])('%s + %i day(s) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
    expect(fromDayNumber(toDayNumber(date))).toBe(date)
  })
})

describe('toDayNumber', () => {
  it('agrees with the built-in calendar on every day from 1900 to 2100', () => {
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2100, 11, 31) / 86_400_000; day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10)
      if (toDayNumber(date) !== day) expect.fail(`${date} gave ${toDayNumber(date)}, not ${day}`)
    }
  })
})

describe('China time whatever the machine time zone', () => {
  const original = process.env.TZ
  beforeEach(() => {
    process.env.TZ = 'America/Los_Angeles'
  })
  afterEach(() => {
    process.env.TZ = original
  })

  it('runs this test in another zone for real', () => {
    expect(new Date(Date.UTC(2025, 0, 1, 12)).getTimezoneOffset()).toBe(480)
  })

  it.each([
    [Date.UTC(2025, 0, 1, 15, 59), '2025-01-01'],
    [Date.UTC(2025, 0, 1, 16, 0), '2025-01-02'],
    [Date.UTC(2024, 11, 31, 16, 0), '2025-01-01'],
    [Date.UTC(2025, 2, 9, 10, 0), '2025-03-09'],
    [Date.UTC(1969, 11, 31, 15, 59), '1969-12-31'],
    [Date.UTC(2099, 11, 31, 16, 0), '2100-01-01'],
  ])('instant %i is %s in China', (instant, expected) => {
    expect(chinaDate(instant)).toBe(expected)
  })

  it('agrees with the time-zone database on every instant since China stopped daylight saving (1992)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (instant) => chinaDate(instant) === zone.format(instant)), { numRuns: 2000 })
  })

  it.each([
    [Date.UTC(2025, 5, 15, 15, 30), 30 * 60_000], // 23:30 in Beijing
    [Date.UTC(2025, 5, 15, 16, 0), 86_400_000], // midnight exactly: a whole day to the next
    [Date.UTC(2025, 5, 15, 16, 0, 0, 1), 86_400_000 - 1],
    [Date.UTC(2025, 5, 15, 0, 0), 16 * 3_600_000], // 08:00 in Beijing
    [Date.UTC(1969, 11, 31, 12, 0), 4 * 3_600_000], // before 1970 (a negative instant): 20:00 in Beijing
  ])('from instant %i the next China day is %i ms away', (instant, expected) => {
    expect(msToNextChinaDay(instant)).toBe(expected)
    expect(chinaDate(instant + expected)).not.toBe(chinaDate(instant + expected - 1))
  })

  it('evaluates the same in Los Angeles as in Shanghai', () => {
    const entries = [qty('2025-03-09', 2), qty('2025-11-02', 3)]
    const inLosAngeles = evaluateCommitment(YEAR_2025, commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }), entries, '2025-11-02')
    process.env.TZ = 'Asia/Shanghai'
    const inShanghai = evaluateCommitment(YEAR_2025, commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }), entries, '2025-11-02')
    expect(inLosAngeles).toEqual(inShanghai)
    expect(inLosAngeles.expected).toBeCloseTo(306 / 365, 10)
  })
})

describe('periodsInWindow', () => {
  const span = (unit: PeriodUnit, start: string, end: string) =>
    periodsInWindow(toDayNumber(start), toDayNumber(end), unit).map((p) => `${fromDayNumber(p.start)}..${fromDayNumber(p.end)}`)

  it.each([
    ['year', '2025-01-01', '2025-12-31', ['2025-01-01..2025-12-31']],
    ['half_year', '2025-01-01', '2025-12-31', ['2025-01-01..2025-06-30', '2025-07-01..2025-12-31']],
    ['quarter', '2025-01-01', '2025-12-31', ['2025-01-01..2025-03-31', '2025-04-01..2025-06-30', '2025-07-01..2025-09-30', '2025-10-01..2025-12-31']],
    ['two_months', '2025-01-01', '2025-04-30', ['2025-01-01..2025-02-28', '2025-03-01..2025-04-30']],
    ['month', '2024-02-01', '2024-03-31', ['2024-02-01..2024-02-29', '2024-03-01..2024-03-31']],
    ['quarter', '2025-02-15', '2025-08-10', ['2025-02-15..2025-03-31', '2025-04-01..2025-06-30', '2025-07-01..2025-08-10']],
    ['week', '2025-01-01', '2025-01-14', ['2025-01-01..2025-01-05', '2025-01-06..2025-01-12', '2025-01-13..2025-01-14']],
  ] as const)('%s periods of %s..%s', (unit, start, end, expected) => {
    expect(span(unit, start, end)).toEqual(expected)
  })
})

describe('rolledDate', () => {
  it.each([
    ['2025-02-29', '2025-03-01'],
    ['2024-02-29', null],
    ['2025-13-01', '2026-01-01'],
    ['2025-04-31', '2025-05-01'],
    ['2025/2/30', '2025-03-02'],
    ['2025年2月29日', '2025-03-01'],
    ['2025-00-10', '2024-12-10'],
    ['2025-03-12', null],
    ['2025-3-1', null],
    ['不是日期', null],
    ['', null],
  ])('%s rolls to %s', (typed, rolled) => {
    expect(rolledDate(typed)).toBe(rolled)
  })
})
