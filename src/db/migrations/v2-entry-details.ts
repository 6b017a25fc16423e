import { chinaDate } from '@/domain'

/**
 * Schema v2: entries gain participants, place and an evidence link (empty for older rows), and the day they were
 * logged, which marks late entries (补录). A v1 row's best record of that day is its last write.
 */
export function upgradeEntryToV2(row: Record<string, unknown>): Record<string, unknown> {
  const updatedAt = typeof row.updatedAt === 'string' ? Date.parse(row.updatedAt) : Number.NaN
  const date = typeof row.date === 'string' ? row.date : ''
  return {
    participants: '',
    place: '',
    evidenceUrl: '',
    loggedOn: Number.isFinite(updatedAt) ? chinaDate(updatedAt) : date,
    ...row,
  }
}
