import { test as base, expect, type Page } from '@playwright/test'
import { ShellPage } from '../page-models/shell-page'

/** What the guard watches in every test; tests may add an origin they serve the app from themselves. */
export interface Guard {
  trustOrigin(url: string): void
  /** For a test that provokes an error on purpose; any other error still fails it. */
  allowConsoleError(pattern: RegExp): void
}

function isLocalScheme(url: string) {
  return url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')
}

export const test = base.extend<{ guard: Guard; shell: ShellPage }>({
  baseURL: async ({}, use) => {
    const url = process.env.PACE_BASE_URL
    if (!url) throw new Error('PACE_BASE_URL is not set: run the e2e tests through playwright.config.ts')
    await use(url)
  },

  /**
   * Fails the test if any page logged an error or threw, or if anything (page or service worker) requested a
   * URL outside the app's own origin.
   */
  guard: [
    async ({ context, baseURL }, use) => {
      const origins = new Set([new URL(baseURL ?? '').origin])
      const errors: string[] = []
      const outside: string[] = []
      // The browser's own fetch of the tab's icon, failing because the test took the network or the server away
      // (setOffline, a hub killed) while it was on its way: the browser's, not the page's.
      const allowed: RegExp[] = [/^Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED) \(http:\/\/[^)]*\/favicon\.svg\)$/]
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`)
        })
        page.on('pageerror', (error) => errors.push(error.stack ?? String(error)))
      }
      context.pages().forEach(watch)
      context.on('page', watch)
      context.on('request', (request) => {
        const url = request.url()
        if (!isLocalScheme(url) && !origins.has(new URL(url).origin)) outside.push(url)
      })
      await use({
        trustOrigin: (url) => origins.add(new URL(url).origin),
        allowConsoleError: (pattern) => allowed.push(pattern),
      })
      expect(outside, 'requests outside the page origin').toEqual([])
      expect(errors.filter((error) => !allowed.some((pattern) => pattern.test(error))), 'console errors').toEqual([])
    },
    { auto: true },
  ],

  shell: async ({ page }, use) => {
    await use(new ShellPage(page))
  },
})

export { expect }
