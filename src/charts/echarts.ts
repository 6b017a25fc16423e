import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'

/**
 * The one place ECharts parts are registered. Import only what charts use, from `echarts/core`, so the bundle
 * carries no unused series or components; add a chart's series and components here when the chart lands.
 */
use([CanvasRenderer, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent])
