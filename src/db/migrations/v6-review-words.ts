/**
 * Schema v6: one word per concept in a review. `asOf` became `periodEnd` (it is always the period's last day; an
 * "as of" date is any day figures are taken at), and a note's `progress` (the 进展情况 text) became `narrative`,
 * since `progress` is the fraction of the way to a target everywhere else. A row already in the new shape is kept.
 */
export function upgradeReviewToV6(row: Record<string, unknown>): Record<string, unknown> {
  const { asOf, ...rest } = row
  const upgraded: Record<string, unknown> = 'asOf' in row && !('periodEnd' in row) ? { ...rest, periodEnd: asOf } : { ...row }
  if (Array.isArray(row.notes)) upgraded.notes = row.notes.map(upgradeNote)
  return upgraded
}

function upgradeNote(note: unknown): unknown {
  if (!note || typeof note !== 'object' || !('progress' in note) || 'narrative' in note) return note
  const { progress, ...rest } = note as Record<string, unknown>
  return { ...rest, narrative: progress }
}
