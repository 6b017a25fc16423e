import { test, expect } from './support/fixtures'
import { ReviewPage } from './page-models/review-page'
import { chartsDrawn, screenshot } from './support/screenshot'

const screens = [
  { path: '/', name: 'home' },
  { path: '/plans', name: 'plans' },
  { path: 'plan', name: 'plan' },
  { path: 'commitment', name: 'commitment' },
  { path: '/reviews', name: 'reviews' },
  { path: '/log', name: 'log' },
  { path: '/log/batch', name: 'batch' },
  { path: '/directory', name: 'directory' },
  { path: '/settings', name: 'settings' },
]
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
]
const locales = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
]

/**
 * Every screen in both languages at desktop and phone width, with the example plan loaded: nothing wider than
 * the viewport (no sideways scrolling on a phone), navigation visible, and a screenshot in .screenshots/ for
 * people to look at.
 */
for (const viewport of viewports) {
  for (const locale of locales) {
    test(`screens fit a ${viewport.name} in ${locale.code}`, async ({ page, shell }) => {
      test.slow()
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await shell.start('/')
      await screenshot(page, `first-run-${locale.code}-${viewport.name}`)
      await shell.loadExample()
      const planPath = new URL(page.url()).hash.slice(1)
      await page.getByTestId('commitment-row').first().getByRole('link').click()
      await expect(page.getByTestId('burnup-chart')).toBeVisible()
      const commitmentPath = new URL(page.url()).hash.slice(1)
      if (locale.code !== 'zh-CN') await shell.chooseLocale(locale.label)
      for (const screen of screens) {
        await shell.goto(screen.path === 'plan' ? planPath : screen.path === 'commitment' ? commitmentPath : screen.path)
        await expect(shell.nav).toBeInViewport()
        await chartsDrawn(page)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${screen.name} scrolls sideways`).toBeLessThanOrEqual(0)
        await screenshot(page, `${screen.name}-${locale.code}-${viewport.name}`)
      }
      // The commitment dialog at its longest: twelve monthly 形象进度 fields.
      await shell.goto(planPath)
      await page.getByTestId('commitment-row').first().getByTestId('edit-commitment').click()
      const dialog = page.getByTestId('commitment-dialog')
      await dialog.getByTestId('phasing-mode').locator('label').nth(2).click()
      await expect(dialog.locator('.phasing-fields__phase')).toHaveCount(12)
      const dialogOverflow = await dialog.evaluate((el) => {
        const body = el.closest('.el-dialog') ?? el
        return body.scrollWidth - body.clientWidth + Math.max(0, body.getBoundingClientRect().right - window.innerWidth)
      })
      expect(dialogOverflow, 'the commitment dialog is wider than the screen').toBeLessThanOrEqual(0)
      await dialog.locator('.phasing-fields').scrollIntoViewIfNeeded()
      await screenshot(page, `commitment-phasing-${locale.code}-${viewport.name}`, { fullPage: false })
    })
  }
}

const dashboardViewports = [
  { name: '1920', width: 1920, height: 1080 },
  { name: '1366', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
]

/**
 * The dashboard, its big screen and its print layout in both languages at a projector's, a laptop's and a
 * phone's size: no sideways scrolling, and screenshots in .screenshots/ for people to look at.
 */
for (const locale of locales) {
  test(`the dashboard fits every size in ${locale.code}`, async ({ page, shell }) => {
    test.slow()
    await shell.start('/')
    await shell.loadExample()
    if (locale.code !== 'zh-CN') await shell.chooseLocale(locale.label)
    for (const viewport of dashboardViewports) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await shell.goto('/dashboard')
      await expect(page.getByTestId('panel-calendar')).toBeAttached()
      await chartsDrawn(page)
      await expect(page.getByTestId('panel-calendar').locator('canvas').first()).toBeVisible()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `dashboard at ${viewport.name} scrolls sideways`).toBeLessThanOrEqual(0)
      await screenshot(page, `dashboard-${locale.code}-${viewport.name}`)
      await page.getByTestId('big-screen').click()
      await expect(page.getByTestId('big-screen-view')).toBeVisible()
      await page.getByTestId('screen-pause').click()
      // Every page, the last being the 督办 list; none scrolls. How many pages there are is known once the plan's
      // commitments are read (the lists page through them), so the count is read again on every page.
      await expect(page.getByTestId('big-screen-view').locator('main')).toBeVisible()
      const pageNumbers = async () => (await page.getByTestId('screen-page').innerText()).match(/\d+/g)!.map(Number) as [number, number]
      for (let n = 1; n <= (await pageNumbers())[1]; n++) {
        if (n > 1) await page.getByTestId('screen-next').click()
        await expect.poll(async () => (await pageNumbers())[0]).toBe(n)
        await chartsDrawn(page)
        const scroll = await page.evaluate(() => [document.documentElement.scrollWidth - window.innerWidth, document.documentElement.scrollHeight - window.innerHeight])
        if (viewport.name !== 'phone') expect(scroll, `big screen page ${n} at ${viewport.name} scrolls`).toEqual([0, 0])
        else expect(scroll[0], `big screen page ${n} on a phone scrolls sideways`).toBeLessThanOrEqual(0)
        await screenshot(page, `big-screen-${locale.code}-${viewport.name}-${n}`)
      }
      await expect(page.getByTestId('supervision')).toBeVisible()
      await page.getByTestId('screen-exit').click()
    }
    // Print: A4 landscape is 1123 × 794 CSS pixels; no navigation, no buttons.
    await page.setViewportSize({ width: 1123, height: 794 })
    await shell.goto('/dashboard')
    await expect(page.locator('.base-chart[data-drawn]').first()).toBeVisible()
    await page.emulateMedia({ media: 'print' })
    await expect(shell.nav).toBeHidden()
    await expect(page.getByTestId('big-screen')).toBeHidden()
    // Charts out of sight wait for a scroll on screen; printing draws them all, unscrolled.
    await expect(page.locator('.base-chart:not([data-drawn])')).toHaveCount(0)
    await chartsDrawn(page)
    await screenshot(page, `dashboard-print-${locale.code}`)
    await page.emulateMedia({ media: 'screen' })
  })
}

/**
 * A review's page, the comparison of two reviews and the review's print layout (the report as it prints) in both
 * languages at the same three sizes: no sideways scrolling, and screenshots in .screenshots/.
 */
for (const locale of locales) {
  test(`the review and its report fit every size in ${locale.code}`, async ({ page, shell }) => {
    test.slow()
    await shell.start('/')
    await shell.loadExample()
    const reviews = new ReviewPage(page)
    await reviews.start('2025年第二季度')
    const q2 = new URL(page.url()).hash.slice(1)
    await reviews.start('2025年第三季度')
    const q3 = new URL(page.url()).hash.slice(1)
    const id = (path: string) => path.split('?')[0]!.split('/').pop()!
    if (locale.code !== 'zh-CN') await shell.chooseLocale(locale.label)
    for (const viewport of dashboardViewports) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      for (const [name, path] of [
        ['review', q3],
        ['review-compare', `/reviews/compare?from=${id(q2)}&to=${id(q3)}`],
      ] as const) {
        await shell.goto(path)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await chartsDrawn(page)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${name} at ${viewport.name} scrolls sideways`).toBeLessThanOrEqual(0)
        await screenshot(page, `${name}-${locale.code}-${viewport.name}`)
      }
    }
    // The report as printed: A4 portrait is 794 CSS pixels wide.
    await page.setViewportSize({ width: 794, height: 1123 })
    await shell.goto(q3)
    await page.emulateMedia({ media: 'print' })
    await expect(shell.nav).toBeHidden()
    await chartsDrawn(page)
    await screenshot(page, `review-report-${locale.code}`)
    await page.emulateMedia({ media: 'screen' })
  })
}
