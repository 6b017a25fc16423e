import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'

/** Git-ignored folder for screenshots that people look at; tests never compare pixels. */
export const SCREENSHOT_DIR = join(process.cwd(), '.screenshots')

/** The whole page, or only what is in view (`fullPage: false`, for a dialog over the page). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage })
  return path
}

/**
 * Waits until every chart on the page has finished drawing (BaseChart marks itself `data-drawn`) and fonts are in.
 * A chart is drawn when it comes near the screen: each one still waiting is scrolled to, then the page back to its top.
 */
export async function chartsDrawn(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const waiting = () => [...document.querySelectorAll('.base-chart:not([data-drawn])')]
        for (const chart of waiting()) {
          chart.scrollIntoView({ block: 'center' })
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        }
        return waiting().length
      }),
    )
    .toBe(0)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}
