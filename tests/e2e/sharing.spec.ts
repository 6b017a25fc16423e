import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { LogPage } from './page-models/log-page'
import { field } from './page-models/plan-page'
import { DashboardPage } from './page-models/dashboard-page'
import { personContext, signInFromFirstRun, startOfficeHub, waitSynced, OFFICE } from './support/hub'

const [keeper, staff, leader] = OFFICE

test('staff log offline on a phone; once it reconnects, the leader\u2019s open dashboard shows it without a reload', async ({ browser, page, guard }) => {
  test.slow()
  const hub = await startOfficeHub()
  guard.trustOrigin(hub.origin)
  // PouchDB asks for its replication checkpoint before the first one exists; the hub answers 404, as CouchDB does.
  guard.allowConsoleError(/status of 404 \(Not Found\) \(http:\/\/[^)]*\/db\/pace\/_local\//)
  try {
    // The plan keeper signs in on their desktop and loads the plan (the example) into the shared dataset.
    const shell = new ShellPage(page)
    await signInFromFirstRun(page, hub.origin, keeper)
    await shell.loadExample()
    await waitSynced(page)

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
    await Promise.all([leaderContext.close(), phone.close()])
  } finally {
    await hub.stop()
  }
})
