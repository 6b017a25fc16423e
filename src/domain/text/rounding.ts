/**
 * A percentage (or points) as it is shown everywhere: no decimals from 10 up, one below (80, 7.5). Screens, charts and
 * reports all round with it, so a gap always equals the difference of the figures beside it. A module of its own, so
 * screens that only format numbers do not carry the report wording.
 */
export function shownPercent(value: number): number {
  const digits = Math.abs(value) < 10 ? 1 : 0
  return Math.round(value * 10 ** digits) / 10 ** digits
}
