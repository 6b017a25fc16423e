import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import BaseChart from '@/charts/BaseChart.vue'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'
import { fakeViewport } from '../support/viewport'

// happy-dom has no canvas: the real ECharts instance is exercised in the browser (e2e); here we check what
// BaseChart hands to it.
// The stub's grid is 300 px tall from y = 30, with rows 30 px high (row i spans 30 + 30i .. 60 + 30i).
const VChartStub = defineComponent({
  name: 'VChart',
  props: { option: { type: Object, default: null }, initOptions: { type: Object, default: null }, autoresize: Boolean },
  emits: ['click', 'zr:click', 'finished'],
  setup: (_props, { expose }) => {
    expose({
      containPixel: (_finder: unknown, [, y]: number[]) => y! >= 30 && y! < 330,
      convertFromPixel: (_finder: unknown, [, y]: number[]) => [0, (y! - 45) / 30],
    })
    return () => h('div')
  },
})

type ChartProps = { option: Record<string, unknown>; label: string; rowIds?: string[] }
let viewport: ReturnType<typeof fakeViewport>
let partsLoaded = 0
const parts = async () => void partsLoaded++
beforeEach(() => {
  viewport = fakeViewport()
  partsLoaded = 0
})
afterEach(() => viewport.restore())

const mountChart = (props: ChartProps, i18n = createAppI18n('zh-CN', { en })) => mount(BaseChart, { props: { ...props, parts }, global: { plugins: [i18n], stubs: { Echarts: VChartStub } } })
/** ECharts (the stub) once its code has loaded. */
async function loaded(wrapper: ReturnType<typeof mountChart>) {
  await vi.waitFor(() => expect(wrapper.findComponent(VChartStub).exists()).toBe(true))
  return wrapper.findComponent(VChartStub)
}
/** A chart brought into view, so that ECharts (the stub) is created. */
async function mountInView(props: ChartProps, i18n = createAppI18n('zh-CN', { en })) {
  const wrapper = mountChart(props, i18n)
  viewport.enter()
  await loaded(wrapper)
  return wrapper
}

describe('BaseChart', () => {
  it('loads ECharts and the chart\'s series as it is set up, and creates the chart only when it comes near the screen', async () => {
    const wrapper = mountChart({ option: {}, label: 'x' })
    await flushPromises()
    expect(partsLoaded).toBe(1)
    expect(wrapper.findComponent(VChartStub).exists()).toBe(false)
    expect(wrapper.get('.base-chart').attributes('data-drawn')).toBeUndefined()
    viewport.enter()
    const chart = await loaded(wrapper)
    chart.vm.$emit('finished')
    await nextTick()
    expect(wrapper.get('.base-chart').attributes('data-drawn')).toBe('true')
  })

  it('draws a chart out of sight when asked (for a report), and says when it is drawn', async () => {
    const wrapper = mountChart({ option: {}, label: 'x' })
    let drawn = false
    const done = (wrapper.vm as unknown as { whenDrawn: () => Promise<void> }).whenDrawn().then(() => (drawn = true))
    const chart = await loaded(wrapper)
    await flushPromises()
    expect(drawn).toBe(false)
    chart.vm.$emit('finished')
    await done
    expect(drawn).toBe(true)
  })

  it('initialises ECharts in the interface language and re-initialises on a switch', async () => {
    const i18n = createAppI18n('zh-CN', { en })
    const option = { series: [] }
    const wrapper = await mountInView({ option, label: '完成情况' }, i18n)
    const chart = wrapper.findComponent(VChartStub)
    expect(chart.props('initOptions')).toEqual({ renderer: 'canvas', locale: 'ZH' })
    expect(chart.props('option')).toBe(option)
    expect(chart.props('autoresize')).toBe(true)

    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(chart.props('initOptions')).toEqual({ renderer: 'canvas', locale: 'EN' })
  })

  it('labels the chart for screen readers', () => {
    const wrapper = mountChart({ option: {}, label: 'Progress by section' }, createAppI18n('en', { en }))
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe('Progress by section')
  })

  it.each([
    ['a click on the middle of row 2 selects its commitment', 45 + 30, ['b']],
    ['a click near the edge of row 1 still selects it', 44 + 14, ['a']],
    ['a click outside the grid (the legend) selects nothing', 10, []],
    ['a click below the last row selects nothing', 45 + 30 * 3, []],
  ])('%s', async (_name, y, selected) => {
    const wrapper = await mountInView({ option: {}, label: '任务完成进度', rowIds: ['a', 'b', 'c'] })
    wrapper.findComponent(VChartStub).vm.$emit('zr:click', { offsetX: 200, offsetY: y })
    expect(wrapper.emitted('select') ?? []).toEqual(selected.map((id) => [id]))
  })

  it('selects a mark\'s commitment when its rows are not commitments, and leaves row charts to the row click', async () => {
    const mark = { data: { value: 3, id: 'a' } }
    const plain = await mountInView({ option: {}, label: 'x' })
    plain.findComponent(VChartStub).vm.$emit('click', mark)
    expect(plain.emitted('select')).toEqual([['a']])
    const rows = await mountInView({ option: {}, label: 'x', rowIds: ['a'] })
    rows.findComponent(VChartStub).vm.$emit('click', mark)
    expect(rows.emitted('select')).toBeUndefined()
  })
})
