import { useI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, isAppLocale } from '@/i18n'
import type { LedgerSource } from './ledger-input'

function download(bytes: ArrayBuffer, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A chart as the dashboard shows it, for the Word report. */
export interface ChartImage {
  url: string
  width: number
  height: number
  title: string
}

/**
 * Downloads what the dashboard or a review shows as an Excel 台账 or a Word report; their code, exceljs and docx load only
 * when the user exports.
 */
export function useLedgerExport() {
  const { t, locale } = useI18n()
  const lang = () => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE)

  async function exportLedger(source: LedgerSource) {
    const [{ ledgerInput }, { buildLedger }, ExcelJS] = await Promise.all([import('./ledger-input'), import('@/io/ledger-xlsx'), import('exceljs')])
    const bytes = await buildLedger(ledgerInput(source, t, lang()), ExcelJS.default ?? ExcelJS)
    const name = source.review?.title ?? source.data.plan.name
    download(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${t('ledger.file', { plan: name, date: source.asOf })}.xlsx`)
  }

  async function exportReport(source: LedgerSource, charts: ChartImage[]) {
    const [{ reportInput, pngBytes }, { buildReport }, docx] = await Promise.all([import('./report-input'), import('@/io/report-docx'), import('docx')])
    const images = charts.map((c) => ({ data: pngBytes(c.url), width: c.width, height: c.height, caption: c.title }))
    const input = reportInput(source, images, t, lang())
    const bytes = await buildReport(input, docx)
    // A review's report is named by its own title (关于2025年第三季度工作推进情况的报告); the dashboard's by plan and date.
    const name = source.review ? input.title : t('report.file', { plan: source.data.plan.name, date: source.asOf })
    download(bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${name}.docx`)
  }

  return { exportLedger, exportReport }
}
