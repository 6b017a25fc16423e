import type { LedgerTable } from '@/domain/extract'

/** The first sheet of an .xlsx 台账 as rows of cell texts (merged cells repeat their text). Null if it is not one. */
export async function readLedgerTable(bytes: ArrayBuffer, ExcelJS: typeof import('exceljs')): Promise<LedgerTable | null> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes)
  } catch {
    return null
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return null
  const width = sheet.columnCount
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    while (rows.length < number - 1) rows.push(Array.from({ length: width }, () => ''))
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).text.trim()))
  })
  return { rows }
}
