/**
 * Least-squares line through (x, y) points, kept as running sums so a whole year of measurements is one pass.
 * x values are day offsets from the window start, which keeps the sums small and exact enough.
 */
export class Trend {
  private n = 0
  private sx = 0
  private sy = 0
  private sxx = 0
  private sxy = 0
  private firstX: number | null = null
  private distinctX = false

  add(x: number, y: number): void {
    this.addMany(x, 1, y)
  }

  /** Adds `count` points at the same x whose y values sum to `ySum`. */
  addMany(x: number, count: number, ySum: number): void {
    this.n += count
    this.sx += count * x
    this.sy += ySum
    this.sxx += count * x * x
    this.sxy += x * ySum
    if (this.firstX === null) this.firstX = x
    else if (x !== this.firstX) this.distinctX = true
  }

  /** The fitted value at x, or null with fewer than two distinct x values. */
  at(x: number): number | null {
    if (!this.distinctX) return null
    const denominator = this.n * this.sxx - this.sx * this.sx
    if (denominator === 0) return null
    const slope = (this.n * this.sxy - this.sx * this.sy) / denominator
    const intercept = (this.sy - slope * this.sx) / this.n
    const value = intercept + slope * x
    return Number.isFinite(value) ? value : null
  }
}
