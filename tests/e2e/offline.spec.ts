import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { LogPage } from './page-models/log-page'
import { field } from './page-models/plan-page'
import { startAppServer } from './support/server'
import { chartsDrawn } from './support/screenshot'

test('reloads and works with the server stopped (service worker)', async ({ page, guard }) => {
  const server = await startAppServer()
  guard.trustOrigin(server.url)
  const shell = new ShellPage(page)
  try {
    await page.goto(`${server.url}/#/settings`)
    await shell.identify('王芳', '办公室')
    await expect(page.getByTestId('offline-status')).toHaveAttribute('data-status', 'ready')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  } finally {
    await server.close()
  }
  await expect(fetch(server.url), 'the server is really gone').rejects.toThrow()

  await page.reload()
  await expect(shell.heading).toHaveText('设置')
  await shell.navLink('首页').click()
  await expect(shell.heading).toHaveText('欢迎使用计划成效看板')
  await shell.chooseLocale('English')
  await expect(shell.heading).toHaveText('Welcome to Pace')
})

test('offline, screens never opened before still open, and an entry logged offline is there after another reload', async ({ page, guard }) => {
  test.slow()
  const server = await startAppServer()
  guard.trustOrigin(server.url)
  const shell = new ShellPage(page)
  const log = new LogPage(page)
  let planUrl: string
  try {
    await page.goto(`${server.url}/#/`)
    await shell.identify('王芳', '办公室')
    await shell.loadExample()
    planUrl = page.url()
    await shell.navLink('设置').click()
    await expect(page.getByTestId('offline-status')).toHaveAttribute('data-status', 'ready')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  } finally {
    await server.close()
  }
  await expect(fetch(server.url), 'the server is really gone').rejects.toThrow()

  // Reloaded on the plan, then to screens (and their code) this tab never loaded while online.
  await page.goto(planUrl)
  await page.reload()
  await expect(page.getByTestId('plan-outline')).toBeVisible()
  const screens = [
    ['看板', page.getByTestId('headline')],
    ['调度会', page.getByTestId('review-new')],
    ['部门人员', page.getByRole('heading', { level: 1, name: '部门和人员' })],
    ['登记', log.items.first()],
  ] as const
  for (const [link, content] of screens) {
    await shell.navLink(link).click()
    await expect(content, link).toBeVisible()
    await chartsDrawn(page)
  }

  await log.openDetailed('修订完善制度')
  await field(log.entryDialog, 'entry-note').fill('断网时登记的修订工作')
  await log.saveEntry()
  await page.reload()
  await expect(log.recent).toContainText('断网时登记的修订工作')
})
