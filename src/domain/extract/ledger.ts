import { isCalendarDate, type CalendarDate } from '../calendar'
import type { CommitmentDraft } from '../commitment-draft'
import { draftFromStatement, sectionTitle } from './import'
import { extractStatements } from './index'

/**
 * Reading an Excel 台账 back into commitments: the columns are found by their headings (序号 / 工作任务 / 目标要求 /
 * 责任单位 / 责任人 / 完成时限), each row's target is read from its 目标要求 by the extraction engine, and rows that
 * cannot be understood say why. Pure: the file is read by src/io, the rows are written by the import screen.
 */

export const LEDGER_FIELDS = ['title', 'requirement', 'lead', 'owner', 'due'] as const
export type LedgerField = (typeof LEDGER_FIELDS)[number]
/** Which column (0-based) holds each field; null when the sheet has none. */
export type ColumnMapping = Record<LedgerField, number | null>

const HEADINGS: Record<LedgerField, RegExp> = {
  title: /^(工作任务|任务名称|重点任务|工作事项|任务|commitment)$/i,
  requirement: /^(目标要求|工作目标|目标任务|具体目标|量化目标|target)$/i,
  lead: /^(责任单位|牵头单位|责任部门|lead department)$/i,
  owner: /^(责任人|负责人|responsible)$/i,
  due: /^(完成时限|完成时间|时限|due)$/i,
}

/** A sheet as text: rows of cell texts. */
export interface LedgerTable {
  rows: string[][]
}

/** The heading row (the first with a 工作任务-like cell) and the columns its headings name. */
export function detectColumns(table: LedgerTable): { headerRow: number; mapping: ColumnMapping } | null {
  for (let r = 0; r < Math.min(table.rows.length, 10); r++) {
    const cells = table.rows[r]!.map((c) => c.replace(/\s+/g, ''))
    const find = (field: LedgerField) => {
      const i = cells.findIndex((c) => HEADINGS[field].test(c))
      return i >= 0 ? i : null
    }
    const mapping = Object.fromEntries(LEDGER_FIELDS.map((f) => [f, find(f)])) as ColumnMapping
    if (mapping.title !== null) return { headerRow: r, mapping }
  }
  return null
}

export type LedgerProblem = 'noTitle' | 'noTarget'

export interface LedgerRowResult {
  /** 1-based row number in the sheet, as the user sees it. */
  row: number
  section: string
  title: string
  lead: string
  owner: string
  due: CalendarDate | null
  draft: CommitmentDraft | null
  problem: LedgerProblem | null
}

/** 2025-12-31, 2025/12/31, 2025年12月31日, 2025.12 → a calendar date (the month's end when no day is given). */
export function ledgerDate(text: string): CalendarDate | null {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?/.exec(text)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = m[3] ? Number(m[3]) : new Date(Date.UTC(year, month, 0)).getUTCDate()
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isCalendarDate(date) ? date : null
}

/**
 * Each row under the heading row as a commitment draft, or the reason it is not one. A row with only its first cell
 * filled (or one spanning the sheet) is a section heading for the rows below it.
 */
export function readLedgerRows(table: LedgerTable, headerRow: number, mapping: ColumnMapping): LedgerRowResult[] {
  const results: LedgerRowResult[] = []
  let section = ''
  const at = (cells: string[], field: LedgerField) => (mapping[field] === null ? '' : (cells[mapping[field]!] ?? '').trim())
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!
    const filled = cells.map((c) => c.trim()).filter(Boolean)
    if (filled.length === 0) continue
    const distinct = new Set(filled)
    // A section heading: one text, alone or repeated across merged cells.
    if (distinct.size === 1 && (filled.length === 1 || filled.length === cells.length)) {
      section = sectionTitle(filled[0]!)
      continue
    }
    const title = at(cells, 'title')
    const requirement = at(cells, 'requirement')
    const base = { row: r + 1, section, title, lead: at(cells, 'lead'), owner: at(cells, 'owner'), due: ledgerDate(at(cells, 'due')) }
    if (!title) {
      results.push({ ...base, draft: null, problem: 'noTitle' })
      continue
    }
    // The target is read as a plan sentence: from 目标要求, else from the task's own words.
    const statement = [requirement, `${title}${requirement}`, title]
      .map((text) => extractStatements(`三、工作计划\n${text}。`).find((s) => s.kind === 'commitment'))
      .find((s) => s !== undefined)
    results.push(statement ? { ...base, draft: { ...draftFromStatement(statement), title, dueDate: base.due }, problem: null } : { ...base, draft: null, problem: 'noTarget' })
  }
  return results
}
