import { chromium, type BrowserContext, type LaunchOptions } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import config from '../../../playwright.config'

/**
 * A browser profile on disk, for what the default (in-memory) test context cannot do: close and reopen the
 * browser, or have the quota of an origin overridden (Chromium enforces `Storage.overrideQuotaForOrigin` on disk
 * profiles only).
 */
export interface Profile {
  dir: string
  launch(): Promise<BrowserContext>
  remove(): Promise<void>
}

/** `serviceWorkers: 'block'` for a test about IndexedDB alone (the worker's cache would compete for the quota). */
export async function newProfile(baseURL: string | undefined, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'pace-profile-'))
  const launchOptions: LaunchOptions = config.use?.launchOptions ?? {}
  return {
    dir,
    launch: () => chromium.launchPersistentContext(dir, { ...launchOptions, headless: true, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options }),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
