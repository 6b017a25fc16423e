import { toDayNumber, type DayNumber } from '../calendar'
import type { Commitment, Direction, Entry, MilestoneTarget, RecurringTarget } from '../model'
import { periodIndexOf, periodsInWindow } from '../periods'
import { expectedFraction } from './expected'
import { ratioOf, type DayTotals } from './totals'
import { Trend } from './trend'
import type { DeadlineLight, Evaluation, EvaluationSettings, Forecast, PeriodResult, Status } from './types'

/** What every tally knows: the commitment, its window and the "as of" day, all as day numbers. */
export interface TallyContext {
  commitment: Commitment
  start: DayNumber
  end: DayNumber
  asOf: DayNumber
  settings: EvaluationSettings
}

/**
 * Accumulates one commitment's entries in a single pass, then produces its evaluation. Entries arrive either one
 * by one (`add`, any order: evaluating straight from entries) or as stored per-day totals (`addDay`, days in
 * ascending order: the dashboard); both give the same evaluation, which a property test checks.
 */
export interface Tally {
  add(entry: Entry, day: DayNumber): void
  /** Adds day `i` of `totals`. */
  addDay(totals: DayTotals, i: number): void
  finish(): Evaluation
}

/** Finite or 0: the engine never hands NaN or Infinity to a screen. */
function finite(value: number): number {
  return Number.isFinite(value) ? value : 0
}

function meetsBound(value: number, target: number, direction: Direction): boolean {
  return direction === 'at_least' ? value >= target : value <= target
}

/** On track / at risk / behind by progress ÷ expected against the configured bands. */
function bandStatus(progress: number, expected: number, settings: EvaluationSettings): Status {
  if (expected <= 0) return 'on_track'
  const ratio = Math.max(progress, 0) / expected
  if (ratio >= settings.onTrackAt) return 'on_track'
  if (ratio >= settings.atRiskAt) return 'at_risk'
  return 'behind'
}

function deadlineLight(ctx: TallyContext, status: Status): DeadlineLight {
  if (status === 'achieved') return 'none'
  const due = ctx.commitment.dueDate ? toDayNumber(ctx.commitment.dueDate) : ctx.end
  if (ctx.asOf > due) return 'overdue'
  return due - ctx.asOf <= ctx.settings.dueSoonDays ? 'due_soon' : 'none'
}

/** The last day whose entries count: the window's end, or "as of" if earlier. */
function lastCountedDay(ctx: TallyContext): DayNumber {
  return Math.min(ctx.end, ctx.asOf)
}

function inCountedRange(ctx: TallyContext, day: DayNumber): boolean {
  return day >= ctx.start && day <= lastCountedDay(ctx)
}

function result(
  ctx: TallyContext,
  fields: Omit<Evaluation, 'commitmentId' | 'kind' | 'gapPoints' | 'deadline' | 'percentOfTarget'>,
): Evaluation {
  const progress = finite(fields.progress)
  const expected = finite(fields.expected)
  const { actual, target } = fields
  const measuredShare = actual !== null && target !== 0 && ctx.commitment.target.kind !== 'percent_change'
  return {
    percentOfTarget: finite(measuredShare ? (actual / target) * 100 : progress * 100),
    ...fields,
    commitmentId: ctx.commitment.id,
    kind: ctx.commitment.target.kind,
    actual: fields.actual === null ? null : finite(fields.actual),
    expectedValue: finite(fields.expectedValue),
    progress,
    expected,
    gapPoints: finite((progress - expected) * 100),
    deadline: deadlineLight(ctx, fields.status),
  }
}

/** count: the sum of quantities logged in the window. */
class CountTally implements Tally {
  private sum = 0
  private entries = 0
  constructor(
    private readonly ctx: TallyContext,
    private readonly target: number,
    private readonly direction: Direction,
  ) {}

  add(entry: Entry, day: DayNumber): void {
    if (entry.type !== 'quantity' || !Number.isFinite(entry.quantity) || !inCountedRange(this.ctx, day)) return
    this.sum += entry.quantity
    this.entries++
  }

  addDay(totals: DayTotals, i: number): void {
    if (totals.quantityEntries[i] === 0 || !inCountedRange(this.ctx, totals.days[i]!)) return
    this.sum += totals.quantity[i]!
    this.entries += totals.quantityEntries[i]!
  }

  finish(): Evaluation {
    const { ctx, sum, target, direction } = this
    const expected = expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing)
    const elapsedDays = lastCountedDay(ctx) - ctx.start + 1
    const forecastValue = elapsedDays > 0 ? (sum / elapsedDays) * (ctx.end - ctx.start + 1) : null
    const forecast: Forecast = {
      value: forecastValue,
      meetsTarget: forecastValue === null ? null : meetsBound(forecastValue, target, direction),
    }
    const progress = target > 0 ? sum / target : sum > 0 ? 1 : 0
    let status: Status
    if (direction === 'at_least') {
      if (sum >= target) status = 'achieved'
      else if (ctx.asOf < ctx.start) status = 'not_started'
      else if (ctx.asOf > ctx.end) status = 'missed'
      else status = bandStatus(progress, expected, ctx.settings)
    } else {
      // An upper bound (信访投诉不超过10件) is kept only when the window has closed within it; once broken it
      // cannot recover. Meanwhile it is at risk when the run rate would break it.
      if (sum > target) status = 'missed'
      else if (ctx.asOf < ctx.start) status = 'not_started'
      else if (ctx.asOf > ctx.end) status = 'achieved'
      else status = forecast.meetsTarget === false ? 'at_risk' : 'on_track'
    }
    return result(ctx, {
      status,
      actual: sum,
      target,
      expectedValue: target * expected,
      progress,
      expected,
      forecast,
      hasEntries: this.entries > 0,
    })
  }
}

/**
 * How a measured target reads a day's measurements, and where its path starts and ends, in one scale: the score
 * is `(reading + offset) × factor` of the chosen reading (the value itself, or the value as a percent).
 */
export interface MeasuredScale {
  reading: 'value' | 'ratio'
  offset: number
  factor: number
  base: number | null
  target: number
  direction: Direction
}

/** level, ratio and percent_change: the latest measurement in the window, and its trend. */
class MeasuredTally implements Tally {
  private latest: number | null = null
  private latestDay = Number.NEGATIVE_INFINITY
  private latestId = ''
  private readonly trend = new Trend()
  private entries = 0

  constructor(
    private readonly ctx: TallyContext,
    private readonly scale: MeasuredScale,
  ) {
    if (scale.base !== null) this.trend.add(0, scale.base)
  }

  add(entry: Entry, day: DayNumber): void {
    if (entry.type !== 'measurement' || !Number.isFinite(entry.value) || !inCountedRange(this.ctx, day)) return
    const { reading, offset, factor } = this.scale
    const raw = reading === 'value' ? entry.value : ratioOf(entry.value, entry.denominator)
    if (raw === null || !Number.isFinite(raw)) return
    const score = (raw + offset) * factor
    if (!Number.isFinite(score)) return
    this.entries++
    this.trend.add(day - this.ctx.start + 1, score)
    // Ties on the same day go to the larger id, so the result never depends on the order entries arrive in.
    if (day > this.latestDay || (day === this.latestDay && entry.id > this.latestId)) {
      this.latestDay = day
      this.latestId = entry.id
      this.latest = score
    }
  }

  addDay(totals: DayTotals, i: number): void {
    const { reading, offset, factor } = this.scale
    const count = reading === 'value' ? totals.measurements[i]! : totals.ratios[i]!
    const day = totals.days[i]!
    if (count === 0 || factor === 0 || !Number.isFinite(factor) || !inCountedRange(this.ctx, day)) return
    const sum = reading === 'value' ? totals.valueSum[i]! : totals.ratioSum[i]!
    const latest = reading === 'value' ? totals.latestValue[i]! : totals.latestRatio[i]!
    const scoreSum = (sum + count * offset) * factor
    const score = (latest + offset) * factor
    if (!Number.isFinite(scoreSum) || !Number.isFinite(score)) return
    this.entries += count
    this.trend.addMany(day - this.ctx.start + 1, count, scoreSum)
    // Days arrive in ascending order, so the last day added holds the latest measurement.
    this.latest = score
  }

  private progressOf(actual: number | null): number {
    const { base, target, direction } = this.scale
    if (actual === null) return 0
    if (base !== null) return base === target ? (meetsBound(actual, target, direction) ? 1 : 0) : (actual - base) / (target - base)
    // No baseline: an upward path starts at 0; a ceiling can only say how far above it the value is.
    if (direction === 'at_least') return target > 0 ? actual / target : 1
    return actual <= target ? 1 : target / actual
  }

  finish(): Evaluation {
    const { ctx, scale } = this
    const actual = this.latest ?? scale.base
    const expected = expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing)
    const progress = this.progressOf(actual)
    const met = actual !== null && meetsBound(actual, scale.target, scale.direction)
    let status: Status
    if (ctx.asOf < ctx.start) status = 'not_started'
    else if (met) status = 'achieved'
    else if (ctx.asOf > ctx.end) status = 'missed'
    else status = bandStatus(progress, expected, ctx.settings)
    const startValue = scale.base ?? (scale.direction === 'at_least' ? 0 : scale.target)
    const forecastValue = this.trend.at(ctx.end - ctx.start + 1)
    return result(ctx, {
      status,
      actual,
      target: scale.target,
      expectedValue: startValue + (scale.target - startValue) * expected,
      progress,
      expected,
      forecast: {
        value: forecastValue,
        meetsTarget: forecastValue === null ? null : meetsBound(forecastValue, scale.target, scale.direction),
      },
      hasEntries: this.entries > 0,
    })
  }
}

/** recurring: each calendar period in the window must reach the minimum. */
class RecurringTally implements Tally {
  private readonly periods
  private readonly sums: number[]
  private entries = 0

  constructor(
    private readonly ctx: TallyContext,
    private readonly target: RecurringTarget,
  ) {
    this.periods = periodsInWindow(ctx.start, ctx.end, target.period)
    this.sums = this.periods.map(() => 0)
  }

  add(entry: Entry, day: DayNumber): void {
    if (entry.type !== 'quantity' || !Number.isFinite(entry.quantity) || !inCountedRange(this.ctx, day)) return
    const index = periodIndexOf(this.periods, day)
    if (index < 0) return
    this.sums[index]! += entry.quantity
    this.entries++
  }

  addDay(totals: DayTotals, i: number): void {
    const day = totals.days[i]!
    if (totals.quantityEntries[i] === 0 || !inCountedRange(this.ctx, day)) return
    const index = periodIndexOf(this.periods, day)
    if (index < 0) return
    this.sums[index]! += totals.quantity[i]!
    this.entries += totals.quantityEntries[i]!
  }

  finish(): Evaluation {
    const { ctx, target } = this
    const periods: PeriodResult[] = this.periods.map((period, i) => {
      const value = this.sums[i] ?? 0
      return { ...period, value, met: value >= target.minimum, elapsed: period.end <= ctx.asOf }
    })
    const total = periods.length
    const met = periods.filter((p) => p.met).length
    const elapsed = periods.filter((p) => p.elapsed)
    const metElapsed = elapsed.filter((p) => p.met).length
    const expected = ctx.commitment.phasing
      ? expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing)
      : elapsed.length / total
    let status: Status
    if (ctx.asOf < ctx.start) status = 'not_started'
    else if (met === total) status = 'achieved'
    else if (ctx.asOf > ctx.end) status = 'missed'
    // Judge by the periods that have ended: the one under way is not late yet.
    else status = bandStatus(metElapsed, elapsed.length, ctx.settings)
    // Periods already met stay met (the one under way included); those still open follow the ended periods' rate.
    const open = total - elapsed.length - (met - metElapsed)
    const forecastValue = elapsed.length > 0 ? met + (metElapsed / elapsed.length) * open : null
    return result(ctx, {
      status,
      actual: met,
      target: total,
      expectedValue: expected * total,
      progress: met / total,
      expected,
      forecast: { value: forecastValue, meetsTarget: forecastValue === null ? null : metElapsed === elapsed.length },
      hasEntries: this.entries > 0,
      periods,
    })
  }
}

/** milestone: stages done; each stage is due on its own date, else the commitment's, else the window's end. */
class MilestoneTally implements Tally {
  private readonly done = new Set<string>()
  private readonly stageIds: Set<string>
  private entries = 0

  constructor(
    private readonly ctx: TallyContext,
    private readonly target: MilestoneTarget,
  ) {
    this.stageIds = new Set(target.stages.map((stage) => stage.id))
  }

  add(entry: Entry, day: DayNumber): void {
    if (entry.type !== 'milestone' || !inCountedRange(this.ctx, day) || !this.stageIds.has(entry.stageId)) return
    this.done.add(entry.stageId)
    this.entries++
  }

  addDay(totals: DayTotals, i: number): void {
    if (totals.milestoneEntries[i] === 0 || !inCountedRange(this.ctx, totals.days[i]!)) return
    for (const stageId of totals.stages[i]!) {
      if (!this.stageIds.has(stageId)) continue
      this.done.add(stageId)
      this.entries++
    }
  }

  finish(): Evaluation {
    const { ctx, target } = this
    const total = target.stages.length
    const done = this.done.size
    const fallbackDue = ctx.commitment.dueDate ? toDayNumber(ctx.commitment.dueDate) : ctx.end
    const dueByNow = target.stages.filter((s) => (s.dueDate ? toDayNumber(s.dueDate) : fallbackDue) <= ctx.asOf).length
    const expected = ctx.commitment.phasing
      ? expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing)
      : ctx.asOf < ctx.start
        ? 0
        : dueByNow / total
    let status: Status
    if (done === total) status = 'achieved'
    else if (ctx.asOf < ctx.start) status = 'not_started'
    else if (ctx.asOf > ctx.end) status = 'missed'
    else status = bandStatus(done / total, expected, ctx.settings)
    const closed = done === total || ctx.asOf > ctx.end
    return result(ctx, {
      status,
      actual: done,
      target: total,
      expectedValue: expected * total,
      progress: done / total,
      expected,
      forecast: closed ? { value: done, meetsTarget: done === total } : { value: null, meetsTarget: null },
      hasEntries: this.entries > 0,
    })
  }
}

export function createTally(ctx: TallyContext): Tally {
  const target = ctx.commitment.target
  switch (target.kind) {
    case 'count':
      return new CountTally(ctx, target.value, target.direction)
    case 'level':
      return new MeasuredTally(ctx, {
        reading: 'value',
        offset: 0,
        factor: 1,
        base: target.baseline,
        target: target.value,
        direction: target.direction,
      })
    case 'ratio':
      return new MeasuredTally(ctx, {
        reading: 'ratio',
        offset: 0,
        factor: 1,
        base: target.baseline,
        target: target.percent,
        direction: target.direction,
      })
    case 'percent_change': {
      const baseline = target.baseline
      const increase = target.direction === 'increase'
      // A change from a baseline of 0 has no percent: a factor of Infinity makes every reading unusable.
      return new MeasuredTally(ctx, {
        reading: 'value',
        offset: -baseline,
        factor: 100 / Math.abs(baseline),
        base: 0,
        target: increase ? target.percent : -target.percent,
        direction: increase ? 'at_least' : 'at_most',
      })
    }
    case 'recurring':
      return new RecurringTally(ctx, target)
    case 'milestone':
      return new MilestoneTally(ctx, target)
  }
}

