import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { buildLedger, isFormulaLike, LEDGER_COLUMNS, REVIEW_LEDGER_COLUMNS, type LedgerInput, type LedgerRow } from '@/export/ledger-xlsx'
import { STATUS_COLORS } from '@/charts/status-colors'
import { LEDGER_HEADINGS_ZH } from './ledger-headings'

const names = { achieved: '已完成', on_track: '序时推进', at_risk: '存在风险', behind: '滞后', not_started: '未开始', missed: '未完成' }
const headings = LEDGER_HEADINGS_ZH
const row = (overrides: Partial<LedgerRow>): LedgerRow => ({
  number: '1',
  title: '组织集中学习',
  requirement: '不少于15次',
  lead: '办公室',
  owner: '王芳',
  due: '2025-12-31',
  narrative: '“组织集中学习”累计完成12次，完成年度目标（不少于15次）的80%，超序时进度5.2个百分点。',
  completion: '序时推进',
  actual: '12次',
  percent: 80,
  gap: 5.2,
  status: 'on_track',
  ...overrides,
})

async function ledger(input: Partial<LedgerInput> = {}) {
  const bytes = await buildLedger(
    {
      title: '2025年工作谋划工作台账（截至2025年9月30日）',
      sheetName: '台账',
      columns: LEDGER_COLUMNS,
      headings,
      statusColors: STATUS_COLORS,
      statusNames: names,
      sections: [
        { title: '一、固法治根本', level: 0, rows: [row({}), row({ number: '2', title: '=HYPERLINK("http://x","点我")', owner: '@王芳', requirement: '-1', status: 'behind', percent: 40, gap: -35 })] },
        { title: '', level: 0, rows: [row({ number: '3', title: '+其他', percent: null, status: 'achieved' })] },
      ],
      ...input,
    },
    ExcelJS,
  )
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes)
  return workbook.getWorksheet('台账')!
}

describe('the Excel ledger', () => {
  it('has the title, the standard columns in order, styled, and prints on A4 landscape', async () => {
    const sheet = await ledger()
    expect(sheet.getCell('A1').value).toBe('2025年工作谋划工作台账（截至2025年9月30日）')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '工作任务', '目标要求', '责任单位', '责任人', '完成时限', '进展情况', '完成情况', '实际完成', '完成率', '序时进度差（百分点）', '状态'])
    expect(sheet.getCell('A2').font?.bold).toBe(true)
    expect(sheet.getCell('A2').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF1F4E9A' } })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 })
  })

  it('nests sub-sections under their sections, and leaves a limit\'s percent and gap empty', async () => {
    const sheet = await ledger({
      sections: [
        { title: '一、固法治根本', level: 0, rows: [] },
        { title: '（一）理论武装', level: 1, rows: [row({ percent: null, gap: null, completion: '目前4.4%，控制在5%以内' })] },
      ],
    })
    expect([sheet.getCell('A3').value, sheet.getRow(3).outlineLevel]).toEqual(['一、固法治根本', 0])
    expect([sheet.getCell('A4').value, sheet.getRow(4).outlineLevel, sheet.getCell('A4').alignment?.indent]).toEqual(['（一）理论武装', 1, 2])
    expect(sheet.getRow(5).outlineLevel).toBe(2)
    expect([sheet.getCell('J5').value, sheet.getCell('K5').value]).toEqual([null, null])
    expect(sheet.getCell('H5').value).toBe('目前4.4%，控制在5%以内')
  })

  it('groups commitments under their section rows and colours each status cell', async () => {
    const sheet = await ledger()
    expect(sheet.getCell('A3').value).toBe('一、固法治根本')
    expect(sheet.getCell('A3').isMerged).toBe(true)
    expect(sheet.getRow(4).outlineLevel).toBe(1)
    expect(sheet.getCell('B4').value).toBe('组织集中学习')
    // The numbers the screens show (80, not 0.8 or 0.79999…), with a % sign and a signed gap.
    expect(sheet.getCell('J4').value).toBe(80)
    expect(sheet.getCell('J4').numFmt).toBe('General"%"')
    expect(sheet.getCell('K4').value).toBe(5.2)
    expect(sheet.getCell('K4').numFmt).toBe('+General;-General;0')
    expect(sheet.getCell('K5').value).toBe(-35)
    expect(sheet.getCell('L4').value).toBe('序时推进')
    expect(sheet.getCell('L4').fill).toMatchObject({ fgColor: { argb: `FF${STATUS_COLORS.on_track.slice(1).toUpperCase()}` } })
    expect(sheet.getCell('L5').fill).toMatchObject({ fgColor: { argb: `FF${STATUS_COLORS.behind.slice(1).toUpperCase()}` } })
    // A commitment outside any section follows without a section row.
    expect(sheet.getCell('B6').value).toBe('+其他')
    expect(sheet.getCell('J6').value).toBeNull()
  })

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const sheet = await ledger()
    for (const address of ['B5', 'E5', 'C5', 'B6']) {
      const cell = sheet.getCell(address)
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
      expect(cell.numFmt).toBe('@')
    }
    expect(sheet.getCell('B5').value).toBe('=HYPERLINK("http://x","点我")')
    expect(isFormulaLike('=1+1')).toBe(true)
    expect(isFormulaLike('组织学习')).toBe(false)
  })

  it('adds a review\'s problems and next steps after 进展情况, as text', async () => {
    const sheet = await ledger({
      columns: REVIEW_LEDGER_COLUMNS,
      sections: [{ title: '', level: 0, rows: [row({ problems: '=人手不足', nextSteps: '加强统筹' }), row({ number: '2' })] }],
    })
    expect((sheet.getRow(2).values as unknown[]).slice(1, 10)).toEqual(['序号', '工作任务', '目标要求', '责任单位', '责任人', '完成时限', '进展情况', '存在问题', '下一步措施'])
    expect(sheet.getCell('H3').value).toBe('=人手不足')
    expect(sheet.getCell('H3').numFmt).toBe('@')
    expect(sheet.getCell('I3').value).toBe('加强统筹')
    expect(sheet.getCell('I4').value).toBe('')
    expect(sheet.getCell('N3').value).toBe('序时推进')
  })

  it('lists each row\'s evidence files in a 佐证材料 column last, one a line, in an evidence export', async () => {
    const sheet = await ledger({
      columns: [...LEDGER_COLUMNS, 'evidence'],
      sections: [{ title: '', level: 0, rows: [row({ evidence: '一/1 组织集中学习/2025-03-01 集中学习 01.jpg\n一/1 组织集中学习/2025-03-01 签到表 01.pdf' }), row({ number: '2', evidence: '' })] }],
    })
    expect(sheet.getCell('M2').value).toBe('佐证材料')
    expect(sheet.getCell('M3').value).toBe('一/1 组织集中学习/2025-03-01 集中学习 01.jpg\n一/1 组织集中学习/2025-03-01 签到表 01.pdf')
    expect(sheet.getCell('M3').alignment).toMatchObject({ wrapText: true })
    expect(sheet.getCell('M4').value).toBe('')
  })
})
