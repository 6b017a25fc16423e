// Runs inside Chromium (bench/storage.bench.mjs drives it): the real IndexedDB on an on-disk profile, the real
// storage code. Entries are stored as the app stores them: through `storage.write` (validated, audited, the day
// totals updated), a batch of 1,000 per write as a large batch entry would.
import Dexie from 'dexie'
import { CURRENT_VERSION, createDatabase, createStorage, importData, readAll, type EntryRecord, type PaceStorage, type RowWrite } from '@/db'
import { parseBackup, serializeBackup } from '@/io/backup-file'
import type { Commitment } from '@/domain'

const BATCH = 1_000
const WRITER = { actor: '基准' }

/** The plan the entries count towards: 500 commitments, 20 departments. */
async function plan(storage: PaceStorage) {
  const commitments = Array.from({ length: 500 }, (_, i): Commitment => ({ id: `c${i}`, planId: 'plan', sectionId: null, title: `任务${i + 1}`, target: { kind: 'count', value: 100, direction: 'at_least', unit: '次' }, leadDepartmentId: `d${i % 20}`, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: i }))
  await storage.write(
    {
      writes: [
        { table: 'plans', row: { id: 'plan', name: '2025年工作谋划', organisation: '基准', window: { start: '2025-01-01', end: '2025-12-31' } } },
        ...Array.from({ length: 20 }, (_, i): RowWrite => ({ table: 'departments', row: { id: `d${i}`, name: `科室${i + 1}` } })),
        ...commitments.map((row): RowWrite => ({ table: 'commitments', row })),
      ],
    },
    WRITER,
  )
}

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
  await plan(storage)
  const rows = entries(count).map(({ updatedAt: _at, updatedBy: _by, deletedAt: _deleted, ...row }) => row)
  let t = performance.now()
  for (let i = 0; i < rows.length; i += BATCH) await storage.write({ writes: rows.slice(i, i + BATCH).map((row): RowWrite => ({ table: 'entries', row })) }, WRITER)
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
