import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

/**
 * The one place ECharts parts are registered. Import only what charts use, from `echarts/core`, so the bundle
 * carries no unused series or components; add a chart's series and components here when the chart lands.
 */
use([CanvasRenderer])
