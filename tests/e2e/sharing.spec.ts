import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { LogPage } from './page-models/log-page'
import { field } from './page-models/plan-page'
import { DashboardPage } from './page-models/dashboard-page'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { hubCounts, hubTitles, personContext, setRoles, signInFromFirstRun, startOfficeHub, waitSynced, OFFICE, type OfficeHub } from './support/hub'
import { deleteRow, readTable } from './support/idb'
import { unzipSync } from 'fflate'
import { cameraPhoto, storedFileHashes } from './support/photo'
import { SettingsPage } from './page-models/settings-page'
import type { Guard } from './support/fixtures'

const [keeper, staff, leader] = OFFICE

/**
 * The hub is this page's origin. The browser logs each request of the replicator that fails: the checkpoint asked
 * for before the first one exists (404, as CouchDB answers); while a device is offline, its retries; and a live
 * changes feed cut when the test stops the hub at its end (refused, reset, or an empty response). And
 * PouchDB's replication asks the source for its info after each batch, to update its task's progress, without
 * catching a failure (pouchdb-replication 9, `src.info().then(...)`): the hub gone mid-pull is an unhandled
 * rejection of that fetch, which the replication itself recovers from.
 */
function trustHub(guard: Guard, hub: OfficeHub) {
  guard.trustOrigin(hub.origin)
  guard.allowConsoleError(/status of 404 \(Not Found\) \(http:\/\/[^)]*\/db\/pace\/_local\//)
  guard.allowConsoleError(/net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE) \(http:\/\/[^)]*\/db\//)
  guard.allowConsoleError(/^TypeError: Failed to fetch\n\s+at [\s\S]*\._info \(http:\/\/[^)]*\/assets\/replicator-[\w-]+\.js:\d+:\d+\)$/)
}

/** The plan keeper signs in on a new device and loads the plan (the example) into the shared dataset; its address. */
async function keeperLoadsPlan(page: Page, hub: OfficeHub): Promise<string> {
  await signInFromFirstRun(page, hub.origin, keeper)
  await new ShellPage(page).loadExample()
  const planUrl = page.url()
  await waitSynced(page)
  return planUrl
}

/** Renames a commitment of the plan the page shows, from its row's edit button. */
async function renameCommitment(page: Page, from: string, to: string) {
  await page.getByTestId('commitment-row').filter({ hasText: from }).getByTestId('edit-commitment').click()
  await field(page, 'commitment-title').fill(to)
  await page.getByTestId('save-commitment').click()
  await expect(page.getByTestId('commitment-dialog')).toBeHidden()
}

const shell = (page: Page) => new ShellPage(page)

const DATA_TABLES = ['plans', 'sections', 'commitments', 'entries', 'departments', 'people', 'reviews'] as const
const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))

/** Every data table of the page's store, counted (tombstones too, as the hub holds them). */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of DATA_TABLES) {
    const n = (await readTable(page, table)).length
    if (n > 0) counts[table] = n
  }
  return counts
}

test('staff log offline on a phone; once it reconnects, the leader\u2019s open dashboard shows it without a reload; each sees only what their role may do', async ({ browser, page, guard }) => {
  test.slow()
  const hub = await startOfficeHub()
  trustHub(guard, hub)
  try {
    const planUrl = await keeperLoadsPlan(page, hub)

    const leaderContext = await personContext(browser)
    const leaderPage = await leaderContext.newPage()
    await signInFromFirstRun(leaderPage, hub.origin, leader)
    await leaderPage.goto(`${hub.origin}/#/dashboard`)
    const dashboard = new DashboardPage(leaderPage)
    const row = (await dashboard.tableRows('progress')).filter({ hasText: '组织集中学习' })
    const before = await row.innerText()

    const phone = await personContext(browser, true)
    const phonePage = await phone.newPage()
    await signInFromFirstRun(phonePage, hub.origin, staff)
    await phonePage.goto(`${hub.origin}/#/log`)
    const log = new LogPage(phonePage)
    await expect(log.item('组织集中学习')).toBeVisible()
    await phone.setOffline(true)
    // The example's year is over, so the entry is dated in it (a "+1" logs today).
    await log.openDetailed('组织集中学习')
    await field(log.entryDialog, 'entry-date').fill('2025-10-20')
    await field(log.entryDialog, 'entry-date').press('Enter')
    await log.saveEntry()
    await expect(phonePage.getByTestId('sharing-banner-offline')).toContainText('1条记录待上传')
    await phone.setOffline(false)
    await expect(phonePage.getByTestId('sharing-banner-uploaded')).toBeVisible({ timeout: 60_000 })
    await expect.poll(() => row.innerText(), { timeout: 60_000 }).not.toBe(before)

    // What a role may not do is not offered, and the screen says why.
    await phonePage.goto(planUrl)
    await expect(phonePage.getByTestId('role-notice')).toContainText('你以“工作人员”账号（张三）登录：计划、分项和目标任务由台账员维护')
    await expect(phonePage.getByTestId('commitment-row').first()).toBeVisible()
    await expect(phonePage.getByTestId('add-commitment')).toHaveCount(0)
    await expect(phonePage.getByTestId('edit-commitment')).toHaveCount(0)
    await phonePage.getByTestId('commitment-row').filter({ hasText: '组织集中学习' }).getByRole('link').click()
    const entries = phonePage.getByTestId('entry-item')
    await expect(entries.filter({ hasText: '2025-10-20' }).getByTestId('edit-entry')).toBeVisible()
    await expect(entries.filter({ hasNotText: '2025-10-20' }).first()).toBeVisible()
    await expect(entries.filter({ hasNotText: '2025-10-20' }).getByTestId('edit-entry')).toHaveCount(0)
    await leaderPage.goto(`${hub.origin}/#/log`)
    await expect(leaderPage.getByTestId('role-notice')).toContainText('领导账号只查看完成情况，不登记工作')
    await expect(leaderPage.getByTestId('quick-log')).toHaveCount(0)
    await Promise.all([leaderContext.close(), phone.close()])
  } finally {
    await hub.stop()
  }
})

test('one commitment edited on two offline devices ends the same on both; the replaced version is in both conflict logs and can be put back', async ({ browser, page, guard }) => {
  test.slow()
  const hub = await startOfficeHub()
  trustHub(guard, hub)
  try {
    const planUrl = await keeperLoadsPlan(page, hub)
    const laptop = await personContext(browser)
    const second = await laptop.newPage()
    await signInFromFirstRun(second, hub.origin, keeper)
    for (const device of [page, second]) {
      await device.goto(planUrl)
      await expect(device.getByTestId('commitment-row').filter({ hasText: '修订完善制度' })).toBeVisible()
    }
    await page.context().setOffline(true)
    await laptop.setOffline(true)
    await renameCommitment(page, '修订完善制度', '台式机改的标题')
    await renameCommitment(second, '修订完善制度', '笔记本改的标题')
    await page.context().setOffline(false)
    await laptop.setOffline(false)

    // The later edit (the laptop's) wins on both devices; the desktop's is in each conflict log.
    for (const device of [page, second]) {
      await expect(device.getByTestId('commitment-row').filter({ hasText: '笔记本改的标题' })).toBeVisible({ timeout: 60_000 })
      await expect(device.getByTestId('commitment-row').filter({ hasText: '台式机改的标题' })).toHaveCount(0)
    }
    for (const device of [page, second]) {
      await device.goto(`${hub.origin}/#/settings`)
      await expect(device.getByTestId('conflict-item')).toHaveText([/台式机改的标题/], { timeout: 60_000 })
      await expect(device.getByTestId('sharing-conflicts')).toHaveText('冲突 1')
    }
    // The plan keeper puts the replaced version back: a new write, which reaches the other device.
    await page.getByTestId('conflict-restore').click()
    await expect(page.getByTestId('conflict-item')).toContainText('已恢复')
    await second.goto(planUrl)
    await expect(second.getByTestId('commitment-row').filter({ hasText: '台式机改的标题' })).toBeVisible({ timeout: 60_000 })
    await laptop.close()
  } finally {
    await hub.stop()
  }
})

test('the hub killed by its process id in the middle of the first upload: restarted, the upload resumes and every row arrives once', async ({ page, guard }) => {
  test.slow()
  const data = await mkdtemp(join(tmpdir(), 'pace-hub-'))
  const admin = { name: 'admin', password: 'hub-admin-pass' }
  let hub = await startOfficeHub({ data, admin })
  trustHub(guard, hub)
  const port = Number(new URL(hub.origin).port)
  try {
    await signInFromFirstRun(page, hub.origin, keeper)
    // Settings' code is loaded now: with the hub gone, the app can still open it.
    const shell = new ShellPage(page)
    await shell.navLink('设置').click()
    await expect(page.getByTestId('sharing-status')).toBeVisible()
    await shell.navLink('首页').click()
    await shell.loadExample()
    // Some 150 rows are on their way; stop the hub as soon as they are written here.
    process.kill(hub.pid!, 'SIGKILL')
    // Within the app (a page load would need the server this test has just stopped).
    await shell.navLink('设置').click()
    await expect(page.getByTestId('sharing-status')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 })
    hub = await startOfficeHub({ data, admin, port, setUp: false })
    await page.getByTestId('sharing-sync-now').click()
    await expect(page.getByTestId('sharing-status')).toHaveAttribute('data-state', 'synced', { timeout: 90_000 })
    expect(await readTable(page, 'outbox')).toEqual([])
    const here = await storeCounts(page)
    // The hub holds the office's directory from its setup as well as what this device sent.
    await expect.poll(() => hubCounts(hub)).toEqual({ ...here })
  } finally {
    await hub.stop()
    await rm(data, { recursive: true, force: true })
  }
})

test('a change the hub refuses is kept and shown to its author, not dropped', async ({ page, guard }) => {
  test.slow()
  const hub = await startOfficeHub()
  trustHub(guard, hub)
  try {
    const planUrl = await keeperLoadsPlan(page, hub)
    // The keeper edits offline; meanwhile the server's administrator makes the account staff. The device still
    // took the edit as the keeper's, and the hub, which decides, refuses it on reconnecting.
    await page.goto(planUrl)
    await page.context().setOffline(true)
    await renameCommitment(page, '修订完善制度', '降级前改的标题')
    await setRoles(hub, keeper.name, ['staff'])
    await page.context().setOffline(false)
    await shell(page).navLink('设置').click()
    await expect(page.getByTestId('sharing-refused')).toContainText('降级前改的标题', { timeout: 60_000 })
    await expect(page.getByTestId('sharing-refused')).toContainText('Your role may not change commitments')
    // Kept on the device that wrote it; never reached the hub.
    await page.goto(planUrl)
    await expect(page.getByTestId('commitment-row').filter({ hasText: '降级前改的标题' })).toBeVisible()
    const titles = await hubTitles(hub)
    expect(titles).toContain('修订完善制度')
    expect(titles).not.toContain('降级前改的标题')
  } finally {
    await hub.stop()
  }
})

test('what a browser held before sharing goes up once at its first sign-in; a backup restored with sharing on, and the dataset pulled again from the start, change nothing', async ({ page, guard }) => {
  test.slow()
  const hub = await startOfficeHub()
  trustHub(guard, hub)
  try {
    // A single browser's own 台账, as before sharing.
    await page.goto(`${hub.origin}/#/`)
    const shell = new ShellPage(page)
    await shell.identify(keeper.name, keeper.department)
    await shell.loadExample()
    const before = await storeCounts(page)

    await shell.navLink('设置').click()
    await page.getByTestId('sharing-name').fill(keeper.name)
    await page.getByTestId('sharing-password').fill(keeper.password)
    await page.getByTestId('sharing-sign-in-button').click()
    await expect(page.getByTestId('sharing-status')).toHaveAttribute('data-state', 'synced', { timeout: 60_000 })
    const shared = await storeCounts(page)
    expect(await hubCounts(hub)).toEqual(shared)
    // The plan went up once; the directory gained only the office's accounts the hub already listed.
    for (const table of ['plans', 'sections', 'commitments', 'entries', 'reviews'] as const) expect(shared[table]).toBe(before[table])

    const rows = async () => Object.fromEntries(await Promise.all(DATA_TABLES.map(async (table) => [table, sorted(await readTable<{ id: string }>(page, table))])))
    const stored = await rows()
    const settings = new SettingsPage(page)
    const backup = await settings.exportBackup()
    await settings.chooseFile('pace-backup.json', backup)
    await settings.preview.getByRole('button', { name: '覆盖恢复' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    await expect(page.getByTestId('sharing-status')).toHaveAttribute('data-state', 'synced', { timeout: 60_000 })
    expect(await rows()).toEqual(stored)
    expect(await hubCounts(hub)).toEqual(shared)

    // Pulling the whole changes feed again (the checkpoint forgotten, the app reopened) changes no row.
    await deleteRow(page, 'settings', 'sharing.checkpoint')
    await page.reload()
    await shell.navLink('设置').click()
    const checkpoint = async () => (await readTable<{ key: string }>(page, 'settings')).some((row) => row.key === 'sharing.checkpoint')
    await expect.poll(checkpoint, { timeout: 60_000 }).toBe(true)
    expect(await rows()).toEqual(stored)
  } finally {
    await hub.stop()
  }
})

test('evidence in a shared dataset: a photo and a PDF attached on one phone reach the leader\u2019s phone as thumbnail and name at once; each file comes from the hub only when opened, the same bytes', async ({ browser, page, guard }) => {
  test.slow()
  const hub = await startOfficeHub()
  trustHub(guard, hub)
  try {
    await keeperLoadsPlan(page, hub)
    const phone = await personContext(browser, true)
    const phonePage = await phone.newPage()
    await signInFromFirstRun(phonePage, hub.origin, staff)
    await phonePage.goto(`${hub.origin}/#/log`)
    const log = new LogPage(phonePage)
    await log.openDetailed('组织集中学习')
    await field(log.entryDialog, 'entry-date').fill('2025-09-20')
    await field(log.entryDialog, 'entry-date').press('Enter')
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    await log.entryDialog.getByTestId('evidence-input').setInputFiles([
      { name: '学习签到表.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(phonePage) },
      { name: '学习通知.pdf', mimeType: 'application/pdf', buffer: pdf },
    ])
    await expect(log.entryDialog.getByTestId('evidence-added').locator('li')).toHaveCount(2)
    await log.saveEntry()
    await waitSynced(phonePage)
    const sent = sorted(await storedFileHashes(phonePage))
    expect(sent).toHaveLength(2)
    expect(await hubCounts(hub)).toMatchObject({ attachments: 2, files: 2 })

    // The leader's phone pulls the dataset: rows and thumbnails, no file.
    const leaderPhone = await personContext(browser, true)
    const leaderPage = await leaderPhone.newPage()
    const fetched: string[] = []
    leaderPage.on('request', (request) => {
      if (request.url().includes('/files%3A')) fetched.push(request.url())
    })
    await signInFromFirstRun(leaderPage, hub.origin, leader)
    const commitment = (await readTable<{ id: string; title: string }>(leaderPage, 'commitments')).find((c) => c.title.includes('组织集中学习'))!
    await leaderPage.goto(`${hub.origin}/#/commitments/${commitment.id}`)
    const thumbs = leaderPage.getByTestId('commitment-evidence').getByTestId('evidence-thumb')
    await expect(thumbs).toHaveCount(2)
    const photoThumb = thumbs.filter({ has: leaderPage.locator('img') })
    await expect(photoThumb.locator('img')).toHaveAttribute('src', /^blob:/)
    const pdfThumb = thumbs.filter({ hasText: '学习通知.pdf' })
    await expect(pdfThumb.getByTestId('evidence-on-hub')).toHaveText('在服务器上')
    const photo = sent.find((f) => f.thumbnail !== null)!
    const document = sent.find((f) => f.thumbnail === null)!
    expect(sorted(await storedFileHashes(leaderPage))).toEqual([{ ...photo, file: null }])
    expect(fetched).toEqual([])

    // Opening the photo brings its full size from the hub, checked and kept; the viewer shows it.
    await photoThumb.locator('button').click()
    await expect(leaderPage.locator('.el-image-viewer__wrapper')).toBeVisible()
    await expect.poll(async () => sorted(await storedFileHashes(leaderPage)).find((f) => f.id === photo.id)?.file).toBe(photo.file)
    await expect(leaderPage.locator('.el-image-viewer__canvas img')).toHaveAttribute('src', /^blob:/)
    await leaderPage.keyboard.press('Escape')
    await expect(leaderPage.locator('.el-image-viewer__wrapper')).toBeHidden()

    // Opening the PDF downloads it, fetched and checked the same way.
    const [download] = await Promise.all([leaderPage.waitForEvent('download'), pdfThumb.locator('button').click()])
    expect(download.suggestedFilename()).toBe('学习通知.pdf')
    expect(await readFile(await download.path())).toEqual(pdf)
    expect(sorted(await storedFileHashes(leaderPage))).toEqual(sorted([photo, document]))
    expect(fetched).toHaveLength(2)

    // The plan keeper's device has neither file: 导出佐证材料 fetches both from the hub into the zip.
    await page.goto(`${hub.origin}/#/dashboard`)
    const [zipped] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-evidence').click()])
    const zip = unzipSync(new Uint8Array(await readFile(await zipped.path())))
    const inZip = Object.entries(zip).filter(([name]) => !name.endsWith('.xlsx'))
    expect(inZip.map(([name]) => name.replace(/^.*\//, '')).sort()).toEqual(['2025-09-20 学习签到表 01.jpg', '2025-09-20 学习通知 01.pdf'])
    expect(Buffer.from(inZip.find(([name]) => name.endsWith('.pdf'))![1])).toEqual(pdf)
    await expect(page.getByText('已导出佐证材料 2 份')).toBeVisible()
    await Promise.all([phone.close(), leaderPhone.close()])
  } finally {
    await hub.stop()
  }
})
