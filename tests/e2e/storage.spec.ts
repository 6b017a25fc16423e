import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { SettingsPage } from './page-models/settings-page'
import { LogPage } from './page-models/log-page'
import { badBackups, editedBackup } from '../fixtures/bad-backups'
import { newProfile } from './support/profile'
import { launchOwnChromium, type OwnChromium } from './support/own-chromium'
import type { Page } from '@playwright/test'
import { probeWrite, readTable } from './support/idb'

/** The data part of a backup file: what must not change when a bad file is refused. */
const dataOf = (text: string) => JSON.parse(text).data
/** Rows in id order, so tables read different ways compare equal. */
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
const DATA_TABLES = ['plans', 'sections', 'commitments', 'entries', 'departments', 'people', 'reviews']

test.describe('storage', () => {
  test('the data survives a reload', async ({ shell, page }) => {
    await shell.start('/settings', '王芳', '办公室')
    const settings = new SettingsPage(page)
    await expect(settings.identityName).toHaveText('王芳')
    await page.reload()
    await expect(settings.identityName).toHaveText('王芳')
    await expect(page.getByTestId('identity-dialog')).toBeHidden()
  })

  test('the data survives closing and reopening the browser', async ({ baseURL, guard }) => {
    guard.trustOrigin(baseURL ?? '')
    const profile = await newProfile(baseURL)
    try {
      const first = await profile.launch()
      const shell = new ShellPage(first.pages()[0] ?? (await first.newPage()))
      await shell.start('/settings', '李明', '调研科')
      await first.close()

      const second = await profile.launch()
      const page = second.pages()[0] ?? (await second.newPage())
      const settings = new SettingsPage(page)
      await settings.open()
      await expect(settings.identityName).toHaveText('李明')
      await second.close()
    } finally {
      await profile.remove()
    }
  })

  test('with the disk full, logging and restoring are refused as storage full, and nothing changes', async ({ baseURL }) => {
    test.slow()
    // No service worker: its cache would fill the same quota, and a screen's code it had not cached yet could not load.
    const profile = await newProfile(baseURL, { serviceWorkers: 'block' })
    const context = await profile.launch()
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      const shell = new ShellPage(page)
      const settings = new SettingsPage(page)
      const log = new LogPage(page)
      await shell.start('/')
      await shell.loadExample()
      await settings.open()
      const before = await settings.exportBackup()
      const theirs = editedBackup(before, (data) => {
        for (const entry of data.entries ?? []) entry.note = `${String(entry.note)}（另一份）`
      })

      // A quota of one byte: the origin already uses more than it may, so every write that adds anything is refused.
      const cdp = await context.newCDPSession(page)
      const origin = new URL(page.url()).origin
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
      await expect.poll(() => probeWrite(page), { timeout: 90_000 }).toBe('QuotaExceededError')
      const full = page.locator('.el-message--error').filter({ hasText: '存储空间已满，本次修改未保存' })

      await shell.goto('/log')
      await log.openDetailed('修订完善制度')
      await log.entryDialog.getByTestId('entry-note').fill('磁盘已满时登记')
      await log.entryDialog.getByTestId('save-entry').click()
      await expect(full).toBeVisible()
      await expect(log.entryDialog, 'the form stays open with what was typed').toBeVisible()
      await expect(log.entryDialog.getByTestId('entry-note')).toHaveValue('磁盘已满时登记')
      await page.reload()

      await settings.open()
      for (const button of ['合并导入', '覆盖恢复']) {
        await settings.chooseFile('另一份.json', theirs)
        await settings.preview.getByRole('button', { name: button }).click()
        if (button === '覆盖恢复') await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
        await expect(full, button).toBeVisible()
        await page.reload()
        await settings.open()
      }
      expect(dataOf(await settings.exportBackup())).toEqual(dataOf(before))

      // With space again, the same restore goes through: the refusals above were the disk, not the file.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin })
      await settings.chooseFile('另一份.json', theirs)
      await settings.preview.getByRole('button', { name: '覆盖恢复' }).click()
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
      await expect(page.getByText(/^导入完成/)).toBeVisible()
      expect(dataOf(await settings.exportBackup())).toEqual(dataOf(theirs))
    } finally {
      await context.close()
      await profile.remove()
    }
  })

  test('a browser killed (SIGKILL) in the middle of a restore comes back with all the old data or all the new', async ({ baseURL, guard }) => {
    test.slow()
    guard.trustOrigin(baseURL ?? '')
    const profile = await newProfile(baseURL)
    // The browser's own profile context has no baseURL: pages are opened at full addresses.
    const at = (path: string) => new URL(`./#${path}`, baseURL).href
    const open = async (path: string) => {
      const own = await launchOwnChromium(profile.dir)
      const context = own.browser.contexts()[0]!
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(at(path))
      await page.getByRole('heading', { level: 1 }).waitFor()
      return { own, page }
    }
    const tables = (page: Page) => Promise.all(DATA_TABLES.map(async (name) => [name, byId(await readTable<{ id: string }>(page, name))] as const)).then(Object.fromEntries)
    let first: OwnChromium | undefined
    let second: OwnChromium | undefined
    try {
      const { own, page } = await open('/')
      first = own
      const shell = new ShellPage(page)
      const settings = new SettingsPage(page)
      await shell.identify('王芳', '办公室')
      await shell.loadExample()
      await page.goto(at('/settings'))
      const old = await tables(page)
      // A restore big enough to be caught in the middle: the example and 8,000 more entries.
      const theirs = editedBackup(await settings.exportBackup(), (data) => {
        const model = data.entries![0]!
        for (let n = 0; n < 8_000; n += 1) data.entries!.push({ ...model, id: `killed-restore-${n}`, note: `第${n}条` })
      })
      await settings.chooseFile('大备份.json', theirs)
      await settings.preview.getByRole('button', { name: '覆盖恢复' }).click()
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
      await expect(page.locator('.backup-panel .el-loading-mask')).toBeVisible()
      await own.kill()

      const again = await open('/settings')
      second = again.own
      await expect(again.page.getByTestId('identity-name')).toHaveText('王芳')
      const after = await tables(again.page)
      const fresh = Object.fromEntries(Object.entries(dataOf(theirs) as Record<string, { id: string }[]>).map(([name, rows]) => [name, byId(rows)]))
      expect([old, fresh].some((whole) => JSON.stringify(whole) === JSON.stringify(after)), 'all old or all new').toBe(true)
    } finally {
      await first?.kill()
      await second?.kill()
      await profile.remove()
    }
  })

  test('a write in one tab appears in another without a reload', async ({ context }) => {
    const first = new ShellPage(await context.newPage())
    const second = new SettingsPage(await context.newPage())
    await first.goto('/')
    await second.open()
    await expect(second.page.getByTestId('identity-dialog')).toBeVisible()
    await first.identify('王芳', '办公室')
    await expect(second.identityName).toHaveText('王芳')
    await expect(second.page.getByTestId('identity-dialog')).toBeHidden()
  })

  test('an entry for a commitment deleted in another tab is refused, saying so, and nothing is stored', async ({ shell, page, context }) => {
    test.slow()
    await shell.start('/')
    await shell.loadExample()
    const planPath = new URL(page.url()).hash.slice(1)
    const log = new LogPage(page)
    await shell.goto('/log')
    await log.openDetailed('修订完善制度')
    // Meanwhile, in another tab, the plan keeper deletes that commitment.
    const other = await context.newPage()
    await other.goto(`./#${planPath}`)
    const row = other.getByTestId('commitment-row').filter({ hasText: '修订完善制度' })
    await row.getByRole('button', { name: '更多' }).click()
    await other.getByRole('menuitem', { name: '删除' }).click()
    await other.getByRole('dialog').getByRole('button', { name: '删除' }).click()
    await expect(other.getByTestId('commitment-row').filter({ hasText: '修订完善制度' })).toHaveCount(0)
    // Back in the first tab, the entry form still open: saving it is refused, in words that say why.
    await log.entryDialog.getByTestId('save-entry').click()
    await expect(page.locator('.el-message--error')).toContainText('该目标任务已被删除（可能在另一个窗口中），登记未保存')
    await expect(page.getByText('登记已保存')).toHaveCount(0)
    // And in storage, no live entry names it.
    const gone = new Set((await readTable<{ id: string; deletedAt: string | null }>(page, 'commitments')).filter((c) => c.deletedAt !== null).map((c) => c.id))
    const entries = await readTable<{ commitmentIds: string[]; deletedAt: string | null }>(page, 'entries')
    const orphans = entries.filter((e) => e.deletedAt === null && e.commitmentIds.some((id) => gone.has(id))).length
    expect(orphans).toBe(0)
  })

  test('every bad backup file of the probe list is refused with its reason, and the data stays exactly as it was', async ({ shell, page }) => {
    test.slow()
    await shell.start('/')
    await shell.loadExample()
    const settings = new SettingsPage(page)
    await settings.open()
    const before = await settings.exportBackup()
    const reasons = {
      notJson: '不是完整的备份文件',
      foreign: '这不是计划成效看板的备份文件',
      newerFormat: '更新版本',
      newerSchema: '比本应用新',
      checksum: '校验不一致',
      duplicateId: '编号相同',
      invalidRows: '条记录',
    }
    for (const { name, text, code } of badBackups(before)) {
      await settings.chooseFile(`${name}.json`, text)
      const alert = settings.fileError
      await expect(alert, name).toContainText(reasons[code])
      await expect(alert, name).toContainText('本机数据未作任何改动')
      await expect(settings.preview, name).toBeHidden()
      await alert.getByRole('button', { name: '知道了' }).click()
      await expect(alert, name).toBeHidden()
    }
    expect(dataOf(await settings.exportBackup())).toEqual(dataOf(before))
  })

  test('a colleague’s backup merges in after a preview', async ({ shell, page, browser }) => {
    // A colleague on another machine (another profile) exports their data…
    const colleagueContext = await browser.newContext()
    const colleague = new ShellPage(await colleagueContext.newPage())
    await colleague.start('/settings', '李明', '调研科')
    const theirs = await new SettingsPage(colleague.page).exportBackup()
    await colleagueContext.close()

    // …and the coordinator previews, then merges it.
    await shell.start('/settings', '王芳', '办公室')
    const settings = new SettingsPage(page)
    await settings.chooseFile('李明.json', theirs)
    await expect(settings.previewRow('部门')).toContainText('1')
    await settings.preview.getByRole('button', { name: '合并导入' }).click()
    // Their department and themself (first run puts the user on the people list).
    await expect(page.getByText('导入完成：新增 2 条，更新 0 条')).toBeVisible()
    const merged = dataOf(await settings.exportBackup())
    expect(merged.departments.map((d: { name: string }) => d.name).sort()).toEqual(['办公室', '调研科'])
    expect(merged.people.map((p: { name: string }) => p.name).sort()).toEqual(['李明', '王芳'])

    // Importing the same file again changes nothing.
    await settings.chooseFile('李明.json', theirs)
    await settings.preview.getByRole('button', { name: '合并导入' }).click()
    await expect(page.getByText('导入完成：新增 0 条，更新 0 条')).toBeVisible()
    expect(dataOf(await settings.exportBackup())).toEqual(merged)
  })
})
