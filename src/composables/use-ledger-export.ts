import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ChartImage } from '@/charts/chart-image'
import { NO_FILTERS } from '@/domain'
import type { LedgerSource } from '@/export/ledger-input'
import { dashboardPanels } from '@/export/dashboard-panels'
import { useLocale } from './use-locale'
import { errorDetail } from './error-detail'
import { download } from '@/io/download'

/** A Word page's text width in CSS pixels (156 mm at 96 dpi): charts drawn at it are not scaled in the report. */
const REPORT_CHART_WIDTH = 590

/**
 * Downloads what the dashboard or a review shows as an Excel 台账 or a Word report; their code, exceljs and docx load only
 * when the user exports.
 */
export function useLedgerExport() {
  const { t } = useI18n()
  const lang = useLocale()

  async function exportLedger(source: LedgerSource) {
    const [{ ledgerInput }, { buildLedger }, ExcelJS] = await Promise.all([import('@/export/ledger-input'), import('@/export/ledger-xlsx'), import('exceljs')])
    const bytes = await buildLedger(ledgerInput(source, t, lang.value), ExcelJS.default ?? ExcelJS)
    const name = source.review?.title ?? source.data.plan.name
    download(`${t('ledger.file', { plan: name, date: source.asOf })}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  }

  async function exportReport(source: LedgerSource, charts: ChartImage[]) {
    const [{ reportInput, pngBytes }, { buildReport }, docx] = await Promise.all([import('@/export/report-input'), import('@/export/report-docx'), import('docx')])
    const images = charts.map((c) => ({ data: pngBytes(c.url), width: c.width, height: c.height, caption: c.title }))
    const input = reportInput(source, images, t, lang.value)
    const bytes = await buildReport(input, docx)
    // A review's report is named by its own title (关于2025年第三季度工作推进情况的报告); the dashboard's by plan and date.
    const name = source.review ? input.title : t('report.file', { plan: source.data.plan.name, date: source.asOf })
    download(`${name}.docx`, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  }

  /**
   * A review's Word report, with its status donut and progress chart drawn off screen at the page's width, so the
   * report is the same from the list as from the review page.
   */
  async function exportReviewReport(source: LedgerSource) {
    const { chartImage } = await import('@/charts/chart-image')
    const panels = dashboardPanels(
      { ...source, data: { ...source.data, totals: new Map() }, filters: NO_FILTERS, rowLimit: 30, only: ['status', 'progress'] },
      t,
      lang.value,
    )
    await exportReport(source, panels.map((panel) => chartImage(panel.option, panel.title, REPORT_CHART_WIDTH, panel.height)))
  }

  /** Why the last export failed, in the user's language with its cause; null when it did not. Shown beside the buttons. */
  const error = shallowRef<string | null>(null)
  /** What was thrown, kept for whoever looks into it. */
  const cause = shallowRef<unknown>(null)
  /** An export that fails (a part could not load, the file could not be made) says so, and why, instead of failing silently. */
  function guarded<A extends unknown[]>(action: (...args: A) => Promise<void>) {
    return async (...args: A) => {
      error.value = null
      cause.value = null
      try {
        await action(...args)
      } catch (thrown) {
        cause.value = thrown
        const detail = errorDetail(thrown)
        error.value = detail ? t('ledger.failedCause', { cause: detail }) : t('ledger.failed')
      }
    }
  }

  return { error, cause, exportLedger: guarded(exportLedger), exportReport: guarded(exportReport), exportReviewReport: guarded(exportReviewReport) }
}
