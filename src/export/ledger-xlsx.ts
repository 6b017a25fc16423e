import type { Status } from '@/domain'

/**
 * The Excel 台账 (work ledger): one row per commitment with the standard columns 序号 / 工作任务 / 目标要求 / 责任单位 /
 * 责任人 / 完成时限 / 进展情况 / 完成情况, then actual, % of target, gap to 序时进度 and status; sections as grouped
 * rows; the header styled and status cells coloured; printed on A4 landscape. Built with exceljs, which callers
 * load only when a ledger is exported.
 */

export interface LedgerRow {
  number: string
  title: string
  requirement: string
  lead: string
  owner: string
  due: string
  narrative: string
  /** 存在问题 and 下一步措施, in a review's ledger. */
  problems?: string
  nextSteps?: string
  /** Where it stands in words: 完成67%，落后序时进度8个百分点 · 目前4.4%，控制在5%以内. */
  completion: string
  /** As every surface shows it: 12次 · 44人 · 3/12. */
  actual: string
  /** 完成率 in percent as shown (33.3, 80), or null for a limit or when there is no figure. */
  percent: number | null
  /** Points ahead (+) or behind (−) 序时进度, as shown; null for a limit. */
  gap: number | null
  status: Status
  /** 佐证材料: the files of the evidence zip this row's commitment has, one path a line (in an evidence export). */
  evidence?: string
}

export interface LedgerSection {
  /** The section heading as the plan numbers it (一、固法治根本… / （一）…); '' for commitments outside any section. */
  title: string
  /** 0 for a top-level section (一、), 1 for its sub-sections (（一）), and so on. */
  level: number
  /** The commitments directly under this heading (a heading may hold only sub-sections). */
  rows: LedgerRow[]
}

export interface LedgerInput {
  /** The sheet's title line: 2025年工作谋划工作台账（截至2025年9月30日）. */
  title: string
  sheetName: string
  /** The columns, in order: `LEDGER_COLUMNS`, or `REVIEW_LEDGER_COLUMNS` for a review; either with 佐证材料 last in an evidence export. */
  columns: readonly LedgerColumn[]
  headings: Record<LedgerColumn, string>
  sections: LedgerSection[]
  /** Fill colour of each status (#RRGGBB). */
  statusColors: Record<Status, string>
  statusNames: Record<Status, string>
}

export const LEDGER_COLUMNS = ['number', 'title', 'requirement', 'lead', 'owner', 'due', 'narrative', 'completion', 'actual', 'percent', 'gap', 'status'] as const
/** A review's ledger adds what the meeting recorded after 进展情况. */
export const REVIEW_LEDGER_COLUMNS = ['number', 'title', 'requirement', 'lead', 'owner', 'due', 'narrative', 'problems', 'nextSteps', 'completion', 'actual', 'percent', 'gap', 'status'] as const
/** Every column a ledger may have: a review's, and 佐证材料 when the ledger goes with the evidence zip (last). */
export const ALL_LEDGER_COLUMNS = [...REVIEW_LEDGER_COLUMNS, 'evidence'] as const
export type LedgerColumn = (typeof ALL_LEDGER_COLUMNS)[number]

/** The columns written as text, as given. */
const TEXT_COLUMNS = ['number', 'title', 'requirement', 'lead', 'owner', 'due', 'narrative', 'problems', 'nextSteps', 'completion', 'actual', 'evidence'] as const

const WIDTHS: Record<LedgerColumn, number> = {
  number: 6,
  title: 28,
  requirement: 24,
  lead: 14,
  owner: 10,
  due: 12,
  narrative: 48,
  problems: 30,
  nextSteps: 30,
  completion: 10,
  actual: 12,
  percent: 10,
  gap: 12,
  status: 10,
  evidence: 50,
}

/** A cell text that a spreadsheet could take for a formula (=, +, -, @): written as text, never evaluated. */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text)
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`

/** The ledger as an .xlsx file's bytes. */
export async function buildLedger(input: LedgerInput, ExcelJS: typeof import('exceljs')): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Pace'
  const sheet = workbook.addWorksheet(input.sheetName.slice(0, 31) || 'Sheet1', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    views: [{ state: 'frozen', ySplit: 2 }],
    properties: { outlineProperties: { summaryBelow: false, summaryRight: false } },
  })
  sheet.columns = input.columns.map((key) => ({ key, width: WIDTHS[key] }))
  const last = input.columns.length
  const shown = new Set<LedgerColumn>(input.columns)

  // Every text goes in as a string (never a formula); formula-like text is also given the Text format.
  const text = (cell: import('exceljs').Cell, value: string) => {
    cell.value = value
    if (isFormulaLike(value)) cell.numFmt = '@'
  }

  sheet.mergeCells(1, 1, 1, last)
  const title = sheet.getCell(1, 1)
  text(title, input.title)
  title.font = { bold: true, size: 16 }
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  sheet.getRow(1).height = 30

  const header = sheet.getRow(2)
  input.columns.forEach((key, i) => {
    const cell = header.getCell(i + 1)
    text(cell, input.headings[key])
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E9A' } }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })
  header.height = 24

  const border = { style: 'thin' as const, color: { argb: 'FFBFC4CC' } }
  const borders = { top: border, left: border, bottom: border, right: border }
  for (const section of input.sections) {
    if (section.title) {
      const row = sheet.addRow([])
      row.outlineLevel = section.level
      sheet.mergeCells(row.number, 1, row.number, last)
      const cell = row.getCell(1)
      text(cell, section.title)
      cell.font = { bold: true }
      cell.alignment = { indent: section.level * 2 }
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: section.level === 0 ? 'FFE8EEF7' : 'FFF3F6FB' } }
    }
    for (const item of section.rows) {
      const row = sheet.addRow([])
      if (section.title) row.outlineLevel = section.level + 1
      for (const key of TEXT_COLUMNS) if (shown.has(key)) text(row.getCell(key), item[key] ?? '')
      // Numbers as the screens show them (33.3, not 0.33299…), displayed with a % sign and the gap with its sign.
      const percent = row.getCell('percent')
      if (item.percent !== null) {
        percent.value = item.percent
        percent.numFmt = 'General"%"'
      }
      const gap = row.getCell('gap')
      if (item.gap !== null) {
        gap.value = item.gap
        gap.numFmt = '+General;-General;0'
      }
      const status = row.getCell('status')
      text(status, input.statusNames[item.status])
      status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(input.statusColors[item.status]) } }
      status.font = { color: { argb: 'FFFFFFFF' }, bold: true }
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = borders
        cell.alignment = { vertical: 'top', wrapText: true, ...(cell.alignment ?? {}) }
      })
    }
  }
  sheet.pageSetup.printTitlesRow = '2:2'
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer
}
