import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import BaseChart from '@/charts/BaseChart.vue'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'

// happy-dom has no canvas: the real ECharts instance is exercised in the browser (e2e); here we check what
// BaseChart hands to it.
const VChartStub = defineComponent({
  name: 'VChart',
  props: { option: { type: Object, default: null }, initOptions: { type: Object, default: null }, autoresize: Boolean },
  setup: () => () => h('div'),
})

describe('BaseChart', () => {
  it('initialises ECharts in the interface language and re-initialises on a switch', async () => {
    const i18n = createAppI18n('zh-CN', { en })
    const option = { series: [] }
    const wrapper = mount(BaseChart, {
      props: { option, label: '完成情况' },
      global: { plugins: [i18n], stubs: { Echarts: VChartStub } },
    })
    const chart = wrapper.findComponent(VChartStub)
    expect(chart.props('initOptions')).toEqual({ renderer: 'canvas', locale: 'ZH' })
    expect(chart.props('option')).toBe(option)
    expect(chart.props('autoresize')).toBe(true)

    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(chart.props('initOptions')).toEqual({ renderer: 'canvas', locale: 'EN' })
  })

  it('labels the chart for screen readers', () => {
    const wrapper = mount(BaseChart, {
      props: { option: {}, label: 'Progress by section' },
      global: { plugins: [createAppI18n('en', { en })], stubs: { Echarts: VChartStub } },
    })
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe('Progress by section')
  })
})
