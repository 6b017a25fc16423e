// Sharing a dataset (#16), in Debian's Chromium through the built app and the dev hub (scripts/hub.mjs, data on
// disk), each figure through the app's real paths: a new device's first pull of 100,000 entries (sign in on the
// first-run dialog until it closes); the outbox drained when a device holding them signs in to an empty dataset;
// and the time from a save on one device ("+1" on the log screen of a phone) to the figure changing on another's
// open dashboard. Prints medians, rates and the memory of the device that pulled.
import { spawn, execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { findChromium } from '../tests/e2e/support/chromium.mjs'
import { setUpSharing } from '../scripts/sharing/setup.mjs'
import { dashboardData } from './dashboard-data.mjs'
import { median } from './load-ts.mjs'

export const name = 'Sharing through the dev hub (Chromium, data on disk)'

const BIG = Number(process.env.PACE_BENCH_ENTRIES ?? 100_000)
const SMALL = 1_000
const SAVES = 7
const ADMIN = { name: 'admin', password: 'bench-admin-pass' }
const OFFICE = [
  { name: '王芳', department: '部门1', role: 'keeper', password: 'keeper-pass-1' },
  { name: '张三', department: '部门1', role: 'staff', password: 'staff-pass-1' },
  { name: '李局长', department: '部门2', role: 'leader', password: 'leader-pass-1' },
]
const [keeper, staff, leader] = OFFICE

/** @param {string} data @returns {Promise<{ origin: string, api: string, admin: typeof ADMIN, stop(): Promise<void> }>} */
async function startHub(data) {
  const child = spawn(process.execPath, ['scripts/hub.mjs', '--data', data, '--port', '0', '--admin', `${ADMIN.name}:${ADMIN.password}`, '--dist', 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = once(child, 'exit')
  const origin = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk
      const match = /hub listening on (http:\/\/\S+?)\/ /.exec(out)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}): ${out}`)))
  })
  return {
    origin,
    api: `${origin}/db`,
    admin: ADMIN,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(/** @type {number} */ (child.pid), 'SIGTERM')
      await exited
    },
  }
}

const auth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`

/** Puts a plan's rows into a database of the hub as documents (as the app's bridge writes them), as the admin. */
async function fill(hub, db, entryCount, window = undefined) {
  const data = dashboardData(entryCount)
  if (window) data.plans = data.plans.map((plan) => ({ ...plan, window }))
  const docs = Object.entries(data).flatMap(([table, rows]) =>
    rows.map((row) => ({ ...row, _id: `${table}:${row.id}`, table, ...(table === 'entries' ? { owner: staff.name } : {}) })),
  )
  for (let i = 0; i < docs.length; i += 5000) {
    const response = await fetch(`${hub.api}/${db}/_bulk_docs`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ docs: docs.slice(i, i + 5000) }) })
    if (response.status !== 201) throw new Error(`fill ${db}: ${response.status} ${await response.text()}`)
  }
  return docs.length
}

async function hubRows(hub, db) {
  const response = await fetch(`${hub.api}/${db}`, { headers: { authorization: auth } })
  return /** @type {{ doc_count: number }} */ (await response.json()).doc_count - 1 // less the design document
}

/** Signs in from the first-run dialog of a new device; resolves when the first pull is done (the dialog closes). */
async function signInFirstRun(page, origin, member, database) {
  await page.goto(`${origin}/#/`)
  const dialog = page.getByTestId('identity-dialog')
  await dialog.getByTestId('identity-use-account').click()
  await dialog.getByTestId('sharing-database').fill(database)
  await dialog.getByTestId('sharing-name').fill(member.name)
  await dialog.getByTestId('sharing-password').fill(member.password)
  await dialog.getByTestId('sharing-sign-in-button').click()
  await dialog.waitFor({ state: 'hidden', timeout: 1_800_000 })
}

async function synced(page, timeout) {
  await page.getByTestId('sharing-status').and(page.locator('[data-state="synced"]')).waitFor({ timeout })
}

/** JS heap after a full GC, and what this origin stores in IndexedDB (the store and the replica). */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const estimate = await page.evaluate(async () => {
    const e = /** @type {StorageEstimate & { usageDetails?: { indexedDB?: number } }} */ (await navigator.storage.estimate())
    return e.usageDetails?.indexedDB ?? e.usage ?? 0
  })
  return { heap: usedSize, indexedDB: estimate }
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const rate = (rows, ms) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`

export async function run() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const data = await mkdtemp(join(tmpdir(), 'pace-bench-hub-'))
  const hub = await startHub(data)
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  const device = (phone = false) =>
    browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
      ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 768 } }),
    })
  try {
    for (const db of ['pace', 'pace-empty', 'pace-small']) await setUpSharing(hub, db, OFFICE)
    let started = performance.now()
    const rows = await fill(hub, 'pace', BIG)
    // The small plan runs to the end of this year, so that "+1" (which logs today) counts in it.
    await fill(hub, 'pace-small', SMALL, { start: '2025-01-01', end: `${new Date().getFullYear()}-12-31` })
    console.log(`hub filled: ${rows.toLocaleString('en')} rows (${BIG.toLocaleString('en')} entries) in ${((performance.now() - started) / 1000).toFixed(0)} s`)

    // A new device pulls the dataset.
    const laptop = await (await device()).newPage()
    started = performance.now()
    const signedIn = signInFirstRun(laptop, hub.origin, keeper, 'pace')
    // The progress bar shows while the replica fills from the hub; then the store fills from the replica.
    await laptop.getByTestId('sharing-progress').waitFor({ timeout: 600_000 })
    await laptop.getByTestId('sharing-progress').waitFor({ state: 'hidden', timeout: 1_800_000 })
    const replicaMs = performance.now() - started
    await signedIn
    const pullMs = performance.now() - started
    await laptop.goto(`${hub.origin}/#/settings`)
    await synced(laptop, 600_000)
    const pulled = await memory(laptop)
    console.log(`first pull, ${BIG.toLocaleString('en')} entries: ${(pullMs / 1000).toFixed(1)} s (${rate(rows, pullMs)}): sign-in and hub → replica ${(replicaMs / 1000).toFixed(1)} s, replica → store ${((pullMs - replicaMs) / 1000).toFixed(1)} s`)
    console.log(`after it: JS heap ${mib(pulled.heap)} (after GC), IndexedDB ${mib(pulled.indexedDB)} (store and replica)`)

    // The same device, holding them, signs in to an empty dataset: its outbox (every row) drains to the hub.
    await laptop.getByTestId('sharing-sign-out').click()
    await laptop.getByTestId('sharing-database').fill('pace-empty')
    await laptop.getByTestId('sharing-name').fill(keeper.name)
    await laptop.getByTestId('sharing-password').fill(keeper.password)
    started = performance.now()
    await laptop.getByTestId('sharing-sign-in-button').click()
    await synced(laptop, 1_800_000)
    const drainMs = performance.now() - started
    const arrived = await hubRows(hub, 'pace-empty')
    console.log(`outbox drained: ${arrived.toLocaleString('en')} rows at the hub in ${(drainMs / 1000).toFixed(1)} s (${rate(arrived, drainMs)}); JS heap after ${mib((await memory(laptop)).heap)}`)
    await laptop.context().close()

    // A save on a phone to the figure on a leader's open dashboard (the small dataset: the screens' own cost at
    // 100,000 entries is issue 19's).
    const phone = await (await device(true)).newPage()
    await signInFirstRun(phone, hub.origin, staff, 'pace-small')
    const board = await (await device()).newPage()
    await signInFirstRun(board, hub.origin, leader, 'pace-small')
    await phone.goto(`${hub.origin}/#/log`)
    await phone.getByTestId('log-scope').getByText('全部').click()
    const first = /^目标任务1(?!\d)/
    const item = phone.getByTestId('quick-log-item').filter({ has: phone.locator('.quick-log__title', { hasText: first }) })
    await item.waitFor()
    await board.goto(`${hub.origin}/#/dashboard`)
    await board.getByTestId('panel-progress').getByTestId('panel-table').click()
    const row = board.getByTestId('panel-progress').locator('tbody tr').filter({ hasText: /目标任务1(?!\d)/ })
    await row.waitFor({ timeout: 120_000 })
    const latencies = []
    for (let i = 0; i < SAVES; i++) {
      const t0 = performance.now()
      await item.getByTestId('quick-add').click()
      await board.waitForFunction(
        (text) => {
          const tr = [...document.querySelectorAll('[data-testid="panel-progress"] tbody tr')].find((r) => /目标任务1(?!\d)/.test(r.textContent ?? ''))
          return tr !== undefined && tr.textContent !== text
        },
        await row.textContent(),
        { timeout: 120_000, polling: 50 },
      )
      latencies.push(performance.now() - t0)
    }
    console.log(`save on a phone → figure on another device's dashboard: median ${median(latencies).toFixed(0)} ms (${SAVES} saves; ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms)`)
  } finally {
    await browser.close()
    await hub.stop()
    await rm(data, { recursive: true, force: true })
  }
}
