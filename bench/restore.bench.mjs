// Restoring and merging a big backup through the Settings screen, as a user does, against the plain path the
// restore takes (parse and import in a page of its own), in Chromium (#19): 100,000 entries at 500 commitments
// (PACE_BENCH_RESTORE_ENTRIES for another size, 1,000,000 among them). Goal: the screen within 2× of the plain path.
// Prints read-and-preview and apply times and the JS heap after GC once the screen has restored.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAppBrowser } from './app-browser.mjs'
import { openBenchPage } from './bench-page.mjs'
import { dashboardData } from './dashboard-data.mjs'
import { loadSource } from './load-ts.mjs'

export const name = 'Restore and merge through Settings (Chromium)'

const COUNT = Number(process.env.PACE_BENCH_RESTORE_ENTRIES ?? 100_000)
const s = (ms) => `${(ms / 1000).toFixed(1)} s`

/** One restore through Settings on a new profile: the file chosen, its preview shown, then merge or replace. */
async function throughScreen(app, file, mode) {
  const page = await app.newPage()
  await page.goto(`${app.base}#/settings`)
  const dialog = page.getByTestId('identity-dialog')
  await dialog.getByRole('textbox').first().fill('基准')
  await dialog.getByRole('textbox').nth(1).fill('办公室')
  await dialog.getByRole('button').last().click()
  await dialog.waitFor({ state: 'hidden' })
  const preview = page.getByTestId('import-preview')
  let t = performance.now()
  await page.getByTestId('backup-file').setInputFiles(file, { timeout: 0 })
  await preview.waitFor({ timeout: 1_800_000 })
  const previewMs = performance.now() - t
  t = performance.now()
  if (mode === 'merge') await preview.getByRole('button', { name: '合并导入' }).click()
  else {
    await preview.getByRole('button', { name: '覆盖恢复' }).click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
  }
  await preview.waitFor({ state: 'hidden', timeout: 3_600_000 })
  const applyMs = performance.now() - t
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await page.context().close()
  return { previewMs, applyMs, heap: usedSize }
}

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const { serializeBackup } = await loadSource('src/io/backup-file.ts')
  const { CURRENT_VERSION } = await loadSource('src/db/migrations/index.ts')
  const text = serializeBackup(dashboardData(COUNT, 500), { appVersion: 'bench', schemaVersion: CURRENT_VERSION, exportedAt: '2025-10-01T00:00:00.000Z', exportedBy: '基准' })
  const dir = await mkdtemp(join(tmpdir(), 'pace-restore-'))
  const file = join(dir, 'pace-backup.json')
  await writeFile(file, text)
  console.log(`backup file: ${COUNT.toLocaleString('en')} entries, ${(text.length / 1024 / 1024).toFixed(1)} MiB`)
  try {
    const bench = await openBenchPage('index.html', ['dexie'])
    let plain
    try {
      await bench.page.route('**/bench-backup.json', (route) => route.fulfill({ body: text, contentType: 'application/json' }))
      plain = await bench.page.evaluate(() => window.paceBench.restoreFrom('/bench-backup.json'))
    } finally {
      await bench.close()
    }
    console.log(`plain path (parse + import, replacing): ${s(plain.ms)}, ${plain.restored.toLocaleString('en')} entries`)
    const app = await openAppBrowser()
    try {
      for (const mode of ['merge', 'replace']) {
        const r = await throughScreen(app, file, mode)
        const total = r.previewMs + r.applyMs
        const ratio = total / plain.ms
        console.log(
          `through Settings, ${mode.padEnd(7)}: read and preview ${s(r.previewMs)}, apply ${s(r.applyMs)}, total ${s(total)}; ` +
            `÷ plain ${ratio.toFixed(2)} (goal ≤ 2: ${ratio <= 2 ? 'met' : 'NOT met'}); JS heap after GC ${(r.heap / 1e6).toFixed(1)} MB`,
        )
      }
    } finally {
      await app.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
