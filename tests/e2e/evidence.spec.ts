import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { readTable } from './support/idb'

/** A camera-sized photo (2400 × 1800 JPEG), drawn by the browser itself. */
const cameraPhoto = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800)
    const g = canvas.getContext('2d')!
    g.fillStyle = '#3a7'
    g.fillRect(0, 0, 2400, 1800)
    g.fillStyle = '#fff'
    g.font = '300px sans-serif'
    g.fillText('签到表', 300, 1000)
    return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer()))
  })

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
    const jpeg = await cameraPhoto(page)
    await dialog.getByTestId('evidence-input').setInputFiles([
      { name: '签到表.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) },
      { name: '伪装.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') },
    ])
    await expect(dialog.getByTestId('evidence-added').locator('li')).toHaveCount(1)
    await expect(dialog.getByTestId('evidence-refused')).toBeVisible()
    await dialog.getByTestId('save-entry').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('commitment-evidence').getByTestId('evidence-thumb')).toHaveCount(1)
    // The stored photo and its thumbnail, decoded: 1600 and 320 px on the long edge.
    const sizes = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('pace')
        open.onsuccess = () => resolve(open.result)
      })
      const rows = await new Promise<{ file: Blob; thumbnail: Blob }[]>((resolve) => {
        const request = db.transaction('files').objectStore('files').getAll()
        request.onsuccess = () => resolve(request.result)
      })
      db.close()
      const size = async (blob: Blob) => {
        const bitmap = await createImageBitmap(blob)
        return [bitmap.width, bitmap.height]
      }
      return Promise.all(rows.map(async (row) => [await size(row.file), await size(row.thumbnail)]))
    })
    expect(sizes).toEqual([[[1600, 1200], [320, 240]]])
    await expect(page.getByTestId('entry-evidence')).toHaveCount(1)
    await page.getByTestId('commitment-evidence').getByTestId('evidence-thumb').first().locator('button').click()
    await expect(page.locator('.el-image-viewer__wrapper')).toBeVisible()
  })
}
