import { test, expect } from './support/fixtures'

test.describe('app shell', () => {
  test('renders in Chinese by default', async ({ shell, page }) => {
    await shell.start('/')
    await expect(shell.header).toContainText('计划成效看板')
    await expect(shell.heading).toHaveText('欢迎使用计划成效看板')
    await expect(shell.navLink('首页')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page).toHaveTitle('计划成效看板')
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /计划成效看板：/)
  })

  test('a new device\u2019s home page does not move under the reader: the first-run card comes with what is below it', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shifted: number }
      w.shifted = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.shifted += entry.value
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('./#/')
    await expect(page.getByText('从这里开始')).toBeVisible()
    await expect(page.getByText('三类使用场景')).toBeVisible()
    // Cumulative layout shift: 0.39 when the first-run card was inserted above the role cards.
    expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.01)
  })

  test('answers robots.txt as one: an intranet app asks not to be indexed', async ({ page }) => {
    const response = await page.request.get('./robots.txt')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^text\/plain/)
    expect(await response.text()).toBe('User-agent: *\nDisallow: /\n')
  })

  test('switches to English, and the choice survives a reload', async ({ shell, page }) => {
    await shell.start('/')
    await shell.chooseLocale('English')
    await expect(shell.heading).toHaveText('Welcome to Pace')
    await expect(shell.navLink('Settings')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await page.reload()
    await expect(shell.heading).toHaveText('Welcome to Pace')
    await shell.chooseLocale('简体中文')
    await expect(shell.heading).toHaveText('欢迎使用计划成效看板')
  })

  test('navigates between screens', async ({ shell, page }) => {
    await shell.start('/')
    await shell.navLink('设置').click()
    await expect(shell.heading).toHaveText('设置')
    await expect(page).toHaveURL(/#\/settings$/)
    await expect(shell.navLink('设置')).toHaveClass(/app-nav__item--active/)
  })

  test('serves a strict Content-Security-Policy that blocks other origins', async ({ shell, page, guard }) => {
    guard.allowConsoleError(/http:\/\/127\.0\.0\.2:9\/probe/)
    await shell.start('/')
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("connect-src 'self'")
    // Another origin on loopback: if the policy failed, the request would at worst reach this machine.
    const blocked = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }),
      )
      const fetched = await fetch('http://127.0.0.2:9/probe').then(
        () => 'reached',
        () => 'refused',
      )
      return { fetched, directive: await violation }
    })
    expect(blocked).toEqual({ fetched: 'refused', directive: 'connect-src' })
  })
})
