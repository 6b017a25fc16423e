import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { test, expect } from './support/fixtures'
import { DashboardPage } from './page-models/dashboard-page'
import { field } from './page-models/plan-page'
import { SCREENSHOT_DIR } from './support/screenshot'

test.beforeEach(async ({ page, shell }) => {
  await shell.start('/', '王芳', '办公室')
  await shell.loadExample()
  await expect(page.getByRole('heading', { level: 1, name: '2025年工作谋划' })).toBeVisible()
})

test('the example plan\'s dashboard: counts as of its date, filters in the URL, time travel, PNG and big screen', async ({ page, shell }) => {
  const dashboard = new DashboardPage(page)
  await shell.navLink('看板').click()
  await expect(dashboard.asOf).toHaveValue('2025-09-30')
  await expect(dashboard.tile('total')).toHaveText('16')
  for (const [status, n] of [['achieved', 4], ['on_track', 5], ['at_risk', 3], ['behind', 4], ['not_started', 0]] as const) {
    await expect(dashboard.tile(status)).toHaveText(String(n))
  }
  await expect(page.getByTestId('headline-pace')).toContainText('时间过半、任务过半')
  await expect(await dashboard.tableRows('progress')).toHaveCount(16)

  // A status tile filters every chart, and the URL says so.
  await page.getByTestId('headline-behind').click()
  await expect(page).toHaveURL(/status=behind/)
  await expect(dashboard.tile('total')).toHaveText('4')
  await expect(dashboard.panel('progress').locator('tbody tr')).toHaveCount(4)
  await expect(dashboard.panel('progress').locator('tbody tr').first()).toContainText('滞后')

  // A department: its people replace the departments chart.
  await page.getByTestId('filter-department').locator('select').selectOption({ label: '办公室' })
  await expect(page).toHaveURL(/department=/)
  await expect(dashboard.panel('groups')).toContainText('办公室人员情况')

  // The URL is the view: a reload (or a shared link) shows the same.
  const filtered = page.url()
  await page.reload()
  await expect(dashboard.panel('groups')).toContainText('办公室人员情况')
  expect(page.url()).toBe(filtered)

  await page.getByTestId('filter-clear').click()
  await expect(page).not.toHaveURL(/status=|department=/)
  await expect(dashboard.tile('total')).toHaveText('16')

  // Time travel: past the year's end the unfinished commitments are missed; back at mid-year they were not.
  await dashboard.chooseAsOf('2026-01-05')
  await expect(page).toHaveURL(/asOf=2026-01-05/)
  await expect(dashboard.tile('missed')).toHaveText('12')
  await dashboard.chooseAsOf('2025-03-31')
  await expect(page.getByTestId('headline-missed')).toBeHidden()
  await expect(page.getByTestId('headline-pace')).toContainText('时间尚未过半')

  // Each chart saves as a PNG file.
  const [download] = await Promise.all([page.waitForEvent('download'), dashboard.panel('status').getByTestId('panel-png').click()])
  expect(download.suggestedFilename()).toBe('完成状态.png')
  const png = readFileSync(await download.path())
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(png.length).toBeGreaterThan(5_000)
  // The picture says what it is: a header (title, plan and date) above the chart drawn at twice its size.
  const chartBox = (await dashboard.panel('status').locator('canvas').first().boundingBox())!
  expect(png.readUInt32BE(16)).toBe(Math.round(chartBox.width) * 2)
  expect(png.readUInt32BE(20)).toBe(Math.round(chartBox.height) * 2 + 128)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  writeFileSync(join(SCREENSHOT_DIR, 'saved-chart-zh-CN.png'), png)

  // The Excel 台账 of what is shown: it opens, with the title, the standard columns and a row per commitment.
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()])
  expect(ledger.suggestedFilename()).toBe('2025年工作谋划工作台账（截至2025-03-31）.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await ledger.path())
  const sheet = workbook.getWorksheet('工作台账')!
  expect(sheet.getCell('A1').value).toBe('2025年工作谋划工作台账（截至2025年3月31日）')
  expect(sheet.getCell('G2').value).toBe('进展情况')
  const numbered = sheet.getColumn(1).values.filter((v) => typeof v === 'string' && /^\d+$/.test(v))
  expect(numbered).toHaveLength(16)

  // The Word report: the 公文 text of what is shown, and the charts as drawn.
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()])
  expect(report.suggestedFilename()).toBe('2025年工作谋划落实情况报告（截至2025-03-31）.docx')
  const zip = await JSZip.loadAsync(readFileSync(await report.path()))
  const xml = await zip.file('word/document.xml')!.async('string')
  expect(xml).toContain('截至2025年3月31日，2025年工作谋划共有目标任务16项')
  expect(xml).toContain('一、固法治根本，强化思想与制度建设')
  expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2)

  // The big screen keeps the filters, rotates through its pages and leads back.
  await page.getByTestId('big-screen').click()
  await expect(page.getByTestId('big-screen-view')).toBeVisible()
  await expect(page).toHaveURL(/dashboard\/screen.*asOf=2025-03-31/)
  await expect(page.getByTestId('headline')).toBeVisible()
  await expect(page.getByRole('navigation')).toHaveCount(0)
  await page.getByTestId('screen-pause').click()
  await page.getByTestId('screen-next').click()
  // 16 commitments, 15 a page: the progress and quarter lists take two pages each, then sections, calendar, 督办.
  await expect(page.getByTestId('screen-page')).toHaveText('第2屏，共9屏')
  await expect(dashboard.panel('status').locator('canvas').first()).toBeVisible()
  // A wall screen has no small table or picture buttons.
  await expect(dashboard.panel('status').getByTestId('panel-table')).toHaveCount(0)
  await page.getByTestId('screen-next').click()
  await expect(page.getByTestId('screen-rows')).toHaveText('第1–15项，共16项')
  await page.getByTestId('screen-next').click()
  await expect(page.getByTestId('screen-rows')).toHaveText('第16–16项，共16项')
  await expect(dashboard.panel('progress').locator('canvas').first()).toBeVisible()
  for (let i = 0; i < 5; i++) await page.getByTestId('screen-next').click()
  await expect(page.getByTestId('screen-page')).toHaveText('第9屏，共9屏')
  await expect(page.getByTestId('supervision')).toBeVisible()
  await page.getByTestId('screen-exit').click()
  await expect(page).toHaveURL(/#\/dashboard\?.*asOf=2025-03-31/)
})

test('titles reach the charts as typed and never run; a row opens its commitment', async ({ page, shell }) => {
  const hostile = '<img src=x onerror=alert(1)>'
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  // Rename the commitment that comes first on the dashboard (the furthest behind).
  await page.getByTestId('commitment-row').filter({ hasText: '修订完善制度' }).getByTestId('edit-commitment').click()
  await field(page, 'commitment-title').fill(hostile)
  await page.getByTestId('save-commitment').click()
  await expect(page.getByTestId('commitment-dialog')).toBeHidden()

  const dashboard = new DashboardPage(page)
  await shell.navLink('看板').click()
  await expect(dashboard.tile('total')).toHaveText('16')
  // Its row of the chart shows the title in the tooltip as text, never as markup.
  const point = await dashboard.rowPoint('progress', hostile)
  await expect(dashboard.tooltip('progress', hostile)).toBeVisible()
  await expect(dashboard.panel('progress').locator('img')).toHaveCount(0)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)

  // Clicking its row (anywhere on it, so even a bar of no length) opens the commitment's detail with its burn-up chart.
  await page.mouse.click(point.x, point.y)
  await expect(page).toHaveURL(/#\/commitments\//)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(hostile)
  await expect(page.getByTestId('burnup-chart')).toBeVisible()

  // So does its title in the table view, for keyboards and screen readers.
  await page.goBack()
  const rows = await dashboard.tableRows('progress')
  const title = rows.first().getByTestId('panel-open')
  await expect(title).toHaveText(hostile)
  await title.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/commitments\//)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(hostile)
  expect(dialogs).toBe(0)
})
