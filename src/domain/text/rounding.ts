import type { Evaluation } from '../progress/types'

/**
 * A percentage (or points) as it is shown everywhere: no decimals from 10 up, one below (80, 7.5). Screens, charts and
 * reports all round with it. A module of its own, so screens that only format numbers do not carry the report wording.
 */
export function shownPercent(value: number): number {
  const digits = Math.abs(value) < 10 ? 1 : 0
  // + 0 turns −0 into 0: an unchanged figure never reads "−0%".
  return Math.round(value * 10 ** digits) / 10 ** digits + 0
}

/** An evaluation's 完成率, 序时进度 and gap as every surface shows them, in percent and points; null for a limit. */
export interface ShownFigures {
  completion: number | null
  expected: number | null
  /** The difference of the two shown figures, so a reader who subtracts them gets the gap printed beside them. */
  gap: number | null
}

export function shownFigures(evaluation: Pick<Evaluation, 'progress' | 'expected'>): ShownFigures {
  const { progress, expected } = evaluation
  if (progress === null || expected === null) return { completion: null, expected: null, gap: null }
  const completion = shownPercent(progress * 100)
  const due = shownPercent(expected * 100)
  return { completion, expected: due, gap: Math.round((completion - due) * 10) / 10 + 0 }
}
