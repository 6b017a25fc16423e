import { describe, expect, it } from 'vitest'
import {
  activityCalendarOption,
  PROGRESS_AXIS_MAX,
  progressBarsOption,
  quarterMatrixOption,
  screenFontSize,
  sectionTreeOption,
  stackedStatusOption,
  statusDonutOption,
  type StatusNames,
} from '@/charts/dashboard'
import { escapeHtml } from '@/charts/escape'
import { CHART_BACKGROUNDS, REFERENCE_COLORS, REFERENCE_COLORS_DARK, STATUS_COLORS } from '@/charts/status-colors'
import { STATUSES, type Status } from '@/domain'

const NAMES: StatusNames = { achieved: '已完成', on_track: '序时推进', at_risk: '有风险', behind: '滞后', not_started: '未开始', missed: '未完成' }
const HOSTILE = '<img src=x onerror=alert(1)>'
const counts = (partial: Partial<Record<Status, number>>) => ({ ...Object.fromEntries(STATUSES.map((s) => [s, 0])), ...partial }) as Record<Status, number>

type Formatter = (params: unknown) => string
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const o = (option: unknown) => option as any

describe('escapeHtml', () => {
  it.each([
    [HOSTILE, '&lt;img src=x onerror=alert(1)&gt;'],
    ['"引号" & \'单引号\'', '&quot;引号&quot; &amp; &#39;单引号&#39;'],
    ['组织集中学习', '组织集中学习'],
  ])('%s', (given, expected) => expect(escapeHtml(given)).toBe(expected))
})

describe('status donut', () => {
  it('has one slice per status present, in the status colour, and the total in the middle', () => {
    const option = o(statusDonutOption({ byStatus: counts({ achieved: 4, behind: 2 }), statusNames: NAMES, total: '6', totalLabel: '项任务', locale: 'zh-CN' }))
    expect(option.series[0].data.map((d: { name: string; value: number; itemStyle: { color: string } }) => [d.name, d.value, d.itemStyle.color])).toEqual([
      ['已完成', 4, STATUS_COLORS.achieved],
      ['滞后', 2, STATUS_COLORS.behind],
    ])
    expect(option.series[1].label.formatter).toBe('{total|6}\n{word|项任务}')
    expect((option.tooltip.formatter as Formatter)({ name: '已完成', value: 4, percent: 66.6667, color: '#000' })).toContain('已完成：4（67%）')
  })
})

describe('progress bars', () => {
  const rows = [
    { id: 'a', title: HOSTILE, status: 'behind' as const, progress: 20, expected: 75, figure: '20%' },
    { id: 'b', title: '开展专题调研', status: 'achieved' as const, progress: 240, expected: 75, figure: '240%' },
  ]
  const option = o(progressBarsOption({ rows, statusNames: NAMES, labels: { progress: '完成率', expected: '序时进度' }, locale: 'zh-CN' }))

  it('keeps the order given, colours each bar by status and marks 序时进度', () => {
    expect(option.yAxis.data).toEqual([HOSTILE, '开展专题调研'])
    expect(option.series[0].data).toEqual([
      { value: 20, id: 'a', itemStyle: { color: STATUS_COLORS.behind } },
      { value: PROGRESS_AXIS_MAX, id: 'b', itemStyle: { color: STATUS_COLORS.achieved } },
    ])
    // The mark sits at 序时进度: an invisible bar up to it, then the mark stacked on top.
    expect(option.series[1].data).toEqual([74.5, 74.5])
    expect(option.series[2].data.map((d: { value: number; id: string }) => [d.id, d.value])).toEqual([['a', 1], ['b', 1]])
    expect(option.xAxis.max).toBe(PROGRESS_AXIS_MAX)
  })

  it('labels an overshoot with its real figure', () => {
    expect((option.series[3].label.formatter as Formatter)({ dataIndex: 1 })).toBe('240%')
  })

  it('writes each figure at the end of its bar, on a patch of the background above the 序时进度 mark', () => {
    const given = [
      { expected: 75, progress: 20, at: 20 },
      { expected: 30, progress: 80, at: 80 },
      { expected: 149.9, progress: 160, at: PROGRESS_AXIS_MAX },
      { expected: null, progress: null, at: 0 },
      { expected: 50, progress: -10, at: 0 },
    ]
    const args = {
      rows: given.map((g, i) => ({ id: String(i), title: String(i), status: 'on_track' as const, progress: g.progress, expected: g.expected, figure: '' })),
      statusNames: NAMES,
      labels: { progress: '完成率', expected: '序时进度' },
      locale: 'zh-CN',
    }
    const labelled = o(progressBarsOption(args))
    const carrier = labelled.series[3]
    expect(carrier.data).toEqual(given.map((g) => g.at))
    expect(carrier.itemStyle.color).toBe('transparent')
    expect(carrier.z).toBeGreaterThan(labelled.series[2].z ?? 2)
    expect(carrier.label.backgroundColor).toBe(CHART_BACKGROUNDS.light)
    expect(o(progressBarsOption({ ...args, dark: true })).series[3].label.backgroundColor).toBe(CHART_BACKGROUNDS.dark)
    expect(labelled.series[0].label).toBeUndefined()
  })

  it('draws the 序时进度 mark in dark ink on a light background and in light ink on the big screen', () => {
    const args = { rows, statusNames: NAMES, labels: { progress: '完成率', expected: '序时进度' }, locale: 'zh-CN' }
    expect(o(progressBarsOption(args)).series[2].itemStyle.color).toBe(REFERENCE_COLORS.target)
    expect(o(progressBarsOption({ ...args, dark: true })).series[2].itemStyle.color).toBe(REFERENCE_COLORS_DARK.target)
  })

  it('escapes user text in the tooltip', () => {
    const html = (option.tooltip.formatter as Formatter)([{ dataIndex: 0 }])
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
    expect(html).toContain('完成率：20%')
  })
})

describe('groups stacked by status', () => {
  it('has one series per status present, each group a bar, names escaped in the tooltip', () => {
    const groups = [
      { id: 'd1', name: HOSTILE, byStatus: counts({ achieved: 2, behind: 1 }) },
      { id: null, name: '未指定', byStatus: counts({ on_track: 3 }) },
    ]
    const option = o(stackedStatusOption({ groups, statusNames: NAMES, locale: 'zh-CN' }))
    expect(option.series.map((s: { name: string; data: number[]; itemStyle: { color: string } }) => [s.name, s.data, s.itemStyle.color])).toEqual([
      ['已完成', [2, 0], STATUS_COLORS.achieved],
      ['序时推进', [0, 3], STATUS_COLORS.on_track],
      ['滞后', [1, 0], STATUS_COLORS.behind],
    ])
    const html = (option.tooltip.formatter as Formatter)([{ dataIndex: 0 }])
    expect(html).not.toContain('<img')
    expect(html).toContain('滞后：1')
  })
})

describe('section treemap', () => {
  it('colours each commitment by status and escapes the path in the tooltip', () => {
    const option = o(sectionTreeOption({ tree: [{ name: '一、理论学习', value: 2, children: [{ name: HOSTILE, value: 1, id: 'a', status: 'at_risk' }, { name: '宣讲', value: 1, id: 'b', status: 'achieved' }] }], statusNames: NAMES }))
    const [section] = option.series[0].data
    // A narrow tile wraps its title instead of cutting it to one character.
    expect(option.series[0].label.overflow).toBe('break')
    expect(section.itemStyle).toBeUndefined()
    expect(section.children.map((c: { itemStyle: { color: string } }) => c.itemStyle.color)).toEqual([STATUS_COLORS.at_risk, STATUS_COLORS.achieved])
    const html = (option.tooltip.formatter as Formatter)({ name: HOSTILE, data: { status: 'at_risk' }, treePathInfo: [{ name: '' }, { name: '一、理论学习' }, { name: HOSTILE }] })
    expect(html).toContain('一、理论学习 / &lt;img')
    expect(html).toContain('有风险')
  })
})

describe('quarter matrix', () => {
  it('has a cell per begun quarter, in its status colour', () => {
    const quarters = [1, 2, 3, 4].map((index) => ({ index, judgedOn: '2025-03-31', partial: false, begun: index < 3 }))
    const option = o(quarterMatrixOption({ quarters, rows: [{ id: 'a', title: HOSTILE, statuses: ['on_track', 'behind', null, null] }], statusNames: NAMES, quarterName: (q) => `第${q.index}季度`, locale: 'zh-CN' }))
    expect(option.xAxis.data).toEqual(['第1季度', '第2季度', '第3季度', '第4季度'])
    expect(option.series[0].data).toEqual([
      { value: [0, 0, STATUSES.indexOf('on_track')], id: 'a', itemStyle: { color: STATUS_COLORS.on_track } },
      { value: [1, 0, STATUSES.indexOf('behind')], id: 'a', itemStyle: { color: STATUS_COLORS.behind } },
    ])
    expect((option.tooltip.formatter as Formatter)({ data: { value: [1, 0, STATUSES.indexOf('behind')] } })).not.toContain('<img')
  })
})

describe('activity calendar', () => {
  const weekdays = ['一', '二', '三', '四', '五', '六', '日']
  const months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  const option = o(activityCalendarOption({ range: ['2025-01-01', '2025-12-31'], days: [['2025-03-12', 2], ['2025-03-13', 9]], label: HOSTILE, locale: 'zh-CN', weekdays, months }))

  it('has a column per week from the Monday before the window, a row per weekday, and every day as a cell', () => {
    // 2025-01-01 was a Wednesday; 2025-12-31 too: 53 weeks from Monday 2024-12-30.
    expect(option.xAxis.data).toHaveLength(53)
    expect(option.yAxis.data).toEqual(weekdays)
    expect(option.series[0].data).toHaveLength(365)
    expect(option.series[0].data[0]).toEqual({ value: [0, 2, 0], date: '2025-01-01' })
    // Months name the week their first day falls in: 2025-03-01 is a Saturday of week 8.
    expect(option.xAxis.data[0]).toBe('1月')
    expect(option.xAxis.data[8]).toBe('3月')
    expect(option.xAxis.data.filter((label: string) => label !== '')).toEqual(months)
  })

  it('buckets the busiest day into the darkest shade, each day in exactly one', () => {
    // Shades of 3 entries each (9 is the most): 1–3, 4–6, 7–9, 10–12.
    expect(option.legend.data).toEqual(['1–3', '4–6', '7–9', '10–12'])
    expect(option.series.slice(1).map((s: { data: unknown[] }) => s.data)).toEqual([
      [{ value: [10, 2, 2], date: '2025-03-12' }],
      [],
      [{ value: [10, 3, 9], date: '2025-03-13' }],
      [],
    ])
    expect((option.tooltip.formatter as Formatter)({ data: { value: [10, 3, 9], date: '2025-03-13' } })).toBe('2025-03-13<br>&lt;img src=x onerror=alert(1)&gt;：9')
  })
})

describe('big screen font size', () => {
  it.each([
    [1920, 1080, 24],
    [3840, 2160, 32],
    [1366, 768, 17],
    [1280, 720, 16],
    [390, 844, 14],
    [800, 1280, 20],
  ])('at %i × %i px is %i px', (width, height, size) => {
    expect(screenFontSize(width, height)).toBe(size)
  })
})
