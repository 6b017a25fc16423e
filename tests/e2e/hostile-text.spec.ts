import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { DashboardPage } from './page-models/dashboard-page'
import { ImportPage } from './page-models/import-page'
import { box, ReviewPage } from './page-models/review-page'
import { SettingsPage } from './page-models/settings-page'
import { chartsDrawn } from './support/screenshot'
import { readTable } from './support/idb'
import { editedBackup } from '../fixtures/bad-backups'
import { HOSTILE_TEXT, PWNED_SELECTOR } from '../fixtures/hostile-text'

const pick = (n: number) => HOSTILE_TEXT[n % HOSTILE_TEXT.length]!
/** As a line of text shows it: a line break in a title reads as a space. */
const asShown = (text: string) => text.replace(/\s+/g, ' ').trim()
const SHOWN = HOSTILE_TEXT.map(asShown)

/** Some of the hostile text is on the screen, as text (when `shown`); nothing ran and nothing became markup. */
async function expectInert(page: Page, where: string, { shown = true } = {}) {
  if (shown) {
    const body = page.locator('body')
    await expect
      .poll(async () => {
        const text = await body.innerText()
        return HOSTILE_TEXT.filter((payload) => text.includes(payload)).length
      }, { message: `${where}: hostile text shown as typed` })
      .toBeGreaterThan(0)
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), where).toBeUndefined()
  await expect(page.locator(PWNED_SELECTOR), where).toHaveCount(0)
}

/**
 * The probe of #20, kept: every name, title and text of the example replaced by hostile text, then every screen,
 * chart tooltip and export read. Nothing may run (a CSP violation would fail the test through the console guard),
 * nothing may become markup, and the exports must carry the text exactly, spreadsheet formulas as text.
 */
test('hostile text in every field runs nowhere: screens, tooltips, the import reading, Excel, Word and the backup', async ({ page, shell }) => {
  test.slow()
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  await shell.start('/')
  await shell.loadExample()
  const settings = new SettingsPage(page)
  await settings.open()
  const hostile = editedBackup(await settings.exportBackup(), (data) => {
    data.plans!.forEach((plan, i) => (plan.name = pick(i)))
    data.sections!.forEach((section, i) => (section.title = pick(i + 1)))
    data.commitments!.forEach((commitment, i) => (commitment.title = pick(i + 3)))
    data.departments!.forEach((department, i) => (department.name = pick(i + 19)))
    data.people!.forEach((person, i) => (person.name = pick(i + 25)))
    data.entries!.forEach((entry, i) => Object.assign(entry, { note: pick(i), place: pick(i + 7), participants: pick(i + 11) }))
  })
  await settings.chooseFile('恶意文本.json', hostile)
  await settings.preview.getByRole('button', { name: '覆盖恢复' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(page.getByText(/^导入完成/)).toBeVisible()
  await expectInert(page, 'settings after the restore', { shown: false })

  // Two reviews, with what the meeting records typed in as hostile text too.
  const reviews = new ReviewPage(page)
  await reviews.start('2025年第二季度')
  await reviews.start('2025年第三季度')
  await box(page, 'review-attendees').fill(pick(0))
  await box(page, 'review-decisions').fill(pick(20))
  await box(reviews.cards.first(), 'review-problems').fill(pick(2))
  await box(reviews.cards.first(), 'review-next-steps').fill(pick(19))
  await page.getByTestId('review-summary').click()
  await expect(page.getByTestId('review-saved')).toHaveText('已保存')
  const reviewPath = new URL(page.url()).hash.slice(1)

  const [plan] = await readTable<{ id: string }>(page, 'plans')
  const commitments = await readTable<{ id: string; order: number }>(page, 'commitments')
  const [q2, q3] = (await readTable<{ id: string; periodEnd: string }>(page, 'reviews')).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
  const screens = [
    '/',
    '/plans',
    `/plans/${plan!.id}`,
    ...commitments.slice(0, 3).map((c) => `/commitments/${c.id}`),
    '/log',
    '/log/batch',
    '/reviews',
    reviewPath,
    `/reviews/compare?from=${q2!.id}&to=${q3!.id}`,
    '/dashboard',
    '/directory',
  ]
  for (const path of screens) {
    await shell.goto(path)
    await chartsDrawn(page)
    await expectInert(page, path)
  }

  // Chart tooltips, on the dashboard and on the big screen (which has no table view).
  const dashboard = new DashboardPage(page)
  await shell.goto('/dashboard')
  await chartsDrawn(page)
  for (const lines of await dashboard.rowTooltips('progress', 5)) expect(SHOWN, 'a tooltip names its commitment as typed').toContain(asShown(lines[0]!))
  await expectInert(page, 'dashboard tooltips')
  await page.goto('./#/dashboard/screen')
  await page.getByTestId('screen-pause').click()
  while (!(await dashboard.panel('progress').isVisible())) await page.getByTestId('screen-next').click()
  for (const lines of await dashboard.rowTooltips('progress', 5)) expect(SHOWN).toContain(asShown(lines[0]!))
  await expectInert(page, 'big screen tooltips')

  // The Excel 台账 and the Word report of the Q3 review carry the text exactly; no cell is a formula.
  await shell.goto(reviewPath)
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()])
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await ledger.path())
  const cells: ExcelJS.Cell[] = []
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))))
  expect(cells.filter((cell) => cell.formula !== undefined || cell.type === ExcelJS.ValueType.Formula).map((cell) => cell.address)).toEqual([])
  const cellTexts = new Set(cells.map((cell) => cell.value).filter((value): value is string => typeof value === 'string'))
  // Every commitment's title, and the meeting's problems and next steps (formula-like: =HYPERLINK…), as typed.
  for (const payload of [...Array.from({ length: 16 }, (_, i) => pick(i + 3)), pick(2), pick(19)]) expect(cellTexts, `台账 holds ${payload}`).toContain(payload)

  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()])
  const xml = await (await JSZip.loadAsync(readFileSync(await report.path()))).file('word/document.xml')!.async('string')
  expect(xml).not.toMatch(/<(img|script|svg|iframe|style)\b/i)
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const words = unescape(xml.replace(/<[^>]+>/g, ''))
  for (const payload of [pick(0), pick(3), pick(2)]) expect(words, `the report holds ${payload}`).toContain(payload)
  await expectInert(page, 'review after the exports')

  // A pasted text of hostile statements is read and shown as text.
  const importer = new ImportPage(page)
  await importer.open()
  await importer.read(HOSTILE_TEXT.map((payload, i) => `${i + 1}. ${payload}组织集中学习不少于${i + 2}次。`).join('\n'))
  await expect(importer.commitmentRows.first()).toBeVisible()
  await expectInert(page, 'import reading')

  // The backup gives every text back exactly as it went in.
  await settings.open()
  const text = (rows: Record<string, unknown>[], key: string) => rows.map((row) => row[key])
  const out = JSON.parse(await settings.exportBackup()).data
  const sent = JSON.parse(hostile).data
  for (const [table, key] of [['plans', 'name'], ['sections', 'title'], ['commitments', 'title'], ['departments', 'name'], ['people', 'name'], ['entries', 'note']] as const) {
    expect(text(out[table], key), table).toEqual(text(sent[table], key))
  }
  expect(dialogs, 'no alert, confirm or prompt opened').toBe(0)
})
