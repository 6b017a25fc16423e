// Storage in the real browser, on an on-disk profile: 100,000 entries stored through the app's write path (1,000 per
// write: validated, audited, day totals updated), exported to a backup file and that file restored into an empty
// database, in Debian's Chromium through Playwright. Prints medians and entries/s.
import { openBenchPage } from './bench-page.mjs'
import { median } from './load-ts.mjs'

export const name = 'Storage in Chromium (100,000 entries)'

const COUNT = 100_000
const RUNS = 5

export async function run() {
  const { page, close } = await openBenchPage('index.html', ['dexie'])
  try {
    const results = []
    for (let i = 0; i < RUNS; i++) {
      // @ts-expect-error paceBench is set by the bench page
      results.push(await page.evaluate((count) => window.paceBench.measure(count), COUNT))
    }
    const line = (label, key) => {
      const ms = median(results.map((r) => r[key]))
      console.log(`${label.padEnd(28)} median ${ms.toFixed(0).padStart(6)} ms  ${Math.round(COUNT / (ms / 1000)).toLocaleString('en').padStart(9)} entries/s`)
    }
    line('insert (app write path)', 'insertMs')
    line('export (read + file text)', 'exportMs')
    line('restore (parse + replace)', 'restoreMs')
    console.log(`backup file: ${(results[0].fileBytes / 1024 / 1024).toFixed(1)} MiB; restored ${results[0].restored} entries; ${RUNS} runs`)
  } finally {
    await close()
  }
}
