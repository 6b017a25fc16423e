import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { test, expect } from './support/fixtures'
import { screenshot } from './support/screenshot'
import { choose } from './page-models/plan-page'
import { ImportPage } from './page-models/import-page'

/** A minimal Word document: the parts Word itself needs, and one paragraph per line. */
async function docx(lines: string[]): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  const body = lines.map((line) => `<w:p><w:r><w:t>${line}</w:t></w:r></w:p>`).join('')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({ type: 'nodebuffer' })
}

const plan2025 = readFileSync('tests/fixtures/seeds/000_19038bcaddf8b743.txt', 'utf8')
const report2025 = readFileSync('tests/fixtures/seeds/001_c4042173ecf62915.txt', 'utf8')

test('a pasted plan becomes a plan of commitments only when accepted', async ({ page, shell }) => {
  const importer = new ImportPage(page)
  await shell.start('/plans', '王芳', '办公室')
  await importer.open()
  await importer.read(plan2025)
  await expect(importer.found).toHaveText('识别出15项目标任务、17条完成情况')
  await expect(importer.marks('commitment')).toHaveCount(15)
  const first = importer.marks('commitment').first()
  await expect(first).toHaveText('组织不少于15次')
  await first.hover()
  await expect(first).toHaveAttribute('title', /目标任务：.*不少于15次（累计数量，2025）/)
  await expect(importer.commitmentRows).toHaveCount(15)
  // Last year's results do not go into this year's plan unless asked.
  await expect(importer.accept).toHaveText('导入15项任务、0条记录')
  await screenshot(page, 'import-zh-CN-desktop')

  // Nothing is stored before accepting.
  await page.goto('./#/plans')
  await expect(page.getByTestId('first-run')).toBeVisible()
  await page.goBack()
  await importer.read(plan2025)

  // The user fixes a draft, leaves one out, and accepts.
  const rows = importer.commitmentRows
  await rows.first().locator('td').nth(2).locator('input').fill('组织集中学习、研讨交流')
  await rows.nth(1).getByTestId('import-include').uncheck()
  // The efficiency commitment needs its baseline: without it the import is refused and nothing is stored.
  await importer.accept.click()
  await expect(page.locator('.el-message--error')).toBeVisible()
  const efficiency = rows.filter({ has: page.locator('input[title*="工作效率"]') })
  await efficiency.locator('td').nth(7).locator('input').fill('100')
  const risk = rows.filter({ has: page.locator('input[title*="法治风险"]') })
  await risk.locator('td').nth(7).locator('input').fill('40')
  await importer.accept.click()
  await expect(page.getByRole('heading', { level: 1, name: '2025年工作谋划' })).toBeVisible()
  await expect(page.getByTestId('commitment-row')).toHaveCount(14)
  await expect(page.getByTestId('commitment-row').first()).toContainText('组织集中学习、研讨交流')
  await expect(page.getByTestId('section-heading')).toHaveCount(3)
})

test('a year-end report fills that year\'s plan: results become entries of the commitments they match', async ({ page, shell }) => {
  const importer = new ImportPage(page)
  await shell.start('/plans', '王芳', '办公室')
  await importer.open()
  // First the plan (commitments only), then the report of the same year.
  await importer.read('三、2025年工作计划\n(一)依法行政。审核规范性文件不少于30件。全年组织会议不少于50场。')
  await importer.accept.click()
  await expect(page.getByTestId('commitment-row')).toHaveCount(2)

  await importer.open()
  await importer.read(report2025)
  await expect(page.getByTestId('import-plan')).toContainText('2025年工作谋划')
  const meetings = page.getByTestId('import-outcome-row').filter({ hasText: '全年共组织会议60余场' })
  await expect(meetings.getByTestId('import-counts-toward').locator('option:checked')).toContainText('组织会议')
  await expect(importer.accept).toContainText('导入0项任务')
  await importer.accept.click()
  await expect(page.getByTestId('commitment-row').filter({ hasText: '组织会议' })).toContainText('已完成120%')
})

test('a year-end report with next year\'s plan: the user turns a result back, merges a requirement and picks the year', async ({ page, shell }) => {
  const importer = new ImportPage(page)
  await shell.start('/plans', '王芳', '办公室')
  await importer.open()
  await importer.read(
    [
      '某局2025年工作总结和2026年工作计划',
      '一、深入学习贯彻党的二十大精神，加大学法力度',
      '全年组织集中学习12次，开展专题调研不少于8次。',
      '二、2026年工作计划',
      '组织集中学习不少于15次(每次不少于2学时)。',
    ].join('\n'),
  )
  await expect(importer.found).toHaveText('识别出3项目标任务、1条完成情况')
  // The plan is for the year most commitments are about; the document's years are one tap away.
  await expect(page.getByTestId('import-year-input')).toHaveValue('2026')
  await expect(page.getByTestId('import-year-2026')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('import-year-2025')).toHaveAttribute('aria-pressed', 'false')
  // On a phone the rows scroll inside their table; the page itself does not widen.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 800 })

  // 开展专题调研不少于8次 was read as a commitment; in the report it is a result.
  const survey = importer.commitmentRows.filter({ has: page.locator('input[title*="专题调研"]') })
  await survey.getByTestId('import-to-outcome').click()
  await expect(importer.commitmentRows).toHaveCount(2)
  await expect(page.getByTestId('import-outcome-row')).toHaveCount(2)
  await expect(importer.marks('outcome')).toHaveCount(2)

  // The bracketed requirement belongs to the commitment before it.
  const requirement = importer.commitmentRows.filter({ has: page.getByTestId('import-merge') })
  await expect(requirement).toHaveCount(1)
  await requirement.getByTestId('import-merge').click()
  await expect(importer.commitmentRows).toHaveCount(1)
  await expect(importer.commitmentRows.first().locator('td').nth(2).locator('input')).toHaveValue(/（每次不少于2学时）$/)

  // The result turned back into a commitment comes back as a draft.
  await page.getByTestId('import-outcome-row').filter({ hasText: '专题调研' }).getByTestId('import-to-commitment').click()
  await expect(importer.commitmentRows).toHaveCount(2)
  await importer.commitmentRows.filter({ has: page.locator('input[title*="专题调研"]') }).getByTestId('import-to-outcome').click()

  await page.getByTestId('import-year-2025').click()
  await expect(page.getByTestId('import-plan')).toContainText('2025年工作谋划')
  await page.getByTestId('import-year-input').fill('2026')
  await page.getByTestId('import-year-input').press('Enter')
  await expect(page.getByTestId('import-plan')).toContainText('2026年工作谋划')
  await screenshot(page, 'import-corrections-zh-CN-desktop')
  await importer.accept.click()
  await expect(page.getByRole('heading', { level: 1, name: '2026年工作谋划' })).toBeVisible()
  await expect(page.getByTestId('commitment-row')).toHaveCount(1)
  await expect(page.getByTestId('commitment-row').first()).toContainText('（每次不少于2学时）')
})

test('a Word document opens into the same reading, and a file of another kind is refused', async ({ page, shell }) => {
  const importer = new ImportPage(page)
  await shell.start('/plans', '王芳', '办公室')
  await importer.open()
  const file = importer.file
  await file.setInputFiles({ name: '2025年工作谋划.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docx(['三、2025年工作谋划', '(一)强化学习。组织不少于15次的集中学习,每月至少开展1次专题研讨。']) })
  await expect(importer.found).toHaveText('识别出2项目标任务、0条完成情况')
  await expect(importer.input).toHaveValue(/组织不少于15次的集中学习/)
  await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') })
  await expect(page.locator('.el-message--error')).toContainText('只支持 .txt 和 .docx')
  await expect(importer.found).toHaveText('识别出2项目标任务、0条完成情况')
  // A zip bomb (about 20 KB unpacking to 20 MiB), made here: refused with its figures, the page still answering.
  const bomb = new JSZip()
  bomb.file('word/document.xml', new Uint8Array(20 * 1024 * 1024))
  const bombBytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })
  expect(bombBytes.length).toBeLessThan(64 * 1024)
  await file.setInputFiles({ name: '炸弹.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bombBytes })
  await expect(page.locator('.el-message--error').filter({ hasText: '恶意构造的压缩包' })).toContainText('“word/document.xml”解压后约 20 MB')
  await expect(importer.input).toHaveValue(/组织不少于15次的集中学习/)
  await file.setInputFiles({ name: '炸弹.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bombBytes })
  await expect(page.locator('.el-message--error').filter({ hasText: '恶意构造的压缩包' })).toHaveCount(2)
  await expect(importer.found).toHaveText('识别出2项目标任务、0条完成情况')
})

test('an Excel 台账 imports as commitments after a preview that maps its columns and names the rows it cannot read', async ({ page, shell }) => {
  const importer = new ImportPage(page)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('台账')
  sheet.addRows([
    ['2025年工作台账'],
    ['序号', '工作任务', '目标要求', '责任单位', '责任人', '完成时限'],
    ['一、依法行政'],
    [1, '审核规范性文件', '不少于30件', '办公室', '王芳', '2025-12-31'],
    [2, '组织法治培训', '每季度不少于1次', '办公室', '', '2025年12月'],
    [3, '完善制度机制', '持续推进', '', '', ''],
    ['二、政务公开'],
    [4, '=公开政府信息', '不少于500条', '', '', '2025/12/31'],
  ])
  sheet.mergeCells('A3:F3')
  sheet.mergeCells('A7:F7')
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())

  await shell.start('/plans', '王芳', '办公室')
  await importer.open()
  await importer.file.setInputFiles({ name: '台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
  await expect(importer.ledgerFound).toHaveText('台账中有3项可导入的任务，1行无法识别')
  await expect(page.getByTestId('import-problems')).toHaveText('第6行“完善制度机制”：没有识别出量化目标，未导入。')
  const rows = importer.commitmentRows
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1).locator('td').nth(1).locator('input')).toHaveValue('依法行政')
  await expect(rows.nth(2).locator('td').nth(2).locator('input')).toHaveValue('=公开政府信息')

  // The user can point a field at another column: 目标要求 read from 责任单位 understands nothing.
  await choose(page, 'map-requirement', '责任单位')
  await expect(importer.ledgerFound).toHaveText('台账中有0项可导入的任务，4行无法识别')
  await choose(page, 'map-requirement', '目标要求')
  await expect(importer.ledgerFound).toHaveText('台账中有3项可导入的任务，1行无法识别')

  await importer.accept.click()
  await expect(page.getByRole('heading', { level: 1, name: '2025年工作谋划' })).toBeVisible()
  await expect(page.getByTestId('commitment-row')).toHaveCount(3)
  await expect(page.getByTestId('section-heading')).toHaveCount(2)
  await expect(page.getByTestId('commitment-row').filter({ hasText: '=公开政府信息' })).toBeVisible()
})

test('a long plan (some 1 MB) reads into pages of rows, each page drawn on request', async ({ page, shell }) => {
  const importer = new ImportPage(page)
  await shell.start('/plans', '王芳', '办公室')
  await importer.open()
  const long = Array.from({ length: 106 }, () => plan2025).join('\n')
  expect(Buffer.byteLength(long)).toBeGreaterThan(1_000_000)
  await importer.read(long)
  await expect(importer.found).toHaveText('识别出1590项目标任务、1802条完成情况')
  await expect(importer.commitmentRows).toHaveCount(200)
  const more = page.getByTestId('import-commitments').getByTestId('import-more')
  await expect(more).toHaveText('再显示200项（已显示200项，共1590项）')
  await more.click()
  await expect(importer.commitmentRows).toHaveCount(400)
  await expect(page.getByTestId('import-outcome-row')).toHaveCount(200)
})
