import { registerTheme, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { THEMES } from './themes'

/**
 * The ECharts parts every chart uses, registered once. Each kind of chart registers its own series from
 * `echarts/core` where it is drawn (burnup-parts.ts, dashboard-parts.ts), so a route carries only the series it
 * shows and the bundle no unused ones.
 */
use([CanvasRenderer, GridComponent, LegendComponent, TooltipComponent])

// Status colours stay the same in both themes.
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
registerTheme(THEMES.light, {
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: '#303133' },
  heatmap: { itemStyle: { borderColor: '#fff' } },
})
registerTheme(THEMES.dark, {
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: '#e5eaf3' },
  legend: { textStyle: { color: '#e5eaf3' } },
  pie: { label: { color: '#e5eaf3', textBorderWidth: 0 } },
  bar: { label: { color: '#e5eaf3', textBorderWidth: 0 } },
  heatmap: { itemStyle: { borderColor: '#1b1f27' } },
  categoryAxis: { axisLabel: { color: '#e5eaf3' }, axisLine: { lineStyle: { color: '#5a6270' } }, splitArea: { areaStyle: { color: ['rgba(255,255,255,0.03)', 'rgba(255,255,255,0.06)'] } } },
  valueAxis: { axisLabel: { color: '#c0c6cf' }, splitLine: { lineStyle: { color: '#3a404a' } } },
})
