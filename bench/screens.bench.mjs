// Every screen's cost with a year of entries (#19), in Chromium through the built app: 500 commitments with 1,000
// and with 200,000 entries (PACE_BENCH_SCREENS_ENTRIES for another size), each restored into its own profile
// through the Settings screen, then the time from navigation to the screen fully drawn, sizes interleaved run by
// run, and the JS heap after a full GC on each screen at the big size. Goals: big ÷ 1k ≤ 1.5, heap ≤ 50 MB.
import { execFileSync } from 'node:child_process'
import { openAppBrowser } from './app-browser.mjs'
import { dashboardData } from './dashboard-data.mjs'
import { loadSource, median } from './load-ts.mjs'
import { seed } from './seed-app.mjs'

export const name = 'Every screen in Chromium (500 commitments)'

const COMMITMENTS = 500
const SMALL = 1_000
const BIG = Number(process.env.PACE_BENCH_SCREENS_ENTRIES ?? 200_000)
const RUNS = 3
const SAVES = 7
const AS_OF = 'asOf=2025-09-30'

/** Each screen: where it is, and the condition that says it is fully drawn (then the time it became so). */
const SCREENS = [
  { name: 'plan', path: `#/plans/plan-bench?${AS_OF}`, ready: () => (document.querySelectorAll('[data-testid="commitment-row"]').length >= 500) && performance.now() },
  { name: 'log', path: '#/log', ready: () => (document.querySelectorAll('[data-testid="quick-log-item"]').length > 0 && document.querySelector('[data-testid="entry-list"], .log-view .el-empty') !== null) && performance.now() },
  { name: 'commitment', path: `#/commitments/c000?${AS_OF}`, ready: () => (document.querySelector('.base-chart[data-drawn]') !== null && document.querySelectorAll('[data-testid="entry-item"]').length > 0) && performance.now() },
  { name: 'batch entry', path: '#/log/batch', ready: () => (document.querySelectorAll('[data-testid="batch-row"]').length > 0) && performance.now() },
  { name: 'dashboard', path: `#/dashboard?plan=plan-bench&${AS_OF}`, ready: () => (document.querySelectorAll('.base-chart[data-drawn]').length >= 6) && performance.now() },
  // Its first page of the rotation is the headline (the charts come on the pages after).
  { name: 'big screen', path: `#/dashboard/screen?plan=plan-bench&${AS_OF}`, ready: () => ((document.querySelector('[data-testid="big-screen-view"] .screen__headline')?.textContent ?? '').trim() !== '') && performance.now() },
  { name: 'review', path: '#/reviews/r-q3', ready: () => ((document.querySelector('[data-testid="review-summary"]')?.textContent ?? '') !== '' && (document.querySelector('[data-testid="review-commitments"]')?.children.length ?? 0) > 0) && performance.now() },
  { name: 'compare', path: '#/reviews/compare?from=r-q2&to=r-q3', ready: () => (document.querySelectorAll('[data-testid="compare-table"] tbody tr').length > 0) && performance.now() },
]

/** Milliseconds from navigation start until the screen is drawn. */
async function timeTo(page, base, screen) {
  await page.goto('about:blank')
  await page.goto(`${base}${screen.path}`)
  const handle = await page.waitForFunction(screen.ready, undefined, { timeout: 600_000, polling: 'raf' })
  return handle.jsonValue()
}

async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const { serializeBackup } = await loadSource('src/io/backup-file.ts')
  const { CURRENT_VERSION } = await loadSource('src/db/migrations/index.ts')
  const app = await openAppBrowser()
  try {
    const pages = new Map()
    for (const size of [SMALL, BIG]) {
      const window = { start: '2025-01-01', end: `${new Date().getFullYear()}-12-31` }
      const text = serializeBackup(dashboardData(size, COMMITMENTS, window), { appVersion: 'bench', schemaVersion: CURRENT_VERSION, exportedAt: '2025-10-01T00:00:00.000Z', exportedBy: '基准' })
      const page = await app.newPage()
      const started = performance.now()
      await seed(page, app.base, text)
      console.log(`seeded ${size.toLocaleString('en')} entries through Settings → restore (merge) in ${((performance.now() - started) / 1000).toFixed(0)} s`)
      pages.set(size, page)
    }
    for (const screen of SCREENS) {
      const times = new Map([[SMALL, []], [BIG, []]])
      for (const size of [SMALL, BIG]) await timeTo(pages.get(size), app.base, screen) // warm-up
      for (let i = 0; i < RUNS; i++) for (const size of [SMALL, BIG]) times.get(size).push(await timeTo(pages.get(size), app.base, screen))
      const heap = await heapAfterGc(pages.get(BIG))
      const [small, big] = [median(times.get(SMALL)), median(times.get(BIG))]
      const ratio = big / small
      console.log(
        `${screen.name.padEnd(12)} ${SMALL.toLocaleString('en')}: ${small.toFixed(0).padStart(6)} ms   ${BIG.toLocaleString('en')}: ${big.toFixed(0).padStart(6)} ms   ` +
          `ratio ${ratio.toFixed(2)} (goal ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})   heap after GC ${(heap / 1e6).toFixed(1)} MB (goal ≤ 50: ${heap <= 50e6 ? 'met' : 'NOT met'})`,
      )
    }
    console.log(`medians of ${RUNS} runs per size after one warm-up, sizes interleaved`)

    // "+1" on the log screen to that commitment's figure changing on screen (one entry written, its day's total
    // updated, the item redrawn): timed in the page, from the click to the next frame after the text changed.
    const plusOne = new Map([[SMALL, []], [BIG, []]])
    const log = SCREENS.find((screen) => screen.name === 'log')
    for (const size of [SMALL, BIG]) await timeTo(pages.get(size), app.base, log)
    for (let i = 0; i < SAVES; i++) {
      for (const size of [SMALL, BIG]) {
        const ms = await pages.get(size).evaluate(
          () =>
            new Promise((resolve) => {
              const selector = '[data-testid="quick-log-item"]:has([data-testid="quick-add"]) .quick-log__progress'
              const before = document.querySelector(selector)?.textContent
              const observer = new MutationObserver(() => {
                if (document.querySelector(selector)?.textContent === before) return
                observer.disconnect()
                requestAnimationFrame(() => resolve(performance.now() - started))
              })
              observer.observe(document.querySelector('[data-testid="quick-log"]'), { subtree: true, characterData: true, childList: true })
              const started = performance.now()
              document.querySelector('[data-testid="quick-log-item"]:has([data-testid="quick-add"]) [data-testid="quick-add"]').click()
            }),
        )
        plusOne.get(size).push(ms)
        // A pause between saves, so that one save's trailing work (the undo notice) is not timed as the next's.
        await pages.get(size).waitForTimeout(300)
      }
    }
    const [plusSmall, plusBig] = [median(plusOne.get(SMALL)), median(plusOne.get(BIG))]
    console.log(`"+1" → figure updated: ${SMALL.toLocaleString('en')}: median ${plusSmall.toFixed(0)} ms   ${BIG.toLocaleString('en')}: median ${plusBig.toFixed(0)} ms (goal ≤ 100 ms at 200k: ${plusBig <= 100 ? 'met' : 'NOT met'}; ${SAVES} saves each)`)
  } finally {
    await app.close()
  }
}
