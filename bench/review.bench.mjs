// A review meeting of a big plan in the real browser: 300 commitments and 10,000 entries restored from a backup
// file through the app's own import, with an unfrozen third-quarter review; then the time from navigation until
// every commitment's card (figures and three note fields) and both charts are on the page (medians).
import { execFileSync } from 'node:child_process'
import { openAppBrowser } from './app-browser.mjs'
import { dashboardData } from './dashboard-data.mjs'
import { loadSource, median } from './load-ts.mjs'
import { seed } from './seed-app.mjs'

export const name = 'Review page in Chromium (300 commitments, 10,000 entries)'

const RUNS = 5
const COMMITMENTS = 300

/** Milliseconds from navigation start until every card and chart of the review is on the page. */
async function timeToCards(page, url) {
  await page.goto('about:blank')
  await page.goto(url)
  const handle = await page.waitForFunction(
    (cards) => document.querySelectorAll('[data-testid^="review-commitment-"]').length >= cards && document.querySelectorAll('.base-chart[data-drawn]').length >= 2 && performance.now(),
    COMMITMENTS,
    { timeout: 120_000, polling: 'raf' },
  )
  return handle.jsonValue()
}

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const { serializeBackup } = await loadSource('src/io/backup-file.ts')
  const { CURRENT_VERSION } = await loadSource('src/db/migrations/index.ts')
  const data = dashboardData(10_000)
  const review = {
    id: 'review-bench',
    planId: 'plan-bench',
    title: '2025年第三季度工作调度会',
    period: { unit: 'quarter', year: 2025, index: 3 },
    periodEnd: '2025-09-30',
    meetingDate: '2025-10-10',
    attendees: '',
    decisions: '',
    notes: [],
    snapshot: null,
    updatedAt: '2025-10-01T00:00:00.000Z',
    updatedBy: '基准',
    deletedAt: null,
  }
  const text = serializeBackup({ ...data, reviews: [review] }, { appVersion: 'bench', schemaVersion: CURRENT_VERSION, exportedAt: '2025-10-01T00:00:00.000Z', exportedBy: '基准' })
  const app = await openAppBrowser()
  const base = app.base
  try {
    const page = await app.newPage()
    await seed(page, base, text)
    const url = `${base}#/reviews/review-bench`
    await timeToCards(page, url) // warm-up
    const times = []
    for (let i = 0; i < RUNS; i++) times.push(await timeToCards(page, url))
    console.log(`navigation → ${COMMITMENTS} commitment cards and 2 charts, median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`)
    await page.context().close()
  } finally {
    await app.close()
  }
}
