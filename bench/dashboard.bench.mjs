// The dashboard in the real browser: 300 commitments with 1,000, 10,000 and 100,000 entries, restored from a
// backup file through the app's own import, then the time from navigation to every chart drawn (medians). The
// goal is a cost that grows with commitments, not entries: the 100k/1k ratio should stay at or below 1.5. Also
// prints the JavaScript the dashboard route loads (gzip), goal ≤ 350 KB.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { openAppBrowser } from './app-browser.mjs'
import { dashboardData } from './dashboard-data.mjs'
import { loadSource, median } from './load-ts.mjs'
import { seed } from './seed-app.mjs'

export const name = 'Dashboard in Chromium (300 commitments)'

const SIZES = [1_000, 10_000, 100_000]
const RUNS = 5
const CHARTS = 6

/**
 * The JavaScript files the dashboard route loads: the entry, the view and everything they import statically
 * (`first`), then what its charts load once the screen has set them up — ECharts, its themes and the
 * dashboard's series (`charts`, the files not already in `first`).
 */
function routeChunks(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
  const closure = (keys, files = new Set()) => {
    const visit = (key) => {
      const chunk = manifest[key]
      if (!chunk || files.has(chunk.file)) return
      files.add(chunk.file)
      for (const next of chunk.imports ?? []) visit(next)
    }
    keys.forEach(visit)
    return files
  }
  const first = closure(['index.html', 'src/views/DashboardView.vue'])
  const chartKeys = Object.entries(manifest)
    .filter(([, chunk]) => first.has(chunk.file))
    .flatMap(([, chunk]) => chunk.dynamicImports ?? [])
    .filter((key) => /vue-echarts|src\/charts\/(echarts|dashboard-parts)\.ts/.test(key))
  const charts = [...closure(chartKeys)].filter((file) => !first.has(file))
  const js = (files) => [...files].filter((file) => file.endsWith('.js'))
  return { first: js(first), charts: js(charts) }
}

/** Milliseconds from navigation start until every chart of the dashboard has drawn. */
async function timeToCharts(page, url) {
  await page.goto('about:blank')
  await page.goto(url)
  const handle = await page.waitForFunction((charts) => document.querySelectorAll('.base-chart[data-drawn]').length >= charts && performance.now(), CHARTS, { timeout: 120_000, polling: 'raf' })
  return handle.jsonValue()
}

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--manifest'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const dist = join(process.cwd(), 'dist')
  const { first, charts } = routeChunks(dist)
  const gzip = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0)
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB (${(bytes / 1000).toFixed(1)} kB)`
  const [before, chartCode] = [gzip(first), gzip(charts)]
  console.log(`dashboard route JavaScript before its first chart: ${kib(before)} gzip in ${first.length} files, shell included (goal ≤ 350 KB: ${before <= 350_000 ? 'met' : 'NOT met'}; Excel and Word load only when used)`)
  console.log(`  + the chart code, loaded once the screen has drawn its charts' places: ${kib(chartCode)} in ${charts.length} files; all: ${kib(before + chartCode)} (${before + chartCode <= 350_000 ? 'within' : 'over'} 350 KB)`)

  const { serializeBackup } = await loadSource('src/io/backup-file.ts')
  const { CURRENT_VERSION } = await loadSource('src/db/migrations/index.ts')
  const app = await openAppBrowser()
  const base = app.base
  const medians = new Map()
  try {
    for (const size of SIZES) {
      const text = serializeBackup(dashboardData(size), { appVersion: 'bench', schemaVersion: CURRENT_VERSION, exportedAt: '2025-10-01T00:00:00.000Z', exportedBy: '基准' })
      const page = await app.newPage()
      await seed(page, base, text)
      const url = `${base}#/dashboard?plan=plan-bench&asOf=2025-09-30`
      await timeToCharts(page, url) // warm-up: the first run also fills the browser's caches
      const times = []
      for (let i = 0; i < RUNS; i++) times.push(await timeToCharts(page, url))
      medians.set(size, median(times))
      console.log(`${size.toLocaleString('en').padStart(8)} entries: navigation → ${CHARTS} charts drawn, median ${median(times).toFixed(0).padStart(5)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`)
      await page.context().close()
    }
    const ratio = medians.get(100_000) / medians.get(1_000)
    console.log(`ratio 100k/1k: ${ratio.toFixed(2)} (goal ≤ 1.5); ${RUNS} runs per size after one warm-up`)
  } finally {
    await app.close()
  }
}
