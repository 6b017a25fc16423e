/**
 * Schema v7: an evaluation has one 完成率 (`progress`, the fraction of the way to the target); the second figure,
 * `percentOfTarget` (actual ÷ target), read differently for a target from a baseline and is gone. A frozen review's
 * snapshot keeps every other figure the meeting saw.
 */
export function upgradeReviewToV7(row: Record<string, unknown>): Record<string, unknown> {
  const snapshot = row.snapshot
  if (!snapshot || typeof snapshot !== 'object' || !Array.isArray((snapshot as { evaluations?: unknown }).evaluations)) return row
  const evaluations = (snapshot as { evaluations: unknown[] }).evaluations.map((e) => {
    if (!e || typeof e !== 'object' || !('percentOfTarget' in e)) return e
    const { percentOfTarget: _dropped, ...rest } = e as Record<string, unknown>
    return rest
  })
  return { ...row, snapshot: { ...snapshot, evaluations } }
}
