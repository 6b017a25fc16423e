// A page of bench/browser/ served by Vite's dev server (the real src/ modules, no build) on 127.0.0.1 and a free
// port, in Debian's Chromium: where the benchmarks that call storage code directly run. The browser profile is on
// disk (a temporary folder), as a user's is: IndexedDB in an incognito profile lives in memory and runs faster than
// any office's. `close()` stops both and removes the profile.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { createServer } from 'vite'
import { findChromium } from '../tests/e2e/support/chromium.mjs'

/** @param {string} file e.g. 'index.html' @param {string[]} include the dependencies to pre-bundle */
export async function openBenchPage(file, include) {
  const server = await createServer({ logLevel: 'error', server: { host: '127.0.0.1', port: 0 }, optimizeDeps: { noDiscovery: true, include } })
  await server.listen()
  const address = server.httpServer?.address()
  const port = address && typeof address === 'object' ? address.port : 0
  const profile = await mkdtemp(join(tmpdir(), 'pace-bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`http://127.0.0.1:${port}/bench/browser/${file}`)
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 })
  return {
    page,
    async close() {
      await context.close()
      await server.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
