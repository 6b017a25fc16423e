import { init, type EChartsCoreOption } from 'echarts/core'
import { THEMES } from './echarts'
import './dashboard-parts'

/** A chart drawn for a document: a PNG data URL with the size it was drawn at, in CSS pixels. */
export interface ChartImage {
  url: string
  width: number
  height: number
  title: string
}

/**
 * Draws one chart off screen, at a document's width (a Word page's text is about 590 px wide), and returns it as
 * a PNG at twice that resolution on white. Reports drawn this way do not depend on what a screen happens to show.
 */
export function chartImage(option: EChartsCoreOption, title: string, width: number, height: number): ChartImage {
  const host = document.createElement('div')
  const chart = init(host, THEMES.light, { renderer: 'canvas', width, height })
  try {
    chart.setOption({ ...option, animation: false })
    return { url: chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), width, height, title }
  } finally {
    chart.dispose()
  }
}
