import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/e2e/support/chromium.mjs'

/**
 * End-to-end tests in Debian's headless Chromium against the built app (run `vite build` first; `npm run
 * test:e2e` does). Each test gets a new browser context: an empty profile with its own IndexedDB, storage and
 * service workers.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Guards against a hang, not speed checks: on a busy 2-core machine (two workers, each a Chromium) loading the
  // example or drawing the dashboard can take several seconds. Tests wait for conditions, never for time.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['line']] : [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
