import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { readTable } from './support/idb'
import { cameraPhoto, storedFileHashes, storedPhotos, withOrientation } from './support/photo'
import { SettingsPage } from './page-models/settings-page'
import { LogPage } from './page-models/log-page'
import { ReviewPage } from './page-models/review-page'

for (const [locale, width, height] of [['zh-CN', 390, 844], ['en', 1280, 800]] as const) {
  test(`${locale}, ${width} px wide: a photo attached to an entry is stored downscaled with a thumbnail and shown on the commitment; a web page named .jpg is refused`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    const shell = new ShellPage(page)
    await shell.start('/')
    await shell.loadExample()
    if (locale === 'en') await shell.chooseLocale('English')
    const commitments = await readTable(page, 'commitments') as { id: string; title: string }[]
    const target = commitments.find((c) => c.title.includes('修订')) ?? commitments[0]!
    await page.goto(`./#/commitments/${target.id}`)
    await page.getByTestId('log-entry').click()
    const dialog = page.getByTestId('entry-dialog')
    await dialog.getByTestId('evidence-input').setInputFiles([
      { name: '签到表.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page) },
      { name: '伪装.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') },
    ])
    await expect(dialog.getByTestId('evidence-added').locator('li')).toHaveCount(1)
    await expect(dialog.getByTestId('evidence-refused')).toBeVisible()
    await dialog.getByTestId('save-entry').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('commitment-evidence').getByTestId('evidence-thumb')).toHaveCount(1)
    // The stored photo and its thumbnail, decoded: 1600 and 320 px on the long edge.
    expect((await storedPhotos(page)).map(({ file, thumbnail }) => [file, thumbnail])).toEqual([[[1600, 1200], [320, 240]]])
    await expect(page.getByTestId('entry-evidence')).toHaveCount(1)
    await page.getByTestId('commitment-evidence').getByTestId('evidence-thumb').first().locator('button').click()
    await expect(page.locator('.el-image-viewer__wrapper')).toBeVisible()
  })
}

test('zh-CN, 390 px wide: a camera photo added after a quick "+1" is kept upright, leaves 缺佐证, is seen on the detail and review pages, exported, and restored from a backup into an empty browser', async ({ page, browser }) => {
  test.slow()
  await page.setViewportSize({ width: 390, height: 844 })
  // A day inside the example's year, so "+1 今天" counts; the clock runs on from it.
  await page.clock.install({ time: new Date('2025-10-15T02:00:00Z') })
  const shell = new ShellPage(page)
  const log = new LogPage(page)
  await shell.start('/')
  await shell.loadExample()
  await shell.goto('/log')
  await page.getByTestId('log-scope').getByText('全部').click()
  await expect(log.items).toHaveCount(16)

  // Nothing of the example has evidence: every commitment with entries so far is 缺佐证.
  const lackingFilter = page.getByTestId('filter-lacking')
  const lackingCount = async () => Number(/（(\d+)项）/.exec(await lackingFilter.innerText())?.[1])
  await expect(lackingFilter).toContainText(/（\d+项）/)
  const before = await lackingCount()
  expect(before).toBeGreaterThan(0)
  const title = '修订完善制度'
  await expect(log.item(title).getByTestId('quick-log-lacking')).toHaveText('缺佐证')
  await lackingFilter.click()
  await expect(log.items).toHaveCount(before)

  await log.quickAdd(title)
  await page.getByTestId('add-evidence').last().click()
  const dialog = page.getByTestId('evidence-dialog')
  await expect(dialog).toContainText(`2025-10-15 登记：${title}`)
  // Held upright on the phone: the sensor's 2400 × 1800 with EXIF orientation 6 (and a GPS block) is a portrait.
  await dialog.getByTestId('evidence-camera').setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: withOrientation(await cameraPhoto(page), 6) })
  await expect(dialog.getByTestId('evidence-added').locator('li')).toHaveCount(1)
  await dialog.getByTestId('save-evidence').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('佐证材料已保存')).toBeVisible()
  await expect(lackingFilter).toContainText(`（${before - 1}项）`)
  await expect(log.items).toHaveCount(before - 1)
  await expect(log.item(title)).toHaveCount(0)
  const [photo] = await storedPhotos(page)
  expect(photo).toMatchObject({ file: [1200, 1600], thumbnail: [240, 320], exif: false })
  const [attachment] = await readTable<{ id: string; name: string; size: number }>(page, 'attachments')
  expect(attachment).toMatchObject({ id: photo!.id, name: 'IMG_0042.jpg' })

  // On the commitment's page, and on the review of the quarter, with the entry of that day.
  await lackingFilter.click()
  await log.item(title).getByRole('link').click()
  await expect(page.getByTestId('commitment-evidence').getByTestId('evidence-thumb')).toHaveCount(1)
  const review = new ReviewPage(page)
  await review.start('2025年第四季度')
  const card = review.card(title)
  await expect(card.getByTestId('review-evidence').getByTestId('evidence-thumb')).toHaveCount(1)
  await expect(card.getByTestId('review-lacking')).toHaveCount(0)
  // 缺佐证 on the review: the quarter's commitments with entries and no evidence, as many as the filter says.
  const option = page.getByTestId('filter-evidence').locator('option[value="lacking"]')
  const n = Number(/（(\d+)项）/.exec((await option.textContent()) ?? '')?.[1])
  await page.getByTestId('filter-evidence').selectOption('lacking')
  await expect(page).toHaveURL(/evidence=lacking/)
  await expect(review.card(title)).toHaveCount(0)
  await expect(review.cards).toHaveCount(n)
  await expect(review.cards.getByTestId('review-lacking')).toHaveCount(n)
  await page.getByTestId('filter-clear').click()
  await expect(page).not.toHaveURL(/evidence=lacking/)
  await expect(review.card(title)).toHaveCount(1)

  // 导出佐证材料: the quarter's photo in its commitment's folder, numbered as the 台账 beside it numbers the row,
  // which lists it under 佐证材料. Names read back in Chinese: the zip says they are UTF-8.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-evidence').click()])
  expect(download.suggestedFilename()).toBe('2025年第四季度工作调度会佐证材料（截至2025-10-15）.zip')
  await expect(page.getByText('已导出佐证材料 1 份')).toBeVisible()
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())))
  const names = Object.keys(zip)
  const ledgerName = '2025年第四季度工作调度会工作台账（截至2025-10-15）.xlsx'
  expect(names).toHaveLength(2)
  expect(names[0]).toBe(ledgerName)
  const photoPath = names[1]!
  expect(photoPath).toMatch(new RegExp(`^[一二三四五六七八九十]+/（[一二三四五六七八九十]+）/(\\d+) ${title}/2025-10-15 IMG_0042 01\\.jpg$`))
  expect(zip[photoPath]!.length).toBe(attachment!.size)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(zip[ledgerName]!.buffer as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const headings = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''))
  expect(headings.at(-1)).toBe('佐证材料')
  const rows: [string, string, string][] = []
  sheet.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? ''), String(row.getCell(headings.length - 1).value ?? '')]))
  const own = rows.find(([, name]) => name === title)!
  expect(own[2]).toBe(photoPath)
  expect(photoPath.split('/')[2]).toBe(`${own[0]} ${title}`)
  // Section heading rows are merged across every column; commitment rows are numbered.
  expect(rows.filter(([number, , files]) => /^\d+$/.test(number) && files !== '')).toHaveLength(1)
  // The backup carries the photo: one zip, restored into an empty browser with the same bytes, seen on the commitment.
  const settings = new SettingsPage(page)
  await settings.open()
  const backup = await settings.exportArchive()
  expect(backup.name).toMatch(/^pace-backup-\d{4}-\d{2}-\d{2}\.zip$/)
  await expect(page.getByText(`备份已导出：${backup.name}（含 1 个佐证文件）`)).toBeVisible()
  const held = await storedFileHashes(page)
  const emptyContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const fresh = new ShellPage(await emptyContext.newPage())
  await fresh.start('/settings', '李明', '调研科')
  const restore = new SettingsPage(fresh.page)
  await restore.chooseArchive(backup.name, backup.bytes)
  await expect(restore.preview.getByTestId('import-files')).toHaveText('含 1 个佐证文件，已逐一核对校验值。')
  await restore.preview.getByRole('button', { name: '覆盖恢复' }).click()
  await fresh.page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(fresh.page.getByText(/^导入完成/)).toBeVisible()
  expect(await storedFileHashes(fresh.page)).toEqual(held)
  const commitment = (await readTable<{ id: string; title: string }>(page, 'commitments')).find((c) => c.title === title)!
  await fresh.page.goto(`./#/commitments/${commitment.id}`)
  await expect(fresh.page.getByTestId('commitment-evidence').getByTestId('evidence-thumb')).toHaveCount(1)
  await emptyContext.close()
})
