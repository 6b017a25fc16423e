import type { EChartsCoreOption } from 'echarts/core'
import { fromDayNumber, STATUSES, toDayNumber, type CalendarDate, type Id, type PlanTreeNode, type QuarterColumn, type Status } from '@/domain'
import { formatNumber, formatPercent } from '@/i18n/format'
import { escapeHtml } from './escape'
import { CHART_BACKGROUNDS, REFERENCE_COLORS, REFERENCE_COLORS_DARK, STATUS_COLORS } from './status-colors'

/**
 * Pure option builders for the dashboard's charts. Every user string (titles, names) that reaches a tooltip goes
 * through `escapeHtml`, because ECharts renders tooltips as HTML; labels drawn on the canvas are plain text.
 */

export type StatusNames = Record<Status, string>

/**
 * Base font size of the big screen's charts for its viewport: about a 45th of the height (24 px at 1080p, read from
 * the back of a meeting room), less when the screen is narrow, never under 14 px or over 32 px.
 */
export function screenFontSize(width: number, height: number): number {
  return Math.round(Math.min(32, Math.max(14, Math.min(height / 45, width / 40))))
}

/** A bullet line of a tooltip: a coloured dot, then escaped text. */
function dot(color: string): string {
  return `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;background:${color}"></span>`
}

/** Every tooltip carries the class `pace-tooltip`, so it can be found (by tests, by print styles) without its layout. */
const TOOLTIP = { confine: true, className: 'pace-tooltip', extraCssText: 'max-width:320px;white-space:normal;' }

// ---- status donut --------------------------------------------------------------------------------------------

export interface DonutInput {
  byStatus: Record<Status, number>
  statusNames: StatusNames
  /** The number in the middle and the word under it: 16 / 项任务. */
  total: string
  totalLabel: string
  locale: string
  /** Base font size in pixels: 12 at a desk, larger on the big screen. */
  fontSize?: number
}

export function statusDonutOption({ byStatus, statusNames, total, totalLabel, locale, fontSize: fs = 12 }: DonutInput): EChartsCoreOption {
  const data = STATUSES.filter((s) => byStatus[s] > 0).map((s) => ({ name: statusNames[s], value: byStatus[s], status: s, itemStyle: { color: STATUS_COLORS[s] } }))
  return {
    animation: false,
    tooltip: { ...TOOLTIP, trigger: 'item', formatter: (p: { name: string; value: number; percent: number; color: string }) => `${dot(p.color)}${escapeHtml(p.name)}：${formatNumber(p.value, locale)}（${formatPercent(p.percent, locale)}）` },
    series: [
      {
        type: 'pie',
        radius: ['34%', '52%'],
        avoidLabelOverlap: true,
        // Labels line up at the chart's edges, inside it: a narrow panel never cuts 存在风险 2 off.
        label: { formatter: '{b} {c}', fontSize: fs + 1, alignTo: 'edge', edgeDistance: 8, overflow: 'none' },
        labelLine: { length: 8, length2: 0, maxSurfaceAngle: 80 },
        data,
      },
      {
        // The total in the hole: a transparent disc whose label sits in the centre (no title component needed).
        type: 'pie',
        radius: [0, '34%'],
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        label: {
          position: 'center',
          formatter: `{total|${total}}\n{word|${totalLabel}}`,
          rich: { total: { fontSize: Math.round(fs * 2.3), fontWeight: 600, lineHeight: Math.round(fs * 2.8) }, word: { fontSize: fs + 1 } },
        },
        data: [{ value: 1, name: totalLabel }],
      },
    ],
  }
}

// ---- progress by commitment ----------------------------------------------------------------------------------

export interface ProgressRow {
  id: Id
  title: string
  status: Status
  /** 完成率 in percent as shown (100 = reached); null for a limit, which has no bar. */
  progress: number | null
  /** 序时进度 in percent as shown; null for a limit, which has no mark. */
  expected: number | null
  /** The row's label: its 完成率 (67%), or where a limit stands (目前4.4%，控制在5%以内). */
  figure: string
}

export interface ProgressInput {
  rows: readonly ProgressRow[]
  statusNames: StatusNames
  labels: { progress: string; expected: string }
  locale: string
  /** Base font size in pixels: 12 at a desk, larger on the big screen. */
  fontSize?: number
  /** A phone's width: shorter title labels and fewer axis ticks. */
  compact?: boolean
  /** On a dark background: the 序时进度 mark in light ink. */
  dark?: boolean
}

/** Bars beyond this percent are drawn at it (the label keeps the real figure), so one overshoot cannot flatten the rest. */
export const PROGRESS_AXIS_MAX = 150

/** Width of the 序时进度 mark, in percentage points of the axis. */
const MARK_WIDTH = 1

/** % of target as bars coloured by status, with each commitment's 序时进度 as a marker; rows as given (worst first). */
export function progressBarsOption({ rows, statusNames, labels, locale, fontSize: fs = 12, compact = false, dark = false }: ProgressInput): EChartsCoreOption {
  const byIndex = (i: number) => rows[i]!
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    // Bars take their status colour (the donut explains them); the legend names the 序时进度 marker.
    legend: { top: 0, left: 0, textStyle: { fontSize: fs }, data: [labels.expected] },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const row = byIndex(params[0]!.dataIndex)
        const figures =
          row.progress === null || row.expected === null
            ? [escapeHtml(row.figure)]
            : [`${escapeHtml(labels.progress)}：${formatPercent(row.progress, locale)}`, `${escapeHtml(labels.expected)}：${formatPercent(row.expected, locale)}`]
        return [`<strong>${escapeHtml(row.title)}</strong>`, `${dot(STATUS_COLORS[row.status])}${escapeHtml(statusNames[row.status])}`, ...figures].join('<br>')
      },
    },
    xAxis: { type: 'value', min: 0, max: Math.min(PROGRESS_AXIS_MAX, Math.max(100, ...rows.map((r) => Math.ceil((r.progress ?? 0) / 10) * 10))), axisLabel: { formatter: '{value}%', fontSize: fs }, splitNumber: compact ? 2 : 5 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.title),
      axisLabel: { width: fs * (compact ? 8 : 14), overflow: 'truncate', fontSize: fs },
      axisTick: { show: false },
    },
    series: [
      {
        name: labels.progress,
        type: 'bar',
        barMaxWidth: fs + 4,
        itemStyle: { color: STATUS_COLORS.on_track },
        // A limit has no bar (value 0): its label (below) says where it stands.
        data: rows.map((r) => ({ value: barValue(r), id: r.id, itemStyle: { color: STATUS_COLORS[r.status] } })),
      },
      // 序时进度 as a thin mark over each bar: an invisible bar up to it, then the mark, stacked and laid over the
      // progress bar (no scatter series needed).
      {
        type: 'bar',
        stack: 'expected',
        barGap: '-100%',
        barMaxWidth: fs + 8,
        silent: true,
        itemStyle: { color: 'transparent' },
        data: rows.map((r) => (r.expected === null ? '-' : Math.max(Math.min(r.expected, PROGRESS_AXIS_MAX) - MARK_WIDTH / 2, 0))),
      },
      {
        name: labels.expected,
        type: 'bar',
        stack: 'expected',
        barMaxWidth: fs + 8,
        // Ink with an edge of the background's colour: visible on every status colour and on the background.
        itemStyle: dark ? { color: REFERENCE_COLORS_DARK.target, borderColor: CHART_BACKGROUNDS.dark, borderWidth: 0.5 } : { color: REFERENCE_COLORS.target, borderColor: CHART_BACKGROUNDS.light, borderWidth: 0.5 },
        data: rows.map((r) => (r.expected === null ? '-' : { value: MARK_WIDTH, id: r.id })),
      },
      // The figure at the end of its bar, on a patch of the background drawn above the 序时进度 mark, so a mark
      // just past the bar never covers it (the mark, taller than the patch, still shows above and below): an
      // invisible copy of the bar carries the label, over the other series.
      {
        type: 'bar',
        barGap: '-100%',
        barMaxWidth: fs + 4,
        silent: true,
        z: 3,
        itemStyle: { color: 'transparent' },
        label: {
          show: true,
          position: 'right',
          distance: 3,
          formatter: (p: { dataIndex: number }) => byIndex(p.dataIndex).figure,
          fontSize: fs - 1,
          backgroundColor: dark ? CHART_BACKGROUNDS.dark : CHART_BACKGROUNDS.light,
          padding: [1, 3],
          borderRadius: 2,
        },
        data: rows.map((r) => barValue(r)),
      },
    ],
  }
}

function barValue(row: ProgressRow): number {
  return Math.min(Math.max(row.progress ?? 0, 0), PROGRESS_AXIS_MAX)
}


// ---- groups stacked by status (departments, people) ----------------------------------------------------------

export interface GroupRow {
  id: Id | null
  name: string
  byStatus: Record<Status, number>
}

export interface StackedInput {
  groups: readonly GroupRow[]
  statusNames: StatusNames
  locale: string
  /** Base font size in pixels: 12 at a desk, larger on the big screen. */
  fontSize?: number
}

/** One horizontal bar per group (department, person), stacked by status, in the order given. */
export function stackedStatusOption({ groups, statusNames, locale, fontSize: fs = 12 }: StackedInput): EChartsCoreOption {
  const present = STATUSES.filter((s) => groups.some((g) => g.byStatus[s] > 0))
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { fontSize: fs }, data: present.map((s) => statusNames[s]) },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const group = groups[params[0]!.dataIndex]!
        const lines = present.filter((s) => group.byStatus[s] > 0).map((s) => `${dot(STATUS_COLORS[s])}${escapeHtml(statusNames[s])}：${formatNumber(group.byStatus[s], locale)}`)
        return [`<strong>${escapeHtml(group.name)}</strong>`, ...lines].join('<br>')
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fs } },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.name), axisLabel: { width: fs * 10, overflow: 'truncate', fontSize: fs }, axisTick: { show: false } },
    series: present.map((s) => ({
      name: statusNames[s],
      type: 'bar',
      stack: 'status',
      barMaxWidth: 22,
      itemStyle: { color: STATUS_COLORS[s] },
      label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''), color: '#fff', fontSize: fs - 1 },
      data: groups.map((g) => g.byStatus[s]),
    })),
  }
}

// ---- sections: the plan's own tree ---------------------------------------------------------------------------

export interface TreeInput {
  tree: readonly PlanTreeNode[]
  statusNames: StatusNames
  /** Base font size in pixels: 12 at a desk, larger on the big screen. */
  fontSize?: number
  /** On a dark background: commitments parted by dark lines. */
  dark?: boolean
}

function colourTree(nodes: readonly PlanTreeNode[]): object[] {
  return nodes.map((node) => ({
    name: node.name,
    value: node.value,
    ...(node.id ? { id: node.id, status: node.status } : {}),
    ...(node.status ? { itemStyle: { color: STATUS_COLORS[node.status] } } : {}),
    ...(node.children ? { children: colourTree(node.children) } : {}),
  }))
}

/** The plan's sections as a treemap, one tile per commitment coloured by its status. */
export function sectionTreeOption({ tree, statusNames, fontSize: fs = 12, dark = false }: TreeInput): EChartsCoreOption {
  const background = dark ? CHART_BACKGROUNDS.dark : CHART_BACKGROUNDS.light
  return {
    animation: false,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: { name: string; data: { status?: Status }; treePathInfo: { name: string }[] }) => {
        const path = p.treePathInfo.slice(1).map((n) => escapeHtml(n.name)).join(' / ')
        const status = p.data.status
        return status ? `${path}<br>${dot(STATUS_COLORS[status])}${escapeHtml(statusNames[status])}` : path
      },
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        // A narrow tile wraps its title over as many lines as it has room for (ECharts truncates the last), instead
        // of shrinking it to one character on one line.
        // (Padding smaller than ECharts' 5 px, so a one-line tile still has room for its line.)
        label: { show: true, fontSize: fs, overflow: 'break', lineHeight: Math.round(fs * 1.25), padding: [2, 4] },
        upperLabel: { show: true, height: fs + 10, color: '#fff', fontSize: fs, overflow: 'truncate' },
        itemStyle: { borderColor: background, borderWidth: 1, gapWidth: 1 },
        // The whole plan (no band of its own), its sections (一、… on a dark band), their sub-sections ((一)… on a
        // lighter one), commitments parted by the background's colour.
        levels: [
          { itemStyle: { borderColor: background, borderWidth: 0, gapWidth: 3 }, upperLabel: { show: false } },
          { itemStyle: { borderColor: '#5a6270', borderWidth: 3, gapWidth: 3 } },
          { itemStyle: { borderColor: '#8c9096', borderWidth: 2, gapWidth: 2 } },
          { itemStyle: { borderColor: background, borderWidth: 1, gapWidth: 1 } },
        ],
        data: colourTree(tree),
      },
    ],
  }
}

// ---- quarter matrix ------------------------------------------------------------------------------------------

export interface MatrixInput {
  quarters: readonly QuarterColumn[]
  rows: readonly { id: Id; title: string; statuses: readonly (Status | null)[] }[]
  statusNames: StatusNames
  /** Column label of each quarter: 一季度, Q1. */
  quarterName: (column: QuarterColumn) => string
  locale: string
  /** Base font size in pixels: 12 at a desk, larger on the big screen. */
  fontSize?: number
  /** A phone's width: shorter title labels and fewer axis ticks. */
  compact?: boolean
}

/** Commitments × quarters, each cell the status at that quarter's end (or at "as of" for the one under way). */
export function quarterMatrixOption({ quarters, rows, statusNames, quarterName, fontSize: fs = 12, compact = false }: MatrixInput): EChartsCoreOption {
  const data: { value: [number, number, number]; id: Id; itemStyle: { color: string } }[] = []
  rows.forEach((row, y) =>
    row.statuses.forEach((status, x) => {
      if (status !== null) data.push({ value: [x, y, STATUSES.indexOf(status)], id: row.id, itemStyle: { color: STATUS_COLORS[status] } })
    }),
  )
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP,
      formatter: (p: { data: { value: [number, number, number] } }) => {
        const [x, y, s] = p.data.value
        const status = STATUSES[s]!
        return `<strong>${escapeHtml(rows[y]!.title)}</strong><br>${escapeHtml(quarterName(quarters[x]!))}<br>${dot(STATUS_COLORS[status])}${escapeHtml(statusNames[status])}`
      },
    },
    xAxis: { type: 'category', position: 'top', data: quarters.map(quarterName), splitArea: { show: true }, axisTick: { show: false }, axisLabel: { fontSize: fs } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.title), axisLabel: { width: fs * (compact ? 8 : 14), overflow: 'truncate', fontSize: fs }, axisTick: { show: false } },
    // Each cell carries its status colour, so no visualMap component is needed (a smaller bundle).
    series: [{ type: 'heatmap', itemStyle: { borderWidth: 2 }, data }],
  }
}

// ---- activity calendar ---------------------------------------------------------------------------------------

export interface CalendarInput {
  range: [CalendarDate, CalendarDate]
  /** Entries per day. */
  days: readonly [CalendarDate, number][]
  label: string
  locale: string
  /** Weekday names, Monday first (一 … 日, Mon … Sun). */
  weekdays: readonly string[]
  /** Month names, January first (1月, Jan). */
  months: readonly string[]
  /** Base font size in pixels: 12 at a desk, larger on the big screen. */
  fontSize?: number
}

/** Light to dark green: more entries logged that day. */
const CALENDAR_SHADES = ['#c6e2cf', '#8cc5a0', '#4fa174', '#2e7a50']
/** Days without entries: grey that reads on the light and the dark theme alike. */
const EMPTY_DAY = 'rgba(140, 144, 150, 0.16)'

type DayCell = { value: [number, number, number]; date: CalendarDate }

/**
 * Entries logged per day over the plan's window as a calendar heat map: one column per week (Monday first), one row
 * per weekday, months named above the week they begin in. Drawn on a plain grid, so no calendar component is needed.
 */
export function activityCalendarOption({ range, days, label, locale, weekdays, months, fontSize: fs = 12 }: CalendarInput): EChartsCoreOption {
  const first = toDayNumber(range[0])
  const last = toDayNumber(range[1])
  // 1970-01-01 was a Thursday: weekday 0 is Monday.
  const weekday = (day: number) => (((day + 3) % 7) + 7) % 7
  const firstMonday = first - weekday(first)
  const cell = (date: CalendarDate, n: number): DayCell => {
    const day = toDayNumber(date)
    return { value: [Math.floor((day - firstMonday) / 7), weekday(day), n], date }
  }
  const weeks = Math.floor((last - firstMonday) / 7) + 1
  const weekLabels = Array.from({ length: weeks }, (_, w) => {
    // The month whose first day falls in this week (or the window's first week) names the column.
    for (let d = 0; d < 7; d++) {
      const day = firstMonday + w * 7 + d
      if (day < first || day > last) continue
      const date = fromDayNumber(day)
      if (date.endsWith('-01') || day === first) return months[Number(date.slice(5, 7)) - 1] ?? ''
    }
    return ''
  })
  const all: DayCell[] = []
  for (let day = first; day <= last; day++) all.push(cell(fromDayNumber(day), 0))
  const max = Math.max(1, ...days.map(([, n]) => n))
  const step = Math.max(1, Math.ceil(max / 4))
  const buckets = CALENDAR_SHADES.map((color, i) => {
    const min = i * step + 1
    const top = (i + 1) * step
    return { color, min, max: i === CALENDAR_SHADES.length - 1 ? Number.POSITIVE_INFINITY : top, name: step === 1 ? formatNumber(min, locale) : `${formatNumber(min, locale)}–${formatNumber(top, locale)}` }
  })
  // Cells are parted by a border in the theme's background colour (src/charts/echarts.ts).
  const cellStyle = { borderWidth: 2 }
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
    tooltip: { ...TOOLTIP, formatter: (p: { data: DayCell }) => `${p.data.date}<br>${escapeHtml(label)}：${formatNumber(p.data.value[2], locale)}` },
    // One series per shade, so the legend explains the shades without a visualMap component (a smaller bundle).
    legend: { bottom: 0, left: 'center', itemWidth: fs, itemHeight: fs, textStyle: { fontSize: fs - 1 }, data: buckets.map((b) => b.name) },
    xAxis: {
      type: 'category',
      position: 'top',
      data: weekLabels,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: fs - 1, align: 'left', hideOverlap: true },
      splitArea: { show: false },
    },
    yAxis: { type: 'category', inverse: true, data: [...weekdays], axisLine: { show: false }, axisTick: { show: false }, axisLabel: { fontSize: fs - 2 }, splitArea: { show: false } },
    series: [
      { type: 'heatmap', silent: true, tooltip: { show: false }, itemStyle: { ...cellStyle, color: EMPTY_DAY }, data: all },
      ...buckets.map((bucket) => ({
        type: 'heatmap',
        name: bucket.name,
        itemStyle: { ...cellStyle, color: bucket.color },
        data: days.filter(([, n]) => n >= bucket.min && n <= bucket.max).map(([date, n]) => cell(date, n)),
      })),
    ],
  }
}
