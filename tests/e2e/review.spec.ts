import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { test, expect } from './support/fixtures'
import { LogPage } from './page-models/log-page'
import { field } from './page-models/plan-page'
import { box, ReviewPage } from './page-models/review-page'
import { chartsDrawn, screenshot } from './support/screenshot'

const STUDY = '组织集中学习、研讨交流等活动'

test.beforeEach(async ({ page, shell }) => {
  await shell.start('/', '王芳', '办公室')
  await shell.loadExample()
  await expect(page.getByRole('heading', { level: 1, name: '2025年工作谋划' })).toBeVisible()
})

test('a Q3 review: figures at the period end, notes, freeze, a late entry flagged, Excel, Word and print', async ({ page }) => {
  const reviews = new ReviewPage(page)
  test.slow()

  // A Q2 review first, so Q3 shows the change since.
  await reviews.start('2025年第二季度')
  await expect(page.getByTestId('review-summary')).toContainText('截至2025年6月30日')
  await reviews.start('2025年第三季度')
  await expect(page.getByTestId('review-summary')).toHaveText('截至2025年9月30日，2025年工作谋划共有目标任务16项，已完成4项，序时推进5项，存在风险3项，滞后4项。')
  await expect(page.getByTestId('review-previous')).toHaveText('“较上次调度”一栏对比“2025年第二季度工作调度会”（数据截至2025-06-30）。')
  const study = reviews.card(STUDY)
  await expect(study.getByTestId('review-actual')).toHaveText('12次')
  await expect(study.getByTestId('review-change')).toHaveText(/^\+\d+次$/)
  await expect(box(study, 'review-narrative')).toHaveValue(`“${STUDY}”累计完成12次，完成年度目标（不少于15次）的80%，超序时进度5个百分点。`)

  // Worst first by default; the plan's order on request, in the URL.
  await expect(page.getByTestId('review-commitments').locator('article').first()).toHaveAttribute('data-status', 'behind')
  await page.getByTestId('review-order').selectOption('plan')
  await expect(page).toHaveURL(/order=plan/)
  await page.getByTestId('filter-status').locator('select').selectOption({ label: '滞后' })
  await expect(page.getByTestId('review-commitments').locator('article')).toHaveCount(4)
  await page.getByTestId('filter-clear').click()
  await expect(page.getByTestId('review-commitments').locator('article')).toHaveCount(16)

  // What the meeting records is stored when a field is left, and survives a reload.
  await box(study, 'review-problems').fill('=部分科室参学不够主动')
  await box(study, 'review-next-steps').fill('每月通报参学情况')
  await box(page, 'review-attendees').fill('局领导班子成员、各科室负责人')
  await box(page, 'review-decisions').fill('加强督办，10月底前补齐短板')
  await page.getByTestId('review-summary').click()
  await expect(page.getByTestId('review-saved')).toHaveText('已保存')
  await page.reload()
  await expect(box(reviews.card(STUDY), 'review-problems')).toHaveValue('=部分科室参学不够主动')
  await expect(box(page, 'review-decisions')).toHaveValue('加强督办，10月底前补齐短板')

  // Freeze: the figures are kept as the meeting saw them.
  await page.getByTestId('review-freeze').click()
  await page.getByRole('dialog').getByRole('button', { name: '冻结数据' }).click()
  await expect(page.getByTestId('review-state')).toHaveText('已冻结')
  await expect(page.getByTestId('review-freeze')).toBeHidden()
  const reviewUrl = page.url()

  // A late entry dated inside the quarter, logged after the freeze.
  const log = new LogPage(page)
  await page.getByRole('navigation').getByRole('link', { name: '登记' }).click()
  await log.openDetailed(STUDY)
  await field(log.entryDialog, 'entry-date').fill('2025-09-20')
  await field(log.entryDialog, 'entry-date').press('Enter')
  await log.saveEntry()

  await page.goto(reviewUrl)
  await expect(reviews.card(STUDY).getByTestId('review-actual')).toHaveText('12次')
  await expect(reviews.card(STUDY).getByTestId('review-late')).toHaveText('现为13次 · 序时推进')
  await expect(page.getByTestId('review-late-banner')).toContainText('冻结后有1项目标任务的数据发生变化')
  await expect(page.getByTestId('review-summary')).toContainText('已完成4项，序时推进5项，存在风险3项，滞后4项')
  await screenshot(page, 'review-frozen-zh-CN-desktop')

  // The Excel 台账: the frozen figures with what the meeting recorded, formula-like text kept as text.
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()])
  expect(ledger.suggestedFilename()).toBe('2025年第三季度工作调度会工作台账（截至2025-09-30）.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await ledger.path())
  const sheet = workbook.getWorksheet('工作台账')!
  expect(sheet.getCell('A1').value).toBe('2025年第三季度工作调度会工作台账（截至2025年9月30日）')
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '工作任务', '目标要求', '责任单位', '责任人', '完成时限', '进展情况', '存在问题', '下一步措施', '完成情况', '实际完成', '完成率', '序时进度差（百分点）', '状态'])
  const studyRow = sheet.getRows(3, sheet.rowCount)!.find((row) => row.getCell(2).value === STUDY)!
  expect(studyRow.getCell(8).value).toBe('=部分科室参学不够主动')
  expect(studyRow.getCell(8).formula).toBeUndefined()
  expect(studyRow.getCell(11).value).toBe('12次')

  // The Word report: a meeting's summary in the 公文 layout.
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()])
  expect(report.suggestedFilename()).toBe('关于2025年第三季度工作推进情况的报告.docx')
  const bytes = readFileSync(await report.path())
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/review-report.docx', bytes)
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  // The status donut and the progress chart, drawn at the page's width.
  expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(2)
  for (const text of ['关于2025年第三季度工作推进情况的报告', '参会人员：局领导班子成员、各科室负责人。', '一、工作进展情况', '（一）固法治根本', '二、存在的问题', '部分科室参学不够主动', '三、下一步工作措施', '四、会议议定事项', '五、统计图表', `“${STUDY}”累计完成12次`]) {
    expect(xml).toContain(text)
  }

  // Print: A4, without the controls, the notes as text.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByTestId('export-ledger')).toBeHidden()
  await expect(page.getByText('每月通报参学情况', { exact: true })).toBeVisible()
  // Charts redraw at the paper's width (186 mm ≈ 703 px) instead of keeping the screen's.
  await expect.poll(() => page.getByTestId('panel-progress').locator('canvas').first().evaluate((c) => c.getBoundingClientRect().width)).toBeLessThan(710)
  await screenshot(page, 'review-print-zh-CN')
  const pdf = await page.pdf({ preferCSSPageSize: true })
  writeFileSync('test-results/review-print.pdf', pdf)
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(2)
  await page.emulateMedia({ media: 'screen' })

  // Compare the two reviews from the list.
  await page.getByRole('navigation').getByRole('link', { name: '调度会' }).click()
  await expect(page.getByTestId('review-item')).toHaveCount(2)
  for (const item of await page.getByTestId('review-item').all()) await item.getByRole('checkbox').check()
  await page.getByTestId('review-compare').click()
  await expect(page.getByTestId('compare-of')).toContainText('2025年第二季度工作调度会（2025年第二季度） → 2025年第三季度工作调度会（2025年第三季度）')
  await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(16)
  await expect(page.getByTestId('compare-table').locator('tbody tr').filter({ hasText: STUDY })).toContainText('12次')
  await screenshot(page, 'review-compare-zh-CN-desktop')

  // Any review exports straight from the list: the Q2 one, never frozen, at its own date.
  await page.getByRole('link', { name: '返回调度列表' }).click()
  const q2 = page.getByTestId('review-item').filter({ hasText: '2025年第二季度工作调度会' })
  const [q2Ledger] = await Promise.all([page.waitForEvent('download'), q2.getByTestId('list-export-ledger').click()])
  const q2Book = new ExcelJS.Workbook()
  await q2Book.xlsx.readFile(await q2Ledger.path())
  expect(q2Book.getWorksheet('工作台账')!.getCell('A1').value).toBe('2025年第二季度工作调度会工作台账（截至2025年6月30日）')
  const [q2Report] = await Promise.all([page.waitForEvent('download'), q2.getByTestId('list-export-report').click()])
  expect(q2Report.suggestedFilename()).toBe('关于2025年第二季度工作推进情况的报告.docx')
  const q2Zip = await JSZip.loadAsync(readFileSync(await q2Report.path()))
  expect(await q2Zip.file('word/document.xml')!.async('string')).toContain('截至2025年6月30日，2025年工作谋划共有目标任务16项')
  expect(Object.keys(q2Zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2)
})

test('a note or decision past 5,000 characters is refused naming its field and the limit; the typed text stays, the stored one is unchanged', async ({ page }) => {
  const reviews = new ReviewPage(page)
  await reviews.start('2025年第三季度')
  const problems = box(reviews.card(STUDY), 'review-problems')
  await problems.fill('已存的问题')
  await page.getByTestId('review-summary').click()
  await expect(page.getByTestId('review-saved')).toHaveText('已保存')

  await problems.fill('问'.repeat(5001))
  await page.getByTestId('review-summary').click()
  await expect(page.locator('.el-message--error')).toContainText('存在问题：不能超过5,000字（现为5,001字）')
  await expect(problems).toHaveValue('问'.repeat(5001))
  await box(page, 'review-decisions').fill('议'.repeat(6000))
  await page.getByTestId('review-summary').click()
  await expect(page.locator('.el-message--error').filter({ hasText: '会议议定事项：不能超过5,000字（现为6,000字）' })).toBeVisible()

  await page.reload()
  await expect(box(reviews.card(STUDY), 'review-problems')).toHaveValue('已存的问题')
  await expect(box(page, 'review-decisions')).toHaveValue('')
})

test('deleting a review takes it off the list, and undo brings it back', async ({ page }) => {
  const reviews = new ReviewPage(page)
  await reviews.start('2025年第三季度')
  await page.getByTestId('review-remove').click()
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('review-item')).toHaveCount(0)
  await expect(page.getByTestId('reviews-empty')).toBeVisible()
  await page.getByTestId('undo').last().click()
  await expect(page.getByTestId('review-item')).toHaveCount(1)
})

test('the review page fits a desktop and a phone in both languages, on screen and in print', async ({ page, shell }) => {
  const reviews = new ReviewPage(page)
  test.slow()
  await reviews.start('2025年第三季度')
  const reviewPath = new URL(page.url()).hash.slice(1)
  for (const locale of [{ code: 'zh-CN', label: '简体中文' }, { code: 'en', label: 'English' }]) {
    if (locale.code !== 'zh-CN') await shell.chooseLocale(locale.label)
    for (const viewport of [{ name: 'desktop', width: 1366, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
      await page.setViewportSize(viewport)
      await shell.goto(reviewPath)
      await expect(page.getByTestId('review-commitments').locator('article')).toHaveCount(16)
      await chartsDrawn(page)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `the review scrolls sideways on a ${viewport.name}`).toBeLessThanOrEqual(0)
      await screenshot(page, `review-${locale.code}-${viewport.name}`)
    }
    await page.emulateMedia({ media: 'print' })
    await screenshot(page, `review-print-${locale.code}`)
    await page.emulateMedia({ media: 'screen' })
  }
})
