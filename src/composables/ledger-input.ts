import type { CommitmentRecord, DepartmentRecord, PersonRecord } from '@/db'
import {
  evaluationUnit,
  progressText,
  reportDate,
  reportNumber,
  requirementText,
  sectionOutline,
  topSectionOf,
  STATUSES,
  type CalendarDate,
  type Evaluation,
  type Id,
  type Status,
  type TextLocale,
} from '@/domain'
import { STATUS_COLORS } from '@/charts/status-colors'
import { LEDGER_COLUMNS, type LedgerInput, type LedgerRow, type LedgerSection } from '@/io/ledger-xlsx'
import type { DashboardData } from './use-dashboard-data'

/** Translates a message key with named values (vue-i18n's `t`). */
export type Translate = (key: string, values?: Record<string, unknown>) => string

export interface LedgerSource {
  data: DashboardData
  evaluations: ReadonlyMap<Id, Evaluation>
  /** The commitments shown (the dashboard's filters), in plan order. */
  selected: readonly CommitmentRecord[]
  departments: readonly DepartmentRecord[]
  people: readonly PersonRecord[]
  asOf: CalendarDate
}

/** The ledger of what the dashboard shows: its commitments grouped by top-level section, in plan order. */
export function ledgerInput(source: LedgerSource, t: Translate, lang: TextLocale): LedgerInput {
  const { data, evaluations, selected, departments, people, asOf } = source
  const outline = sectionOutline(data.sections)
  const topOf = topSectionOf(data.sections)
  const name = new Map([...departments, ...people].map((row) => [row.id, row.name]))
  const statusNames = Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<Status, string>
  const groups = new Map<Id | null, LedgerRow[]>()
  let number = 0
  const ordered = [...selected].sort((a, b) => {
    const rank = (c: CommitmentRecord) => outline.findIndex((row) => row.section.id === c.sectionId)
    return rank(a) - rank(b) || a.order - b.order
  })
  for (const c of ordered) {
    const e = evaluations.get(c.id)
    if (!e) continue
    const unit = evaluationUnit(c.target)
    const row: LedgerRow = {
      number: String(++number),
      title: c.title,
      requirement: requirementText(c.target, lang),
      lead: c.leadDepartmentId ? (name.get(c.leadDepartmentId) ?? '') : '',
      owner: c.ownerId ? (name.get(c.ownerId) ?? '') : '',
      due: c.dueDate ?? data.plan.window.end,
      progress: progressText(c, e, lang),
      completion: statusNames[e.status],
      actual: e.actual === null ? '' : `${reportNumber(e.actual, lang)}${unit}`,
      percent: e.actual === null ? null : Math.round(e.percentOfTarget * 10) / 10,
      gap: e.gapPoints,
      status: e.status,
    }
    const key = topOf(c.sectionId)
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  const sections: LedgerSection[] = [
    ...outline.filter((row) => row.depth === 0 && groups.has(row.section.id)).map((row) => ({ title: `${row.number}${row.section.title}`, rows: groups.get(row.section.id)! })),
    ...(groups.has(null) ? [{ title: '', rows: groups.get(null)! }] : []),
  ]
  return {
    title: t('ledger.title', { plan: data.plan.name, date: reportDate(asOf, lang) }),
    sheetName: t('ledger.sheet'),
    headings: Object.fromEntries(LEDGER_COLUMNS.map((key) => [key, t(`ledger.columns.${key}`)])) as LedgerInput['headings'],
    sections,
    statusColors: STATUS_COLORS,
    statusNames,
  }
}
