import { chromium, type BrowserContext } from '@playwright/test'
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

export async function newProfile(baseURL: string | undefined): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'pace-profile-'))
  return {
    dir,
    launch: () => chromium.launchPersistentContext(dir, { ...config.use?.launchOptions, headless: true, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
