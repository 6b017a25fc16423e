// Runs inside Chromium (bench/storage.bench.mjs drives it): the real IndexedDB, the real storage code.
import Dexie from 'dexie'
import { CURRENT_VERSION, createDatabase, createStorage, importData, readAll, type EntryRecord } from '@/db'
import { parseBackup, serializeBackup } from '@/io/backup-file'

function entries(count: number): EntryRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${String(i).padStart(7, '0')}`,
    commitmentIds: [`c${i % 500}`],
    date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    note: i % 10 === 0 ? '集中学习宪法和党内法规' : '',
    participants: '',
    place: '',
    evidenceUrl: '',
    type: 'quantity',
    quantity: 1 + (i % 3),
    departmentId: `d${i % 20}`,
    personId: null,
    loggedOn: '2025-03-01',
    updatedAt: '2025-03-01T00:00:00.000Z',
    updatedBy: '王芳',
    deletedAt: null,
  }))
}

let run = 0

/** One run: bulk insert, export to a backup file's text, then restore that file into an empty database. */
async function measure(count: number) {
  const name = `pace-bench-${++run}`
  const storage = createStorage(createDatabase(name))
  const rows = entries(count)
  let t = performance.now()
  await storage.db.entries.bulkAdd(rows)
  const insertMs = performance.now() - t

  t = performance.now()
  const text = serializeBackup(await readAll(storage.db), { appVersion: 'bench', schemaVersion: CURRENT_VERSION, exportedAt: new Date().toISOString(), exportedBy: 'bench' })
  const exportMs = performance.now() - t

  const target = createStorage(createDatabase(`${name}-restore`))
  t = performance.now()
  const parsed = parseBackup(text)
  if (!parsed.ok) throw new Error(parsed.error.code)
  await importData(target.db, parsed.data, 'replace', { actor: 'bench' })
  const restoreMs = performance.now() - t
  const restored = await target.db.entries.count()

  storage.db.close()
  target.db.close()
  await Dexie.delete(name)
  await Dexie.delete(`${name}-restore`)
  return { insertMs, exportMs, restoreMs, restored, fileBytes: text.length }
}

/** The plain path a restore takes: a backup file's text (fetched first, not timed) parsed and imported, replacing. */
async function restoreFrom(url: string) {
  const text = await (await fetch(url)).text()
  const name = `pace-bench-${++run}-plain`
  const target = createStorage(createDatabase(name))
  const t = performance.now()
  const parsed = parseBackup(text)
  if (!parsed.ok) throw new Error(parsed.error.code)
  await importData(target.db, parsed.data, 'replace', { actor: 'bench' })
  const ms = performance.now() - t
  const restored = await target.db.entries.count()
  target.db.close()
  await Dexie.delete(name)
  return { ms, restored }
}

Object.assign(window, { paceBench: { measure, restoreFrom } })
document.title = 'ready'
