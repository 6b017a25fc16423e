import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { field } from './page-models/plan-page'
import { LogPage } from './page-models/log-page'
import { personContext, signInFromFirstRun, startOfficeHub, waitSynced, OFFICE } from './support/hub'

const [keeper, staff, leader] = OFFICE

test('screens', async ({ browser, page, guard }) => {
  test.setTimeout(600_000)
  const hub = await startOfficeHub()
  guard.trustOrigin(hub.origin)
  guard.allowConsoleError(/.*/)
  try {
    await signInFromFirstRun(page, hub.origin, keeper)
    await new ShellPage(page).loadExample()
    await waitSynced(page)
    for (const [who, phone] of [[staff, true], [leader, false], [staff, false]] as const) {
      const context = await personContext(browser, phone)
      const p = await context.newPage()
      await signInFromFirstRun(p, hub.origin, who)
      const tag = `${who.role}-${phone ? 'phone' : 'desktop'}`
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') {
          await p.goto(`${hub.origin}/#/settings`)
          await new ShellPage(p).chooseLocale('English')
        }
        for (const route of ['plans', 'log', 'reviews', 'directory', 'settings']) {
          await p.goto(`${hub.origin}/#/${route}`)
          await p.waitForTimeout(1500)
          await p.screenshot({ path: `/tmp/shots/${tag}-${lang}-${route}.png`, fullPage: route === 'settings' })
        }
      }
      if (who === staff && phone) {
        await p.goto(`${hub.origin}/#/log`)
        const log = new LogPage(p)
        await expect(log.item('组织集中学习')).toBeVisible()
        await context.setOffline(true)
        await log.openDetailed('组织集中学习')
        await field(log.entryDialog, 'entry-date').fill('2025-10-20')
        await field(log.entryDialog, 'entry-date').press('Enter')
        await log.saveEntry()
        await expect(p.getByTestId('sharing-banner-offline')).toBeVisible()
        await p.screenshot({ path: `/tmp/shots/banner-offline-en-phone.png` })
        await context.setOffline(false)
        await expect(p.getByTestId('sharing-banner-uploaded')).toBeVisible({ timeout: 60_000 })
        await p.screenshot({ path: `/tmp/shots/banner-uploaded-en-phone.png` })
      }
      await context.close()
    }
  } finally {
    await hub.stop()
  }
})
