// The import screen in the real browser: a plan text of some 100 KB, 300 KB and 1 MB (the 2025 plan of the seeds,
// repeated) pasted and read, as a user would. Prints the time from "识别" to the result drawn and the longest
// main-thread task meanwhile (what decides whether the page stays responsive), medians of several runs. The goal
// (#20) is a 1 MB document readable in a few seconds with the page responsive throughout.
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { openAppBrowser } from './app-browser.mjs'
import { median } from './load-ts.mjs'

export const name = 'Import screen in Chromium (a pasted plan text)'

const SIZES = [100_000, 300_000, 1_000_000]
const RUNS = 3
const plan = readFileSync('tests/fixtures/seeds/000_19038bcaddf8b743.txt', 'utf8')

/** The plan repeated to at least `bytes` of UTF-8. */
function textOf(bytes) {
  const copies = Math.ceil(bytes / Buffer.byteLength(plan))
  return Array.from({ length: copies }, () => plan).join('\n')
}

/** Reads the text once on a fresh import screen: milliseconds to the result, and the longest task meanwhile. */
async function readOnce(page, base, text) {
  await page.goto('about:blank')
  await page.goto(`${base}#/import`)
  const input = page.locator('textarea[data-testid="import-input"], [data-testid="import-input"] textarea').first()
  await input.fill(text)
  await page.evaluate(() => {
    const tasks = []
    new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' })
    Object.assign(window, { __benchTasks: tasks, __benchStart: performance.now() })
  })
  await page.getByTestId('import-read').click()
  const done = await page.waitForFunction(() => document.querySelector('[data-testid="import-found"]')?.textContent?.includes('识别出') && performance.now(), null, { timeout: 600_000, polling: 'raf' })
  const end = await done.jsonValue()
  return page.evaluate((at) => {
    const { __benchTasks: tasks, __benchStart: start } = /** @type {any} */ (window)
    return { ms: at - start, longest: Math.max(0, ...tasks) }
  }, end)
}

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const app = await openAppBrowser()
  const base = app.base
  try {
    const page = await app.newPage()
    await page.goto(`${base}#/settings`)
    const dialog = page.getByTestId('identity-dialog')
    await dialog.getByRole('textbox').first().fill('基准')
    await dialog.getByRole('button').last().click()
    await dialog.waitFor({ state: 'hidden' })
    const medians = new Map()
    for (const size of SIZES) {
      const text = textOf(size)
      await readOnce(page, base, text) // warm-up
      const runs = []
      for (let i = 0; i < RUNS; i++) runs.push(await readOnce(page, base, text))
      const ms = median(runs.map((r) => r.ms))
      medians.set(size, ms)
      const kb = (Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)
      console.log(`${kb} KiB: 识别 → result drawn, median ${ms.toFixed(0).padStart(6)} ms; longest main-thread task median ${median(runs.map((r) => r.longest)).toFixed(0).padStart(5)} ms (runs: ${runs.map((r) => `${r.ms.toFixed(0)}/${r.longest.toFixed(0)}`).join(', ')})`)
    }
    console.log(`ratio 1 MB / 100 KB: ${(medians.get(1_000_000) / medians.get(100_000)).toFixed(2)} (text ×${(Buffer.byteLength(textOf(1_000_000)) / Buffer.byteLength(textOf(100_000))).toFixed(1)}); ${RUNS} runs per size after one warm-up`)
    await page.context().close()
  } finally {
    await app.close()
  }
}
