import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import type { CommitmentRecord, PlanRecord } from '@/db'
import { dashboardPanels, type DashboardPanel, type PanelKey } from '@/export/dashboard-panels'
import { useDashboardPanels } from '@/composables/use-dashboard-panels'
import { evaluateTotals, NO_FILTERS, type Commitment } from '@/domain'
import { createAppI18n } from '@/i18n'
import ChartPanel from '@/components/dashboard/ChartPanel.vue'

const stamp = { updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: '王芳', deletedAt: null }
const plan: PlanRecord = { id: 'p', name: '2025年工作谋划', organisation: '', window: { start: '2025-01-01', end: '2025-12-31' }, ...stamp }
const commitments: CommitmentRecord[] = Array.from({ length: 40 }, (_, i): Commitment => ({
  id: `c${String(i).padStart(2, '0')}`,
  planId: 'p',
  sectionId: null,
  title: `任务${i + 1}`,
  target: { kind: 'count', value: 10 + i, direction: 'at_least', unit: '次' },
  leadDepartmentId: null,
  coDepartmentIds: [],
  leaderId: null,
  ownerId: null,
  dueDate: null,
  phasing: null,
  order: i,
})).map((c) => ({ ...c, ...stamp }))
const evaluations = evaluateTotals(plan.window, commitments, new Map(), '2025-06-30')

function panels(expanded: PanelKey[] = []): DashboardPanel[] {
  let result: DashboardPanel[] = []
  const Host = defineComponent({
    setup() {
      const built = useDashboardPanels(() => ({
        data: { plan, sections: [], commitments, totals: new Map() },
        evaluations,
        selected: commitments,
        filters: NO_FILTERS,
        asOf: '2025-06-30',
        departments: [],
        people: [],
        rowLimit: 30,
        expanded: new Set(expanded),
      }))
      result = built.value
      return () => h('div')
    },
  })
  mount(Host, { global: { plugins: [createAppI18n('zh-CN')] } })
  return result
}

const panel = (list: DashboardPanel[], key: PanelKey) => list.find((p) => p.key === key)!
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yAxis = (p: DashboardPanel) => (p.option as any).yAxis.data as string[]

describe('dashboard panels', () => {
  it('build only the panels asked for, and round the table\'s gap as every other gap is shown', () => {
    const t = createAppI18n('zh-CN').global.t as (key: string, values?: Record<string, unknown>) => string
    const inputs = { data: { plan, sections: [], totals: new Map() }, evaluations, selected: commitments, filters: NO_FILTERS, asOf: '2025-06-30', departments: [], people: [] }
    const built = dashboardPanels({ ...inputs, only: ['progress', 'status'] }, t, 'zh-CN')
    expect(built.map((p) => p.key)).toEqual(['progress', 'status'])
    // Nothing logged by 06-30, when 49.6% of the year has passed: 50 points behind, as the text would say.
    expect(panel(built, 'progress').table.rows[0]!.at(-1)).toBe('-50')
  })

  it('build a chart\'s option and its table when first read, and once', () => {
    const base = createAppI18n('zh-CN').global.t as (key: string, values?: Record<string, unknown>) => string
    const asked: string[] = []
    const t = (key: string, values?: Record<string, unknown>) => (asked.push(key), base(key, values))
    const inputs = { data: { plan, sections: [], totals: new Map() }, evaluations, selected: commitments, filters: NO_FILTERS, asOf: '2025-06-30', departments: [], people: [] }
    const [progress] = dashboardPanels({ ...inputs, only: ['progress'] }, t, 'zh-CN')
    const reads = (key: string) => asked.filter((k) => k === key).length
    expect([reads('dashboard.table.gap'), reads('dashboard.chartLabels.expected')]).toEqual([0, 0])
    expect(progress!.table).toBe(progress!.table)
    expect(progress!.option).toBe(progress!.option)
    expect([reads('dashboard.table.gap'), reads('dashboard.chartLabels.expected')]).toEqual([1, 1])
    expect(progress!.title).toBe('各项任务完成率（最差在前）')
  })

  it('give the section map of a phone more height the more commitments it holds, and the big screen light marks', () => {
    const t = createAppI18n('zh-CN').global.t as (key: string, values?: Record<string, unknown>) => string
    const inputs = { data: { plan, sections: [], totals: new Map() }, evaluations, filters: NO_FILTERS, asOf: '2025-06-30', departments: [], people: [], only: ['sections', 'progress'] as PanelKey[] }
    const height = (n: number, compact: boolean) => panel(dashboardPanels({ ...inputs, selected: commitments.slice(0, n), compact }, t, 'zh-CN'), 'sections').height
    expect([height(5, false), height(40, false)]).toEqual([340, 340])
    expect([height(5, true), height(16, true), height(40, true)]).toEqual([340, 484, 900])
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const mark = (dark: boolean) => (panel(dashboardPanels({ ...inputs, selected: commitments, dark }, t, 'zh-CN'), 'progress').option as any).series[2].itemStyle.color
    expect(mark(true)).not.toBe(mark(false))
  })

  it('draw the 30 worst of a long list, keep every row in the table, and draw all when expanded', () => {
    const collapsed = panels()
    for (const key of ['progress', 'quarters'] as const) {
      expect(panel(collapsed, key).more).toEqual({ shown: 30, total: 40, expanded: false })
      expect(yAxis(panel(collapsed, key))).toHaveLength(30)
      expect(panel(collapsed, key).table.rows).toHaveLength(40)
    }
    // Nothing logged by mid-year: all equally behind, so the title decides the order.
    expect(yAxis(panel(collapsed, 'progress')).slice(0, 3)).toEqual(['任务1', '任务10', '任务11'])
    const open = panels(['progress'])
    expect(panel(open, 'progress').more).toEqual({ shown: 40, total: 40, expanded: true })
    expect(yAxis(panel(open, 'progress'))).toHaveLength(40)
    expect(panel(open, 'quarters').more?.expanded).toBe(false)
  })

  it('a panel says how much it draws, asks for the rest, and shows its numbers as a table', async () => {
    const progress = panel(panels(), 'progress')
    const wrapper = mount(ChartPanel, { props: { panel: progress }, global: { plugins: [createAppI18n('zh-CN')], stubs: { BaseChart: true } } })
    expect(wrapper.get('[data-testid="panel-more"]').text()).toContain('图中为最差的30项，共40项')
    await wrapper.get('[data-testid="panel-more-toggle"]').trigger('click')
    expect(wrapper.emitted('toggleMore')).toHaveLength(1)
    await wrapper.get('[data-testid="panel-table"]').trigger('click')
    expect(wrapper.findAll('tbody tr')).toHaveLength(40)
    expect(wrapper.find('[data-testid="panel-more"]').exists()).toBe(false)
  })
})
