import { init, type EChartsCoreOption } from 'echarts/core'
import './echarts'
import { THEMES } from './themes'
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

/**
 * A saved chart as a picture that says what it is: the chart's PNG under a header with its title and, below it,
 * what it shows (plan · 截至 date). Drawn at the PNG's own resolution; `scale` is its pixels per CSS pixel.
 */
export async function titledPng(url: string, title: string, context: string, scale = 2): Promise<Blob> {
  const chart = new Image()
  chart.src = url
  await chart.decode()
  const header = Math.round(64 * scale)
  const canvas = document.createElement('canvas')
  canvas.width = chart.naturalWidth
  canvas.height = chart.naturalHeight + header
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no 2d canvas')
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, canvas.width, canvas.height)
  g.fillStyle = '#1f2329'
  g.font = `600 ${Math.round(18 * scale)}px system-ui, "Noto Sans CJK SC", sans-serif`
  g.textBaseline = 'top'
  g.fillText(title, 16 * scale, 12 * scale, canvas.width - 32 * scale)
  g.fillStyle = '#646a73'
  g.font = `${Math.round(13 * scale)}px system-ui, "Noto Sans CJK SC", sans-serif`
  g.fillText(context, 16 * scale, 40 * scale, canvas.width - 32 * scale)
  g.drawImage(chart, 0, header)
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'))
}
