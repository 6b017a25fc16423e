import { describe, expect, it } from 'vitest'
import { defaultEntryDate, entryTypeFor, isLateEntry, type TargetKind } from '@/domain'

describe('isLateEntry (补录)', () => {
  it.each([
    ['logged the same day', '2025-03-12', '2025-03-12', false],
    ['logged later in the same month', '2025-03-01', '2025-03-31', false],
    ['logged the day after the month ended', '2025-03-31', '2025-04-01', true],
    ['logged months later', '2025-01-15', '2025-06-30', true],
    ['February of a leap year, logged on the 29th', '2024-02-03', '2024-02-29', false],
    ['December, logged in the new year', '2025-12-31', '2026-01-01', true],
    ['logged before its date (a plan entered ahead)', '2025-05-10', '2025-05-01', false],
  ])('%s', (_name, date, loggedOn, late) => {
    expect(isLateEntry(date, loggedOn)).toBe(late)
  })
})

describe('entryTypeFor', () => {
  it.each<[TargetKind, string]>([
    ['count', 'quantity'],
    ['recurring', 'quantity'],
    ['level', 'measurement'],
    ['ratio', 'measurement'],
    ['percent_change', 'measurement'],
    ['milestone', 'milestone'],
  ])('%s → %s', (kind, type) => expect(entryTypeFor(kind)).toBe(type))
})

describe('defaultEntryDate', () => {
  const year = { start: '2025-01-01', end: '2025-12-31' }
  it.each([
    ['today, in a current plan', '2025-06-30', '2025-06-30', '2025-06-30'],
    ['the day travelled back to', '2025-03-31', '2025-06-30', '2025-03-31'],
    ['the plan\'s last day, once it has closed', '2026-11-24', '2026-11-24', '2025-12-31'],
    ['never after today, whatever is viewed', '2025-09-30', '2025-06-30', '2025-06-30'],
  ])('%s', (_name, viewed, today, expected) => expect(defaultEntryDate(viewed, today, year)).toBe(expected))
})
