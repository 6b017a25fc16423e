import { progressText, reportDate, sectionOutline, STATUSES, topSectionOf, summarise, summaryText, type Id, type TextLocale } from '@/domain'
import type { ReportImage, ReportInput } from '@/io/report-docx'
import type { LedgerSource, Translate } from './ledger-input'

/** A PNG data URL's bytes. */
export function pngBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1)
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/**
 * The Word report of what the dashboard shows: the summary sentence, each top-level section with its commitments'
 * 进展情况, a table of counts by status, and the charts given as images.
 */
export function reportInput(source: LedgerSource, images: ReportImage[], t: Translate, lang: TextLocale): ReportInput {
  const { data, evaluations, selected, asOf } = source
  const outline = sectionOutline(data.sections)
  const topOf = topSectionOf(data.sections)
  const shown = selected.filter((c) => evaluations.has(c.id))
  const summary = summarise(shown.map((c) => evaluations.get(c.id)!))
  const paragraphs = new Map<Id | null, string[]>()
  for (const c of shown) {
    const key = topOf(c.sectionId)
    paragraphs.set(key, [...(paragraphs.get(key) ?? []), progressText(c, evaluations.get(c.id)!, lang)])
  }
  const tops = outline.filter((row) => row.depth === 0 && paragraphs.has(row.section.id))
  return {
    title: t('report.title', { plan: data.plan.name }),
    summary: summaryText(data.plan.name, asOf, summary.byStatus, lang),
    sections: [
      ...tops.map((row) => ({ heading: `${row.number}${row.section.title}`, paragraphs: paragraphs.get(row.section.id)! })),
      ...(paragraphs.has(null) ? [{ heading: t('report.other'), paragraphs: paragraphs.get(null)! }] : []),
    ],
    figuresHeading: t('report.figures'),
    table: {
      header: [t('dashboard.table.status'), t('dashboard.headline.total')],
      rows: [...STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => [t(`status.${s}`), String(summary.byStatus[s])]), [t('dashboard.table.total'), String(summary.total)]],
    },
    images: images.map((image, i) => ({ ...image, caption: t('report.figure', { n: i + 1, title: image.caption, date: reportDate(asOf, lang) }) })),
  }
}
