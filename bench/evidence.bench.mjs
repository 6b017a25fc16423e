// 佐证材料 in the real browser (#17): 500 phone-sized photos (4032 × 3024 JPEG) stored through the app's own path —
// typed by their bytes, drawn again at 1600 px with a 320 px thumbnail, hashed, written with an entry in one batch —
// with the time per photo and the storage they take; the evidence zip of all of them written from IndexedDB; and
// the dashboard's ready time with and without 500 stored files (it reads neither the files nor their rows: goal,
// a ratio at or near 1).
import { execFileSync } from 'node:child_process'
import { openAppBrowser } from './app-browser.mjs'
import { openBenchPage } from './bench-page.mjs'
import { dashboardData } from './dashboard-data.mjs'
import { loadSource, median } from './load-ts.mjs'
import { seed } from './seed-app.mjs'

export const name = 'Evidence in Chromium (500 photos)'

const PHOTOS = 500
const RUNS = 5
const CHARTS = 6
const MiB = 1024 * 1024

async function storeAndZip() {
  const { page, close } = await openBenchPage('evidence.html', ['dexie', 'fflate'])
  try {
    // @ts-expect-error paceBench is set by the bench page
    const r = await page.evaluate((count) => window.paceBench.measure(count), PHOTOS)
    console.log(`store ${PHOTOS} photos: ${(r.storeMs / 1000).toFixed(1)} s, median ${r.perPhotoMedian.toFixed(0)} ms per photo (downscale, thumbnail, hash, one batch each)`)
    console.log(`storage: files and thumbnails ${(r.stored / MiB).toFixed(1)} MiB (${(r.stored / PHOTOS / 1024).toFixed(0)} KiB per photo); the origin's usage grew ${(r.usage / MiB).toFixed(1)} MiB`)
    console.log(`导出佐证材料 zip of ${r.zipFiles} files: ${(r.zipMs / 1000).toFixed(2)} s, ${(r.zipBytes / MiB).toFixed(1)} MiB`)
  } finally {
    await close()
  }
}

/** Milliseconds from navigation start until every chart of the dashboard has drawn. */
async function timeToCharts(page, url) {
  await page.goto('about:blank')
  await page.goto(url)
  const handle = await page.waitForFunction((charts) => document.querySelectorAll('.base-chart[data-drawn]').length >= charts && performance.now(), CHARTS, { timeout: 120_000, polling: 'raf' })
  return handle.jsonValue()
}

/** Adds `count` evidence rows and files of photo size to the app's IndexedDB, on its first entries. */
function addFiles(page, count) {
  return page.evaluate(async (n) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('pace')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const keys = await new Promise((resolve) => {
      const request = db.transaction('entries').objectStore('entries').getAllKeys(null, n)
      request.onsuccess = () => resolve(request.result)
    })
    const tx = db.transaction(['attachments', 'files'], 'readwrite')
    const photo = new Blob([new Uint8Array(300 * 1024).map((_, i) => (i * 31) % 256)], { type: 'image/jpeg' })
    const thumbnail = new Blob([new Uint8Array(20 * 1024)], { type: 'image/jpeg' })
    keys.forEach((entryId, i) => {
      const id = `bench-a${i}`
      tx.objectStore('attachments').put({ id, entryId, name: `IMG_${i}.jpg`, kind: 'image', mime: 'image/jpeg', size: photo.size, sha256: '0'.repeat(64), updatedAt: '2025-10-01T00:00:00.000Z', updatedBy: '基准', deletedAt: null })
      tx.objectStore('files').put({ id, file: photo, thumbnail })
    })
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
    return keys.length
  }, count)
}

/** Removes what `addFiles` added. */
function removeFiles(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('pace')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction(['attachments', 'files'], 'readwrite')
    const range = IDBKeyRange.bound('bench-a', 'bench-a\uffff')
    tx.objectStore('attachments').delete(range)
    tx.objectStore('files').delete(range)
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  })
}

async function dashboardWithFiles() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const { serializeBackup } = await loadSource('src/io/backup-file.ts')
  const app = await openAppBrowser()
  try {
    const page = await app.newPage()
    await seed(page, app.base, serializeBackup(dashboardData(1_000), { appVersion: 'bench', schemaVersion: 3, exportedAt: '2025-10-01T00:00:00.000Z', exportedBy: '基准' }))
    const url = `${app.base}#/dashboard?plan=plan-bench&asOf=2025-09-30`
    const round = async () => {
      await timeToCharts(page, url) // warm-up
      const times = []
      for (let i = 0; i < RUNS; i++) times.push(await timeToCharts(page, url))
      return median(times)
    }
    // Interleaved, so that a machine busy for a while weighs on both: without, with, without again.
    const before = await round()
    const added = await addFiles(page, PHOTOS)
    const withFiles = await round()
    await removeFiles(page)
    const after = await round()
    const without = median([before, after])
    console.log(`dashboard (300 commitments, 1,000 entries) ready: without files median ${before.toFixed(0)} ms, then ${after.toFixed(0)} ms; with ${added} files (${((added * 320) / 1024).toFixed(0)} MiB) median ${withFiles.toFixed(0)} ms; ratio with ÷ without ${(withFiles / without).toFixed(2)} (goal ≤ 1.1: it reads no file); ${RUNS} runs each after a warm-up`)
    await page.context().close()
  } finally {
    await app.close()
  }
}

export async function run() {
  await storeAndZip()
  await dashboardWithFiles()
}
