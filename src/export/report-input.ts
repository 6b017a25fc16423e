import {
  noteOf,
  periodName,
  reportDate,
  reviewNarrative,
  documentOrder,
  sectionGroups,
  sectionNumber,
  sectionOutline,
  STATUSES,
  summarise,
  summaryText,
  type Commitment,
  type Id,
  type TextLocale,
} from '@/domain'
import type { ReportImage, ReportInput, ReportSection } from '@/export/report-docx'
import type { Translate } from '@/i18n'
import type { LedgerSource } from './ledger-input'

/** A PNG data URL's bytes. */
export function pngBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1)
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/** The heading numbers of a 公文 (一、 （一） 1. （1）) in Chinese; 1. (1) (a) in English. */
function headingNumber(depth: number, position: number, lang: TextLocale): string {
  if (lang === 'zh-CN') return depth <= 1 ? sectionNumber(depth, position) : depth === 2 ? `${position}．` : `（${position}）`
  if (depth === 0) return `${position}. `
  return depth === 1 ? `(${position}) ` : `(${String.fromCharCode(96 + Math.min(position, 26))}) `
}

/** What the user typed, ended as a sentence (。 or .) when it is not already. */
function sentence(text: string, lang: TextLocale): string {
  return /[。！？；.!?;…]$/.test(text) ? text : `${text}${lang === 'zh-CN' ? '。' : '.'}`
}

/** Non-empty lines of a text the user typed. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)

/**
 * The Word report of what the dashboard or a review shows: the summary sentence, each top-level section with its
 * commitments' 进展情况, a table of counts by status, and the charts given as images. A review's report is laid
 * out as a meeting's summary: 一、工作进展情况 with a （一） part per section, then 存在的问题, 下一步措施 and 会议议定事项
 * where the meeting recorded them.
 */
export function reportInput(source: LedgerSource, images: ReportImage[], t: Translate, lang: TextLocale): ReportInput {
  const { data, evaluations, selected, asOf, review } = source
  const outline = sectionOutline(data.sections)
  // In the plan's order, whatever order the screen showed them in.
  const shown = documentOrder(
    selected.filter((c) => evaluations.has(c.id)),
    data.sections,
  )
  const summary = summarise(shown.map((c) => evaluations.get(c.id)!))
  const notes = review ?? { notes: [] }
  const { groups: bySection, held } = sectionGroups(shown, (c) => c.sectionId, data.sections)
  const narrativeOf = (cs: readonly Commitment[]) => cs.map((c) => reviewNarrative(noteOf(notes, c.id), c, evaluations.get(c.id)!, lang))
  // Every section that holds a shown commitment, itself or below it, with its sub-sections (（一）…), each keeping its
  // number in the plan when others are filtered out.
  const siblings = new Map<Id | null, number>()
  const parts = [
    ...outline.flatMap((row) => {
      const parent = row.depth === 0 ? null : row.section.parentId
      const position = (siblings.get(parent) ?? 0) + 1
      siblings.set(parent, position)
      return held.has(row.section.id) ? [{ depth: row.depth, position: position as number | null, title: row.section.title, commitments: bySection.get(row.section.id) ?? [] }] : []
    }),
    ...(bySection.has(null) ? [{ depth: 0, position: null, title: t('report.other'), commitments: bySection.get(null)! }] : []),
  ]
  const numbered = (shift: number, part: (typeof parts)[number]) => (part.position === null ? part.title : `${headingNumber(part.depth + shift, part.position, lang)}${part.title}`)
  const table = {
    header: [t('dashboard.table.status'), t('dashboard.headline.total')],
    rows: [...STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => [t(`status.${s}`), String(summary.byStatus[s])]), [t('dashboard.table.total'), String(summary.total)]],
  }
  const caption = (image: ReportImage, i: number) => ({ ...image, caption: t('report.figure', { n: i + 1, title: image.caption, date: reportDate(asOf, lang) }) })
  const summaryLine = summaryText(data.plan.name, asOf, summary.byStatus, lang)

  if (!review) {
    return {
      title: t('report.title', { plan: data.plan.name }),
      summary: summaryLine,
      sections: parts.map((part) => ({ heading: numbered(0, part), level: part.depth + 1, paragraphs: narrativeOf(part.commitments) })),
      figuresHeading: t('report.figures'),
      table,
      images: images.map(caption),
      signature: { organisation: data.plan.organisation?.trim() ?? '', date: reportDate(asOf, lang) },
    }
  }

  const titled = (key: 'problems' | 'nextSteps') =>
    shown.flatMap((c) => {
      const text = noteOf(review, c.id)[key].trim()
      return text ? [t('review.report.item', { title: c.title, text: sentence(text, lang) })] : []
    })
  const meeting = [
    ...(review.meetingDate ? [t('review.report.meetingDate', { date: reportDate(review.meetingDate, lang) })] : []),
    ...(review.attendees.trim() ? [t('review.report.attendees', { attendees: review.attendees.trim() })] : []),
  ]
  const chapters: { title: string; paragraphs: string[]; parts?: ReportSection[] }[] = [
    { title: t('review.report.narrative'), paragraphs: [], parts: parts.map((part): ReportSection => ({ heading: numbered(1, part), level: part.depth + 2, paragraphs: narrativeOf(part.commitments) })) },
    { title: t('review.report.problems'), paragraphs: titled('problems') },
    { title: t('review.report.nextSteps'), paragraphs: titled('nextSteps') },
    { title: t('review.report.decisions'), paragraphs: lines(review.decisions).map((line) => sentence(line, lang)) },
  ].filter((chapter) => chapter.paragraphs.length > 0 || (chapter.parts?.length ?? 0) > 0)
  return {
    title: t('review.report.title', { period: periodName(review.period, lang) }),
    summary: summaryLine,
    sections: [
      ...(meeting.length ? [{ heading: '', paragraphs: [meeting.join('')] }] : []),
      ...chapters.flatMap((chapter, i): ReportSection[] => [{ heading: `${headingNumber(0, i + 1, lang)}${chapter.title}`, paragraphs: chapter.paragraphs }, ...(chapter.parts ?? [])]),
    ],
    figuresHeading: `${headingNumber(0, chapters.length + 1, lang)}${t('report.figures')}`,
    table,
    images: images.map(caption),
    signature: { organisation: data.plan.organisation?.trim() ?? '', date: reportDate(review.meetingDate ?? asOf, lang) },
  }
}
