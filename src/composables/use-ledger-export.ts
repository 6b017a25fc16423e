import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ChartImage } from '@/charts/chart-image'
import { NO_FILTERS, type DateWindow } from '@/domain'
import { commitmentEvidence, readFile } from '@/db'
import { useSharingStore } from '@/stores/sharing'
import { useStorageStore } from '@/stores/storage'
import type { LedgerSource } from '@/export/ledger-input'
import { dashboardPanels } from '@/export/dashboard-panels'
import { useLocale } from './use-locale'
import { errorDetail } from './error-detail'
import { download } from '@/io/download'

/** A Word page's text width in CSS pixels (156 mm at 96 dpi): charts drawn at it are not scaled in the report. */
const REPORT_CHART_WIDTH = 590

/**
 * Downloads what the dashboard or a review shows as an Excel 台账, a Word report or the evidence zip; their code,
 * exceljs, docx and the zip writer load only when the user exports.
 */
export function useLedgerExport() {
  const { t } = useI18n()
  const lang = useLocale()
  const { storage } = useStorageStore()
  const sharing = useSharingStore()

  /** What the files are named after: the review, else the plan. */
  const titleOf = (source: LedgerSource) => source.review?.title ?? source.data.plan.name

  /** The 台账's file name and bytes; with each commitment's 佐证材料 lines when it goes with the evidence zip. */
  async function ledgerFile(source: LedgerSource, evidence?: ReadonlyMap<string, readonly string[]>) {
    const [{ ledgerInput }, { buildLedger }, ExcelJS] = await Promise.all([import('@/export/ledger-input'), import('@/export/ledger-xlsx'), import('exceljs')])
    const bytes = await buildLedger(ledgerInput(source, t, lang.value, evidence), ExcelJS.default ?? ExcelJS)
    return { name: `${t('ledger.file', { plan: titleOf(source), date: source.asOf })}.xlsx`, bytes }
  }

  async function exportLedger(source: LedgerSource) {
    const { name, bytes } = await ledgerFile(source)
    download(name, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  }

  /**
   * 导出佐证材料: one zip of the evidence of the commitments shown, of entries dated in `window` (the plan up to its
   * date, or a review's period): a folder per commitment as the 台账 numbers it, and the 台账 itself beside them with
   * a 佐证材料 column listing each row's files. A shared dataset's file not on this device is fetched from the hub
   * first; one that cannot be had (offline, not uploaded yet) is listed as such and left out, and the user is told
   * how many.
   */
  async function exportEvidence(source: LedgerSource, window: DateWindow) {
    const [{ evidenceLayout }, { writeZip }, { exportNotice }] = await Promise.all([import('@/export/evidence-input'), import('@/io/zip-write'), import('./export-notice')])
    const evidence = await commitmentEvidence(storage.db, source.selected.map((c) => c.id), window)
    const layout = evidenceLayout(source.data.sections, source.selected, evidence)
    // Blobs read from IndexedDB are handles: their bytes are read one file at a time as the zip is written.
    const stored = new Map<string, Blob>()
    const rows = new Map(evidence.map(({ attachment }) => [attachment.id, attachment]))
    for (const id of new Set(layout.files.map((f) => f.attachmentId))) {
      const here = (await readFile(storage.db, id))?.file
      const file = here ?? (sharing.setting ? await sharing.fetchFile(rows.get(id)!).catch(() => null) : null)
      if (file) stored.set(id, file)
    }
    const placed = layout.files.filter((f) => stored.has(f.attachmentId))
    const missing = new Set(layout.files.filter((f) => !stored.has(f.attachmentId)).map((f) => f.path))
    const lines = new Map([...layout.byCommitment].map(([id, paths]) => [id, paths.map((p) => (missing.has(p) ? t('evidence.listedMissing', { path: p }) : p))]))
    const ledger = await ledgerFile(source, lines)
    async function* files() {
      yield { path: ledger.name, data: new Uint8Array(ledger.bytes) }
      for (const f of placed) yield { path: f.path, data: new Uint8Array(await stored.get(f.attachmentId)!.arrayBuffer()) }
    }
    const zip = await writeZip(files())
    download(`${t('evidence.zipFile', { plan: titleOf(source), date: source.asOf })}.zip`, zip)
    if (missing.size > 0) exportNotice('warning', t('evidence.exportedMissing', { n: placed.length, missing: missing.size }))
    else exportNotice('success', t('evidence.exported', { n: placed.length }))
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

  return { error, cause, exportLedger: guarded(exportLedger), exportEvidence: guarded(exportEvidence), exportReport: guarded(exportReport), exportReviewReport: guarded(exportReviewReport) }
}
