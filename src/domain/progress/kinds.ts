import { toDayNumber, type DayNumber } from '../calendar'
import type { Commitment, Direction, MilestoneTarget, RecurringTarget, Target } from '../model'
import { periodIndexOf, periodsInWindow } from '../periods'
import { expectedFraction } from './expected'
import type { DayTotals } from './totals'
import { Trend } from './trend'
import type { DeadlineLight, Evaluation, EvaluationSettings, Forecast, PeriodResult, Status } from './types'

/**
 * One rule per target kind, each a plain function of the commitment's day totals (src/domain/progress/totals.ts):
 * evaluating from entries builds their totals first, so every screen, chart and export reads the same figures
 * through the same code. The table tests and the property tests (totals against entries) are the net.
 */

/**
 * A limit: an upper bound with no starting point above it (不超过3起; 纠错率不高于5% with no baseline, or one already
 * within it). It is kept or broken, not travelled: no 完成率, 序时进度 or gap. An upper bound from a baseline above it
 * (办理时限由30天压缩至20天以内) is a path like any other, and so is a percent decrease (降低20%以上).
 */
export function isLimit(target: Target): boolean {
  if (target.kind === 'count') return target.direction === 'at_most'
  if (target.kind === 'level') return target.direction === 'at_most' && (target.baseline === null || target.baseline <= target.value)
  if (target.kind === 'ratio') return target.direction === 'at_most' && (target.baseline === null || target.baseline <= target.percent)
  return false
}

/** What every kind's rule knows: the commitment, its window and the "as of" day, all as day numbers. */
export interface KindContext {
  commitment: Commitment
  start: DayNumber
  end: DayNumber
  asOf: DayNumber
  settings: EvaluationSettings
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

function deadlineLight(ctx: KindContext, status: Status): DeadlineLight {
  if (status === 'achieved') return 'none'
  const due = ctx.commitment.dueDate ? toDayNumber(ctx.commitment.dueDate) : ctx.end
  if (ctx.asOf > due) return 'overdue'
  return due - ctx.asOf <= ctx.settings.dueSoonDays ? 'due_soon' : 'none'
}

/** The last day whose entries count: the window's end, or "as of" if earlier. */
function lastCountedDay(ctx: KindContext): DayNumber {
  return Math.min(ctx.end, ctx.asOf)
}

const finiteOrNull = (value: number | null) => (value === null ? null : finite(value))

function result(ctx: KindContext, fields: Omit<Evaluation, 'commitmentId' | 'kind' | 'gapPoints' | 'deadline'>): Evaluation {
  const progress = finiteOrNull(fields.progress)
  const expected = finiteOrNull(fields.expected)
  return {
    ...fields,
    commitmentId: ctx.commitment.id,
    kind: ctx.commitment.target.kind,
    actual: finiteOrNull(fields.actual),
    expectedValue: finiteOrNull(fields.expectedValue),
    progress,
    expected,
    gapPoints: progress === null || expected === null ? null : finite((progress - expected) * 100),
    deadline: deadlineLight(ctx, fields.status),
  }
}

/** The indexes of the days that count: inside the window and not after "as of" (days are ascending). */
function* countedDays(ctx: KindContext, totals: DayTotals): Generator<number> {
  const last = lastCountedDay(ctx)
  for (let i = 0; i < totals.days.length; i++) {
    const day = totals.days[i]!
    if (day > last) return
    if (day >= ctx.start) yield i
  }
}

/** count: the sum of quantities logged in the window. */
function evaluateCount(ctx: KindContext, totals: DayTotals, target: number, direction: Direction): Evaluation {
  let sum = 0
  let entries = 0
  for (const i of countedDays(ctx, totals)) {
    sum += totals.quantity[i]!
    entries += totals.quantityEntries[i]!
  }
  const expected = expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing)
  const elapsedDays = lastCountedDay(ctx) - ctx.start + 1
  const forecastValue = elapsedDays > 0 ? (sum / elapsedDays) * (ctx.end - ctx.start + 1) : null
  const forecast: Forecast = {
    value: forecastValue,
    meetsTarget: forecastValue === null ? null : meetsBound(forecastValue, target, direction),
  }
  const hasEntries = entries > 0
  if (direction === 'at_most') {
    // A limit (信访投诉不超过10件) is kept only when the window has closed within it; once broken it cannot
    // recover. Meanwhile it is at risk when the run rate would break it.
    let status: Status
    if (sum > target) status = 'missed'
    else if (ctx.asOf < ctx.start) status = 'not_started'
    else if (ctx.asOf > ctx.end) status = 'achieved'
    else status = forecast.meetsTarget === false ? 'at_risk' : 'on_track'
    return result(ctx, { status, actual: sum, target, expectedValue: null, progress: null, expected: null, forecast, hasEntries })
  }
  const progress = target > 0 ? sum / target : sum > 0 ? 1 : 0
  let status: Status
  if (sum >= target) status = 'achieved'
  else if (ctx.asOf < ctx.start) status = 'not_started'
  else if (ctx.asOf > ctx.end) status = 'missed'
  else status = bandStatus(progress, expected, ctx.settings)
  return result(ctx, { status, actual: sum, target, expectedValue: target * expected, progress, expected, forecast, hasEntries })
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

/** The fraction of the way from the starting point (the baseline, else 0) to the target; paths only. */
function measuredProgress(actual: number | null, { base, target, direction }: MeasuredScale): number {
  if (actual === null) return 0
  if (base !== null) return base === target ? (meetsBound(actual, target, direction) ? 1 : 0) : (actual - base) / (target - base)
  return target > 0 ? actual / target : 1
}

/**
 * A measured limit (纠错率不高于5%): with no reading yet there is nothing to judge; while the window is open a
 * reading above it is behind (it can still come down) and one within it is at risk when its trend leaves it; it
 * is achieved or missed only when the window closes, by the last reading.
 */
function limitStatus(ctx: KindContext, actual: number | null, forecast: Forecast, target: number): Status {
  if (ctx.asOf < ctx.start || actual === null) return 'not_started'
  const within = actual <= target
  if (ctx.asOf > ctx.end) return within ? 'achieved' : 'missed'
  if (!within) return 'behind'
  return forecast.meetsTarget === false ? 'at_risk' : 'on_track'
}

/** level, ratio and percent_change: the latest measurement in the window, and its trend. */
function evaluateMeasured(ctx: KindContext, totals: DayTotals, scale: MeasuredScale): Evaluation {
  const { reading, offset, factor } = scale
  const trend = new Trend()
  if (scale.base !== null) trend.add(0, scale.base)
  let latest: number | null = null
  let entries = 0
  if (factor !== 0 && Number.isFinite(factor)) {
    for (const i of countedDays(ctx, totals)) {
      const count = reading === 'value' ? totals.measurements[i]! : totals.ratios[i]!
      if (count === 0) continue
      const sum = reading === 'value' ? totals.valueSum[i]! : totals.ratioSum[i]!
      const last = reading === 'value' ? totals.latestValue[i]! : totals.latestRatio[i]!
      const scoreSum = (sum + count * offset) * factor
      const score = (last + offset) * factor
      if (!Number.isFinite(scoreSum) || !Number.isFinite(score)) continue
      entries += count
      trend.addMany(totals.days[i]! - ctx.start + 1, count, scoreSum)
      // Days ascend, so the last day counted holds the latest measurement (its day's largest id).
      latest = score
    }
  }
  const actual = latest ?? scale.base
  const forecastValue = trend.at(ctx.end - ctx.start + 1)
  const forecast: Forecast = { value: forecastValue, meetsTarget: forecastValue === null ? null : meetsBound(forecastValue, scale.target, scale.direction) }
  const hasEntries = entries > 0
  if (isLimit(ctx.commitment.target)) {
    const status = limitStatus(ctx, actual, forecast, scale.target)
    return result(ctx, { status, actual, target: scale.target, expectedValue: null, progress: null, expected: null, forecast, hasEntries })
  }
  const expected = expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing)
  const progress = measuredProgress(actual, scale)
  const met = actual !== null && meetsBound(actual, scale.target, scale.direction)
  let status: Status
  if (ctx.asOf < ctx.start) status = 'not_started'
  else if (met) status = 'achieved'
  else if (ctx.asOf > ctx.end) status = 'missed'
  else status = bandStatus(progress, expected, ctx.settings)
  const startValue = scale.base ?? 0
  return result(ctx, { status, actual, target: scale.target, expectedValue: startValue + (scale.target - startValue) * expected, progress, expected, forecast, hasEntries })
}

/** recurring: each calendar period in the window must reach the minimum. */
function evaluateRecurring(ctx: KindContext, totals: DayTotals, target: RecurringTarget): Evaluation {
  const windowPeriods = periodsInWindow(ctx.start, ctx.end, target.period)
  const sums = windowPeriods.map(() => 0)
  let entries = 0
  for (const i of countedDays(ctx, totals)) {
    if (totals.quantityEntries[i] === 0) continue
    const index = periodIndexOf(windowPeriods, totals.days[i]!)
    if (index < 0) continue
    sums[index]! += totals.quantity[i]!
    entries += totals.quantityEntries[i]!
  }
  const periods: PeriodResult[] = windowPeriods.map((period, i) => {
    const value = sums[i] ?? 0
    return { ...period, value, met: value >= target.minimum, elapsed: period.end <= ctx.asOf }
  })
  const total = periods.length
  const met = periods.filter((p) => p.met).length
  const elapsed = periods.filter((p) => p.elapsed)
  const metElapsed = elapsed.filter((p) => p.met).length
  const expected = ctx.commitment.phasing ? expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing) : elapsed.length / total
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
    hasEntries: entries > 0,
    periods,
  })
}

/** milestone: stages done; each stage is due on its own date, else the commitment's, else the window's end. */
function evaluateMilestone(ctx: KindContext, totals: DayTotals, target: MilestoneTarget): Evaluation {
  const stageIds = new Set(target.stages.map((stage) => stage.id))
  const doneStages = new Set<string>()
  let entries = 0
  for (const i of countedDays(ctx, totals)) {
    for (const stageId of totals.stages[i]!) {
      if (!stageIds.has(stageId)) continue
      doneStages.add(stageId)
      entries++
    }
  }
  const total = target.stages.length
  const done = doneStages.size
  const fallbackDue = ctx.commitment.dueDate ? toDayNumber(ctx.commitment.dueDate) : ctx.end
  const dueByNow = target.stages.filter((s) => (s.dueDate ? toDayNumber(s.dueDate) : fallbackDue) <= ctx.asOf).length
  const expected = ctx.commitment.phasing ? expectedFraction(ctx.start, ctx.end, ctx.asOf, ctx.commitment.phasing) : ctx.asOf < ctx.start ? 0 : dueByNow / total
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
    hasEntries: entries > 0,
  })
}

/** One commitment's evaluation from its day totals, by the rule of its target's kind. */
export function evaluateKind(ctx: KindContext, totals: DayTotals): Evaluation {
  const target = ctx.commitment.target
  switch (target.kind) {
    case 'count':
      return evaluateCount(ctx, totals, target.value, target.direction)
    case 'level':
      return evaluateMeasured(ctx, totals, { reading: 'value', offset: 0, factor: 1, base: target.baseline, target: target.value, direction: target.direction })
    case 'ratio':
      return evaluateMeasured(ctx, totals, { reading: 'ratio', offset: 0, factor: 1, base: target.baseline, target: target.percent, direction: target.direction })
    case 'percent_change': {
      const increase = target.direction === 'increase'
      // A change from a baseline of 0 has no percent: a factor of Infinity makes every reading unusable.
      return evaluateMeasured(ctx, totals, {
        reading: 'value',
        offset: -target.baseline,
        factor: 100 / Math.abs(target.baseline),
        base: 0,
        target: increase ? target.percent : -target.percent,
        direction: increase ? 'at_least' : 'at_most',
      })
    }
    case 'recurring':
      return evaluateRecurring(ctx, totals, target)
    case 'milestone':
      return evaluateMilestone(ctx, totals, target)
  }
}
