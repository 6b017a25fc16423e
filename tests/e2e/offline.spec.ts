import { test, expect } from './support/fixtures'
import { ShellPage } from './page-models/shell-page'
import { startAppServer } from './support/server'

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
