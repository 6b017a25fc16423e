// The built app served by `vite preview` on 127.0.0.1 and a free port, and Debian's Chromium to drive it: what the
// benchmarks in the browser share. `newPage()` opens a fresh profile (its own IndexedDB) at a desktop width, in
// Chinese and China time, with service workers off so every navigation measures the app, not a cache. The window is
// tall enough to show every chart of the dashboard at once: a chart is drawn when it comes near the screen, and
// "every chart drawn" measures the same work as before charts waited to be scrolled to.
import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { findChromium } from '../tests/e2e/support/chromium.mjs'

export async function openAppBrowser() {
  const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
  const address = server.httpServer.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  return {
    base,
    async newPage() {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 3200 }, serviceWorkers: 'block' })
      return context.newPage()
    },
    async close() {
      await browser.close()
      await new Promise((resolve) => server.httpServer.close(resolve))
    },
  }
}
