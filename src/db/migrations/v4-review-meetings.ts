import { isCalendarDate, periodOf } from '@/domain'

/**
 * Schema v4: a review gains its period, meeting details, notes and snapshot. A v3 review (a title and a date) is
 * read as an unfrozen review of the quarter holding its date, with nothing recorded yet.
 */
export function upgradeReviewToV4(row: Record<string, unknown>): Record<string, unknown> {
  const asOf = row.asOf
  return {
    ...(isCalendarDate(asOf) ? { period: periodOf('quarter', asOf) } : {}),
    meetingDate: null,
    attendees: '',
    decisions: '',
    notes: [],
    snapshot: null,
    ...row,
  }
}
