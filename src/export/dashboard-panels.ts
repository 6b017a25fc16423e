import type { EChartsCoreOption } from 'echarts/core'
import {
  activityCalendarOption,
  progressBarsOption,
  quarterMatrixOption,
  sectionTreeOption,
  stackedStatusOption,
  statusDonutOption,
  type GroupRow,
  type StatusNames,
} from '@/charts/dashboard'
import {
  chineseNumeral,
  entriesPerDay,
  fromDayNumber,
  planTree,
  quarterMatrix,
  rollUp,
  completionText,
  shownFigures,
  STATUSES,
  summarise,
  toDayNumber,
  worstFirst,
  type CalendarDate,
  type Commitment,
  type DashboardFilters,
  type DayTotals,
  type Department,
  type Evaluation,
  type Id,
  type Person,
  type Plan,
  type PlanTreeNode,
  type QuarterColumn,
  type Section,
} from '@/domain'
import { type AppLocale, type Translate } from '@/i18n'
import { formatNumber, formatPercent } from '@/i18n/format'

export type PanelKey = 'status' | 'progress' | 'groups' | 'sections' | 'quarters' | 'calendar'

/** One chart of the dashboard with the same numbers as a table (for copying, and for screen readers). */
export interface DashboardPanel {
  key: PanelKey
  title: string
  option: EChartsCoreOption
  /** Height of the chart in pixels on a desk screen. */
  height: number
  table: { columns: string[]; rows: string[][] }
  /**
   * The commitment each table row stands for, when the rows are commitments; the chart draws the first of them, one
   * per category row, so a click anywhere on a row (or on its title in the table) opens that commitment.
   */
  rowIds?: Id[]
  /** The table row the chart's first row is (0 unless a big screen's page starts further down). */
  rowOffset?: number
  /** A long list drawn in part (the worst rows first); the table always has every row. */
  more?: { shown: number; total: number; expanded: boolean }
}

type PanelTable = DashboardPanel['table']
/** A panel whose chart option and table are still to be built. */
type PanelDraft = Omit<DashboardPanel, 'option' | 'table'> & { option: () => EChartsCoreOption; table: () => PanelTable }

/** The panel, its option and table built on first read and kept. */
function lazyParts({ option, table, ...panel }: PanelDraft): DashboardPanel {
  let builtOption: EChartsCoreOption | undefined
  let builtTable: PanelTable | undefined
  return Object.defineProperties(panel as DashboardPanel, {
    option: { enumerable: true, get: () => (builtOption ??= option()) },
    table: { enumerable: true, get: () => (builtTable ??= table()) },
  })
}

export interface PanelInputs {
  /** The plan's window, sections and day totals (empty for a frozen review, which draws no quarters or calendar). */
  data: { plan: Pick<Plan, 'window'>; sections: readonly Section[]; totals: ReadonlyMap<Id, DayTotals> } | null | undefined
  evaluations: ReadonlyMap<Id, Evaluation>
  /** The commitments that pass the filters, in plan order. */
  selected: readonly Commitment[]
  filters: DashboardFilters
  asOf: CalendarDate
  departments: readonly Department[]
  people: readonly Person[]
  /** Base font size of the charts: larger on the big screen. */
  fontSize?: number
  /** A phone's width. */
  compact?: boolean
  /** Drawn on the big screen's dark background (reference marks in light ink). */
  dark?: boolean
  /** How many commitments a list chart draws unless expanded (the worst first). */
  rowLimit?: number
  /** The first row a list chart draws (the big screen pages through every commitment, `rowLimit` at a time). */
  rowOffset?: number
  /** List charts the user asked to draw in full. */
  expanded?: ReadonlySet<PanelKey>
  /** The panels wanted, in this order; all when absent. */
  only?: readonly PanelKey[]
}

/** Weekday names (Monday first) and month names in the interface language, from the browser's own calendar data. */
function calendarNames(locale: string) {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' })
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
  // 2024-01-01 was a Monday.
  return {
    weekdays: Array.from({ length: 7 }, (_, i) => weekday.format(Date.UTC(2024, 0, 1 + i))),
    months: Array.from({ length: 12 }, (_, i) => month.format(Date.UTC(2024, i, 1))),
  }
}

/**
 * Every dashboard chart's option and table, built by the pure builders in src/charts from the filtered commitments,
 * in the given language: for the screen (`useDashboardPanels`) and for reports drawn off screen.
 */
export function dashboardPanels(inputs: PanelInputs, t: Translate, lang: AppLocale): DashboardPanel[] {
  const { data, evaluations, selected, filters, asOf, departments, people, fontSize = 12, compact = false, dark = false, rowLimit = Number.POSITIVE_INFINITY, rowOffset = 0, expanded = new Set<PanelKey>(), only } = inputs
  const pct = (value: number) => formatPercent(value, lang)
  const num = (value: number) => formatNumber(value, lang)
  if (!data) return []
  // Narrowed once for the builders below.
  const source = data
  const names = Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as StatusNames
  const evaluated = selected.filter((c) => evaluations.has(c.id))
  const summary = summarise(evaluated.map((c) => evaluations.get(c.id)!))

  const ordered = worstFirst(evaluated, evaluations)
  /** The rows a list chart draws: all when expanded, else the first `rowLimit` (the worst). */
  const drawn = <T>(key: PanelKey, rows: T[]) => {
    const open = expanded.has(key)
    const shown = open ? rows : rows.slice(rowOffset, rowOffset + rowLimit)
    return { shown, more: rows.length > rowLimit ? { shown: shown.length, total: rows.length, expanded: open } : undefined }
  }

  function status(): PanelDraft {
    return {
      key: 'status',
      title: t('dashboard.panels.status'),
      height: 280,
      option: () => statusDonutOption({ fontSize, byStatus: summary.byStatus, statusNames: names, total: num(summary.total), totalLabel: t('dashboard.headline.total'), locale: lang }),
      table: () => ({
        columns: [t('dashboard.table.status'), t('dashboard.headline.total')],
        rows: [...STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => [names[s], num(summary.byStatus[s])]), [t('dashboard.table.total'), num(summary.total)]],
      }),
    }
  }

  function progress(): PanelDraft {
    const progressRows = ordered.map((c) => {
      const e = evaluations.get(c.id)!
      const shown = shownFigures(e)
      return { id: c.id, title: c.title, status: e.status, progress: shown.completion, expected: shown.expected, gap: shown.gap, figure: completionText(c, e, lang) }
    })
    const progressDrawn = drawn('progress', progressRows)
    return {
      key: 'progress',
      title: t('dashboard.panels.progress'),
      height: Math.max(200, 48 + progressDrawn.shown.length * (fontSize + 16)),
      more: progressDrawn.more,
      rowIds: progressRows.map((r) => r.id),
      rowOffset,
      option: () => progressBarsOption({ fontSize, compact, dark, rows: progressDrawn.shown, statusNames: names, labels: { progress: t('dashboard.chartLabels.progress'), expected: t('dashboard.chartLabels.expected') }, locale: lang }),
      table: () => ({
        columns: [t('dashboard.table.title'), t('dashboard.table.status'), t('dashboard.table.progress'), t('dashboard.table.expected'), t('dashboard.table.gap')],
        rows: progressRows.map((r) => [r.title, names[r.status], r.figure, r.expected === null ? '—' : pct(r.expected), r.gap === null ? '—' : num(r.gap)]),
      }),
    }
  }

  function groups(): PanelDraft {
    const department = filters.departmentId ? departments.find((d) => d.id === filters.departmentId) : undefined
    const byGroup = rollUp(evaluated, evaluations, department ? 'owner' : 'leadDepartment')
    const nameOf = new Map<Id, string>((department ? people : departments).map((row) => [row.id, row.name]))
    const groupRows: (GroupRow & { total: number })[] = [...byGroup]
      .map(([id, s]) => ({ id, name: id === null ? t('dashboard.chartLabels.unassigned') : (nameOf.get(id) ?? t('dashboard.chartLabels.unassigned')), byStatus: s.byStatus, total: s.total }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
    const presentStatuses = STATUSES.filter((s) => groupRows.some((g) => g.byStatus[s] > 0))
    return {
      key: 'groups',
      title: department ? t('dashboard.panels.people', { department: department.name }) : t('dashboard.panels.departments'),
      height: Math.max(200, 56 + groupRows.length * 32),
      option: () => stackedStatusOption({ fontSize, groups: groupRows, statusNames: names, locale: lang }),
      table: () => ({
        columns: [t('dashboard.table.name'), ...presentStatuses.map((s) => names[s]), t('dashboard.table.total')],
        rows: groupRows.map((g) => [g.name, ...presentStatuses.map((s) => num(g.byStatus[s])), num(g.total)]),
      }),
    }
  }

  function sections(): PanelDraft {
    const tree = planTree(source.sections, evaluated, evaluations, t('dashboard.chartLabels.unsectioned'))
    const flatten = (nodes: readonly PlanTreeNode[], path: string[]): string[][] =>
      nodes.flatMap((node) => (node.children ? flatten(node.children, [...path, node.name]) : [[path.join(' / '), node.name, node.status ? names[node.status] : '']]))
    return {
      key: 'sections',
      title: t('dashboard.panels.sections'),
      // A phone's narrow panel grows taller with the commitments, so each tile keeps room for a line of its title.
      height: compact ? Math.min(900, Math.max(340, 100 + evaluated.length * 24)) : 340,
      option: () => sectionTreeOption({ fontSize, dark, tree, statusNames: names }),
      table: () => ({ columns: [t('dashboard.table.section'), t('dashboard.table.title'), t('dashboard.table.status')], rows: flatten(tree, []) }),
    }
  }

  function quarters(): PanelDraft {
    const matrix = quarterMatrix(source.plan.window, evaluated, source.totals, asOf)
    // 一季度 in Chinese, Q1 in English.
    const quarterNumber = (q: QuarterColumn) => (lang === 'zh-CN' ? chineseNumeral(q.index) : q.index)
    const quarterName = (q: QuarterColumn) =>
      q.partial ? t('dashboard.chartLabels.quarterPartial', { n: quarterNumber(q), date: q.judgedOn.slice(5) }) : t('dashboard.chartLabels.quarter', { n: quarterNumber(q) })
    // Worst first, as in the progress chart: the history of what is behind now comes first.
    const matrixRows = ordered.map((c) => ({ id: c.id, title: c.title, statuses: matrix.statuses.get(c.id) ?? [] }))
    const matrixDrawn = drawn('quarters', matrixRows)
    return {
      key: 'quarters',
      title: t('dashboard.panels.quarters'),
      height: Math.max(200, 48 + matrixDrawn.shown.length * (fontSize + 16)),
      more: matrixDrawn.more,
      rowIds: matrixRows.map((r) => r.id),
      rowOffset,
      option: () => quarterMatrixOption({ fontSize, compact, quarters: matrix.quarters, rows: matrixDrawn.shown, statusNames: names, quarterName, locale: lang }),
      table: () => ({
        columns: [t('dashboard.table.title'), ...matrix.quarters.map(quarterName)],
        rows: matrixRows.map((r) => [r.title, ...r.statuses.map((s) => (s ? names[s] : ''))]),
      }),
    }
  }

  function calendar(): PanelDraft {
    const window = source.plan.window
    const last = Math.min(toDayNumber(asOf), toDayNumber(window.end))
    const perDay = [...entriesPerDay(evaluated.map((c) => source.totals.get(c.id)).filter((x) => x !== undefined))]
      .filter(([day]) => day >= toDayNumber(window.start) && day <= last)
      .sort(([a], [b]) => a - b)
      .map(([day, n]): [CalendarDate, number] => [fromDayNumber(day), n])
    return {
      key: 'calendar',
      title: t('dashboard.panels.calendar'),
      height: 240,
      option: () => activityCalendarOption({ fontSize, range: [window.start, window.end], days: perDay, label: t('dashboard.chartLabels.entries'), locale: lang, ...calendarNames(lang) }),
      table: () => ({ columns: [t('dashboard.table.date'), t('dashboard.table.entries')], rows: perDay.map(([date, n]) => [date, num(n)]) }),
    }
  }

  // Only the panels asked for are built: a report needs two of the six. Each chart's option and table are built
  // when first read: a chart waits to be scrolled to, a table to be asked for (`lazyParts`).
  const builders: Record<PanelKey, () => PanelDraft> = { status, progress, quarters, groups, sections, calendar }
  const keys: readonly PanelKey[] = only ?? ['status', 'progress', 'quarters', 'groups', 'sections', 'calendar']
  return keys.map((key) => lazyParts(builders[key]()))
}
