import type { EChartsCoreOption } from 'echarts/core'
import { addDays, entryTypeFor, evaluateCommitment, evaluationUnit, fromDayNumber, isLimit, toDayNumber, type CalendarDate, type Commitment, type DateWindow, type Entry, type Evaluation, type TextLocale } from '@/domain'
import { REFERENCE_COLORS, STATUS_COLORS } from './status-colors'

export interface BurnupLabels {
  actual: string
  measured: string
  expected: string
  target: string
  forecast: string
}

export interface BurnupInput {
  window: DateWindow
  commitment: Commitment
  entries: readonly Entry[]
  asOf: CalendarDate
  evaluation: Evaluation
  labels: BurnupLabels
  locale: TextLocale
}

type Point = [CalendarDate, number]

const round = (value: number) => Math.round(value * 100) / 100
const isMeasured = (c: Commitment) => entryTypeFor(c.target.kind) === 'measurement'

/**
 * 序时进度 through the window: where the path starts (the baseline, or zero), then the engine's own expected value
 * at the end of each day with no entries, keeping only the points where the line bends.
 */
function expectedLine(window: DateWindow, commitment: Commitment): Point[] {
  // A limit has no 序时进度: its chart shows the readings against the limit only.
  if (isLimit(commitment.target)) return []
  const first = toDayNumber(window.start)
  // Where the path starts (a measured target's baseline, else zero): the engine's expected value before the window.
  const raw: Point[] = [[window.start, evaluateCommitment(window, commitment, [], addDays(window.start, -1)).expectedValue ?? 0]]
  for (let day = first; day <= toDayNumber(window.end); day++) {
    const date = fromDayNumber(day)
    raw.push([date, evaluateCommitment(window, commitment, [], date).expectedValue ?? 0])
  }
  const bends = raw.filter((point, i) => {
    const before = raw[i - 1]
    const after = raw[i + 1]
    return !before || !after || Math.abs(after[1] - point[1] - (point[1] - before[1])) > 1e-9
  })
  return bends.map(([date, value]) => [date, round(value)])
}

/** The commitment's own figure after each day that has entries, as the engine evaluates it. */
function actualLine(input: BurnupInput): Point[] {
  const { window, commitment, entries, asOf } = input
  const last = asOf < window.end ? asOf : window.end
  const dates = [...new Set(entries.filter((e) => e.date >= window.start && e.date <= last).map((e) => e.date))].sort()
  const points: Point[] = isMeasured(commitment) ? [] : [[window.start, 0]]
  for (const date of dates) points.push([date, round(evaluateCommitment(window, commitment, entries, date).actual ?? 0)])
  if (!isMeasured(commitment) && last >= window.start) points.push([last, round(input.evaluation.actual ?? 0)])
  return points
}

/**
 * The burn-up chart of one commitment: the cumulative actual (measurements as points for measured targets), the
 * 序时进度 line, the target, and the forecast dashed from today to the window's end, coloured by status.
 */
export function burnupOption(input: BurnupInput): EChartsCoreOption {
  const { window, commitment, evaluation, labels, asOf, locale } = input
  const color = STATUS_COLORS[evaluation.status]
  const measured = isMeasured(commitment)
  const unitSuffix = evaluationUnit(commitment.target) === '%' ? '%' : ''
  const actual = actualLine(input)
  const forecast: Point[] =
    evaluation.forecast.value !== null && asOf < window.end && asOf >= window.start && evaluation.actual !== null
      ? [
          [asOf, round(evaluation.actual)],
          [window.end, round(evaluation.forecast.value)],
        ]
      : []
  return {
    animation: false,
    color: [color, REFERENCE_COLORS.expected, color],
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 18, data: [measured ? labels.measured : labels.actual, ...(isLimit(commitment.target) ? [] : [labels.expected]), ...(forecast.length ? [labels.forecast] : [])] },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${round(value)}${unitSuffix}` : '') },
    xAxis: {
      type: 'time',
      min: window.start,
      max: window.end,
      axisLabel: { hideOverlap: true, formatter: locale === 'zh-CN' ? { year: '{yyyy}年', month: '{M}月', day: '{M}月{d}日' } : { year: '{yyyy}', month: '{MMM}', day: '{d} {MMM}' } },
    },
    yAxis: {
      type: 'value',
      min: (extent: { min: number }) => Math.min(0, Math.floor(extent.min)),
      axisLabel: { formatter: `{value}${unitSuffix}` },
      splitLine: { lineStyle: { color: '#ebeef5' } },
    },
    series: [
      {
        name: measured ? labels.measured : labels.actual,
        type: 'line',
        step: measured ? undefined : 'end',
        data: actual,
        showSymbol: measured,
        symbolSize: 7,
        lineStyle: { width: 3 },
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { formatter: `${labels.target} ${round(evaluation.target)}${unitSuffix}`, position: 'insideEndTop', color: REFERENCE_COLORS.target },
          lineStyle: { color: REFERENCE_COLORS.target, type: 'solid', width: 1.5 },
          data: [{ yAxis: round(evaluation.target) }],
        },
      },
      { name: labels.expected, type: 'line', data: expectedLine(window, commitment), showSymbol: false, lineStyle: { type: 'dashed', width: 2 }, z: 2 },
      ...(forecast.length ? [{ name: labels.forecast, type: 'line', data: forecast, showSymbol: false, lineStyle: { type: 'dotted', width: 2 }, z: 1 }] : []),
    ],
  }
}
