import {
  documentOrder,
  figureText,
  noteOf,
  reportDate,
  shownFigures,
  standingText,
  requirementText,
  reviewNarrative,
  sectionGroups,
  sectionOutline,
  STATUSES,
  type CalendarDate,
  type Commitment,
  type Department,
  type Evaluation,
  type Id,
  type Person,
  type Plan,
  type Review,
  type Section,
  type Status,
  type TextLocale,
} from '@/domain'
import { STATUS_COLORS } from '@/charts/status-colors'
import type { Translate } from '@/i18n'
import { ALL_LEDGER_COLUMNS, LEDGER_COLUMNS, REVIEW_LEDGER_COLUMNS, type LedgerInput, type LedgerRow, type LedgerSection } from '@/export/ledger-xlsx'


/** What an export shows: the dashboard's figures, or a review's (frozen or live) with what the meeting recorded. */
export interface LedgerSource {
  data: { plan: Pick<Plan, 'name' | 'window'> & Partial<Pick<Plan, 'organisation'>>; sections: readonly Section[] }
  evaluations: ReadonlyMap<Id, Evaluation>
  /** The commitments shown (the filters), in plan order. */
  selected: readonly Commitment[]
  departments: readonly Department[]
  people: readonly Person[]
  asOf: CalendarDate
  /** The review exported, with its notes and meeting. */
  review?: Pick<Review, 'title' | 'period' | 'meetingDate' | 'attendees' | 'decisions' | 'notes'>
}

/**
 * The ledger of what the dashboard or a review shows: its commitments grouped by top-level section, in plan order.
 * With `evidence` (an evidence export: each commitment's lines for its 佐证材料 cell) the ledger gains that column.
 */
export function ledgerInput(source: LedgerSource, t: Translate, lang: TextLocale, evidence?: ReadonlyMap<Id, readonly string[]>): LedgerInput {
  const { data, evaluations, selected, departments, people, asOf, review } = source
  const outline = sectionOutline(data.sections)
  const name = new Map([...departments, ...people].map((row) => [row.id, row.name]))
  const statusNames = Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<Status, string>
  // Each commitment under its own heading, sub-sections included (（一）…), as the plan document has it.
  const rows: { sectionId: Id | null; row: LedgerRow }[] = []
  let number = 0
  for (const c of documentOrder(selected, data.sections)) {
    const e = evaluations.get(c.id)
    if (!e) continue
    const shown = shownFigures(e)
    const row: LedgerRow = {
      number: String(++number),
      title: c.title,
      requirement: requirementText(c.target, lang),
      lead: c.leadDepartmentId ? (name.get(c.leadDepartmentId) ?? '') : '',
      owner: c.ownerId ? (name.get(c.ownerId) ?? '') : '',
      due: c.dueDate ?? data.plan.window.end,
      narrative: reviewNarrative(noteOf(review ?? { notes: [] }, c.id), c, e, lang),
      ...(review ? { problems: noteOf(review, c.id).problems, nextSteps: noteOf(review, c.id).nextSteps } : {}),
      completion: standingText(c, e, lang),
      actual: figureText(c, e.actual, e, lang) ?? '',
      percent: e.actual === null ? null : shown.completion,
      gap: shown.gap,
      status: e.status,
      ...(evidence ? { evidence: (evidence.get(c.id) ?? []).join('\n') } : {}),
    }
    rows.push({ sectionId: c.sectionId, row })
  }
  const { groups, held } = sectionGroups(rows, (r) => r.sectionId, data.sections)
  const rowsOf = (id: Id | null) => (groups.get(id) ?? []).map((r) => r.row)
  const sections: LedgerSection[] = [
    ...outline.filter((row) => held.has(row.section.id)).map((row) => ({ title: `${row.number}${row.section.title}`, level: row.depth, rows: rowsOf(row.section.id) })),
    ...(groups.has(null) ? [{ title: '', level: 0, rows: rowsOf(null) }] : []),
  ]
  const columns = [...(review ? REVIEW_LEDGER_COLUMNS : LEDGER_COLUMNS), ...(evidence ? (['evidence'] as const) : [])]
  return {
    title: t('ledger.title', { plan: review?.title ?? data.plan.name, date: reportDate(asOf, lang) }),
    sheetName: t('ledger.sheet'),
    columns,
    headings: Object.fromEntries(ALL_LEDGER_COLUMNS.map((key) => [key, t(`ledger.columns.${key}`)])) as LedgerInput['headings'],
    sections,
    statusColors: STATUS_COLORS,
    statusNames,
  }
}
