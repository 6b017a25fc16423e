import { test, expect } from './support/fixtures'
import { screenshot } from './support/screenshot'

const screens = [
  { path: '/', name: 'home' },
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
 * Every screen in both languages at desktop and phone width: nothing wider than the viewport (no sideways
 * scrolling on a phone), navigation visible, and a screenshot in .screenshots/ for people to look at.
 */
for (const viewport of viewports) {
  for (const locale of locales) {
    test(`screens fit a ${viewport.name} in ${locale.code}`, async ({ page, shell }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await shell.start('/')
      if (locale.code !== 'zh-CN') await shell.chooseLocale(locale.label)
      for (const screen of screens) {
        await shell.goto(screen.path)
        await expect(shell.nav).toBeInViewport()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${screen.name} scrolls sideways`).toBeLessThanOrEqual(0)
        await screenshot(page, `${screen.name}-${locale.code}-${viewport.name}`)
      }
    })
  }
}
