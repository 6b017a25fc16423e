import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CURRENT_VERSION, importData, previewMerge, readAll, type BackupData } from '@/db'
import { parseBackup, serializeBackup } from '@/io/backup-file'
import { evaluateCommitment, freezeFigures } from '@/domain'
import { badBackups } from '../../fixtures/bad-backups'
import { activity, freshStorage, plan, studyCommitment, writerAt } from './helpers'

const META = { appVersion: '0.1.0', schemaVersion: CURRENT_VERSION, exportedAt: '2025-04-01T00:00:00.000Z', exportedBy: '王芳' }

async function seeded() {
  const storage = freshStorage()
  const writer = writerAt('王芳')
  await storage.plans.save(plan(), writer)
  await storage.commitments.save(studyCommitment(), writer)
  await storage.entries.save(activity('e1', '2025-03-12', 3), writer)
  await storage.entries.save(activity('e2', '2025-03-20', 2), writer)
  await storage.departments.save({ id: 'office', name: '办公室' }, writer)
  // A frozen review: its snapshot travels with it.
  const study = studyCommitment({ leadDepartmentId: 'office' })
  const figures = { plan: plan(), sections: [], commitments: [study], departments: [{ id: 'office', name: '办公室' }], people: [], evaluations: new Map([[study.id, evaluateCommitment(plan().window, study, [activity('e1', '2025-03-12', 3)], '2025-03-31')]]) }
  await storage.reviews.save(
    { id: 'q1', planId: 'plan-2025', title: '一季度调度会', period: { unit: 'quarter', year: 2025, index: 1 }, periodEnd: '2025-03-31', meetingDate: '2025-04-08', attendees: '班子成员', decisions: '加强督办', notes: [{ commitmentId: 'study', narrative: null, problems: '进度偏慢', nextSteps: '' }], snapshot: freezeFigures(figures, '2025-04-08T02:00:00.000Z', '2025-03-31') },
    writer,
  )
  return { storage, writer }
}

async function exported(storage: ReturnType<typeof freshStorage>) {
  return serializeBackup(await readAll(storage.db), META)
}

function codeOf(result: ReturnType<typeof parseBackup>) {
  return result.ok ? 'accepted' : result.error.code
}

function parsed(text: string): BackupData {
  const result = parseBackup(text)
  if (!result.ok) throw new Error(`backup rejected: ${result.error.code}`)
  return result.data
}

describe('backup file', () => {
  it('round-trips every row, tombstones included', async () => {
    const { storage, writer } = await seeded()
    await storage.entries.remove('e2', writer)
    const text = await exported(storage)
    const header = JSON.parse(text)
    expect(header).toMatchObject({ format: 'pace-backup', formatVersion: 1, counts: { plans: 1, entries: 2, departments: 1, reviews: 1 } })
    expect(header.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(parsed(text)).toEqual(await readAll(storage.db))
  })

  it('refuses every bad file of the probe list, each for its own reason', async () => {
    const { storage } = await seeded()
    const good = await exported(storage)
    const cases = badBackups(good)
    expect(cases.length).toBeGreaterThanOrEqual(28)
    expect(parseBackup(good).ok).toBe(true)
    expect(cases.map(({ name, text }) => [name, codeOf(parseBackup(text))])).toEqual(cases.map(({ name, code }) => [name, code]))
  })

  it('rejects a well-formed file whose rows are invalid, naming the row', async () => {
    const { storage } = await seeded()
    const data = await readAll(storage.db)
    const bad = { ...data, entries: data.entries.map((e, i) => (i === 1 ? { ...e, date: '2025-02-30' } : e)) }
    const result = parseBackup(serializeBackup(bad as BackupData, META))
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidRows', table: 'entries', index: 1, issues: [{ path: 'date' }] } })
  })

  it('refuses a file from a newer schema, saying which, instead of storing a stripped copy', async () => {
    const { storage } = await seeded()
    const data = await readAll(storage.db)
    const result = parseBackup(serializeBackup(data, { ...META, schemaVersion: CURRENT_VERSION + 1 }))
    expect(result).toEqual({ ok: false, error: { code: 'newerSchema', schemaVersion: CURRENT_VERSION + 1 } })
  })

  it('refuses a row with a field Pace does not know, naming it, rather than drop it silently', async () => {
    const { storage } = await seeded()
    const data = await readAll(storage.db)
    const extra = { ...data, plans: data.plans.map((p) => ({ ...p, budget: 120, window: { ...p.window, note: 'x' } })) }
    const result = parseBackup(serializeBackup(extra as BackupData, META))
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidRows', table: 'plans', index: 0, issues: [{ path: 'window.note', code: 'unknownField' }, { path: 'budget', code: 'unknownField' }] } })
  })

  it('reads a v5 file\'s reviews in the v6 words: asOf is periodEnd, a note\'s progress its narrative', async () => {
    const { storage } = await seeded()
    const { attachments: _none, ...data } = await readAll(storage.db)
    const v5 = {
      ...data,
      reviews: data.reviews.map(({ periodEnd, notes, ...r }) => ({ ...r, asOf: periodEnd, notes: notes.map(({ narrative, ...n }) => ({ ...n, progress: narrative })) })),
    }
    expect(parsed(serializeBackup(v5 as unknown as BackupData, { ...META, schemaVersion: 5 })).reviews).toEqual(data.reviews)
  })

  it.each([
    ['a file from before evidence (schema 11) holds none, and reads as none', 11, false, { ok: true }],
    ['a file of schema 12 without the attachments table', 12, false, { ok: false, error: { code: 'foreign' } }],
    ['a file from before evidence with an attachments table', 11, true, { ok: false, error: { code: 'foreign' } }],
  ])('%s', async (_name, schemaVersion, withTable, expected) => {
    const { storage } = await seeded()
    const { attachments, ...older } = await readAll(storage.db)
    const data = withTable ? { ...older, attachments } : older
    const result = parseBackup(serializeBackup(data as unknown as BackupData, { ...META, schemaVersion }))
    expect(result).toMatchObject(expected)
    if (result.ok) expect(result.data.attachments).toEqual([])
  })

  it('refuses two rows of a table sharing an id, saying which id', async () => {
    const { storage } = await seeded()
    const data = await readAll(storage.db)
    const twice = { ...data, entries: [...data.entries, { ...data.entries[0]!, quantity: 9 }] }
    const result = parseBackup(serializeBackup(twice as BackupData, META))
    expect(result).toEqual({ ok: false, error: { code: 'duplicateId', table: 'entries', id: data.entries[0]!.id } })
  })

  it('names the live entries whose commitment the file holds deleted or not at all, and keeps them', async () => {
    const { storage } = await seeded()
    const data = await readAll(storage.db)
    const [first, second] = data.entries as [BackupData['entries'][number], BackupData['entries'][number]]
    const clean = parseBackup(serializeBackup(data, META))
    expect(clean.ok && clean.orphans).toEqual([])
    const orphaned = {
      ...data,
      commitments: [...data.commitments, { ...data.commitments[0]!, id: 'deleted', deletedAt: '2025-03-01T00:00:00.000Z' }],
      entries: [{ ...first, commitmentIds: ['deleted'] }, { ...second, commitmentIds: [...second.commitmentIds, 'never-there'] }, { ...first, id: 'dead', commitmentIds: ['deleted'], deletedAt: '2025-03-02T00:00:00.000Z' }],
    }
    const result = parseBackup(serializeBackup(orphaned as BackupData, META))
    expect(result.ok && result.orphans).toEqual([
      { id: first.id, date: first.date },
      { id: second.id, date: second.date },
    ])
    expect(result.ok && result.data.entries).toHaveLength(3)
  })
})

describe('restore', () => {
  it('replace makes the data exactly the file’s', async () => {
    const { storage } = await seeded()
    const text = await exported(storage)
    const other = freshStorage()
    await other.departments.save({ id: 'gone', name: '将被替换' }, writerAt('李明'))
    await importData(other.db, parsed(text), 'replace', writerAt('李明'))
    expect(await readAll(other.db)).toEqual(await readAll(storage.db))
  })

  it('merge adds new rows, takes newer ones, keeps newer local ones, and says so first', async () => {
    const { storage: coordinator, writer } = await seeded()
    const colleague = freshStorage()
    await importData(colleague.db, parsed(await exported(coordinator)), 'replace', writerAt('李明'))
    const theirs = writerAt('李明', '2026-01-06T00:00:00.000Z')
    await colleague.entries.save(activity('e1', '2025-03-12', 4), theirs) // newer edit: wins
    await colleague.entries.save(activity('e3', '2025-03-25', 1), theirs) // new: added
    await colleague.entries.remove('e2', theirs) // newer tombstone: deletes
    writer.tick()
    await coordinator.departments.save({ id: 'office', name: '办公室（综合科）' }, writerAt('王芳', '2026-01-09T00:00:00.000Z')) // local newer: kept
    const file = parsed(await exported(colleague))

    const preview = await previewMerge(coordinator.db, file)
    expect(preview.entries).toEqual({ adds: 1, updates: 2, unchanged: 0, conflicts: 0 })
    expect(preview.departments).toEqual({ adds: 0, updates: 0, unchanged: 0, conflicts: 1 })
    expect(await coordinator.entries.get('e1')).toMatchObject({ quantity: 3 }) // preview wrote nothing

    expect(await importData(coordinator.db, file, 'merge', writerAt('王芳'))).toEqual(preview)
    expect((await coordinator.entries.list()).map((e) => [e.id, e.type === 'quantity' && e.quantity])).toEqual([
      ['e1', 4],
      ['e3', 1],
    ])
    expect((await coordinator.departments.get('office'))?.name).toBe('办公室（综合科）')
  })

  it('an older tombstone neither deletes a newer row nor resurrects anything', async () => {
    const { storage, writer } = await seeded()
    const old = await readAll(storage.db)
    writer.tick()
    await storage.entries.remove('e1', writer)
    const withTombstone = parsed(await exported(storage))
    writer.tick()
    await storage.entries.save(activity('e1', '2025-03-12', 5), writer) // back again, newer than the tombstone
    await importData(storage.db, withTombstone, 'merge', writerAt('李明'))
    expect(await storage.entries.get('e1')).toMatchObject({ quantity: 5 })
    await importData(storage.db, old, 'merge', writerAt('李明'))
    expect(await storage.entries.get('e1')).toMatchObject({ quantity: 5 })
  })

  it('a failing import rolls back whole: the data before it stays exactly as it was', async () => {
    const { storage } = await seeded()
    const before = await readAll(storage.db)
    const broken = { ...before, entries: [...before.entries, before.entries[0]!] } // a duplicate id fails bulkAdd
    await expect(importData(storage.db, broken, 'replace', writerAt('李明'))).rejects.toMatchObject({ name: 'StorageError' })
    expect(await readAll(storage.db)).toEqual(before)
    expect((await storage.db.audit.toArray()).filter((r) => r.action === 'import')).toEqual([])
  })

  it('importing the same file twice changes nothing the second time', async () => {
    const { storage } = await seeded()
    const target = freshStorage()
    const file = parsed(await exported(storage))
    await importData(target.db, file, 'merge', writerAt('李明'))
    const once = await readAll(target.db)
    const second = await importData(target.db, file, 'merge', writerAt('李明'))
    expect(Object.values(second).every((t) => t.adds === 0 && t.updates === 0)).toBe(true)
    expect(await readAll(target.db)).toEqual(once)
  })

  it('export, wipe and restore gives back identical data for any dataset', async () => {
    const row = fc.record({
      id: fc.uuid(),
      date: fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)),
      quantity: fc.integer({ min: 0, max: 50 }),
      note: fc.string({ maxLength: 20 }),
      deleted: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 40 }), async (rows) => {
        const storage = freshStorage()
        await storage.plans.save(plan(), writerAt('王芳'))
        await storage.db.entries.bulkAdd(
          rows.map((r) => ({
            ...activity(r.id, r.date, r.quantity),
            note: r.note,
            updatedAt: '2025-03-01T00:00:00.000Z',
            updatedBy: '王芳',
            deletedAt: r.deleted ? '2025-03-02T00:00:00.000Z' : null,
          })),
        )
        const before = await readAll(storage.db)
        const text = serializeBackup(before, META)
        await Promise.all(Object.keys(before).map((name) => storage.db.table(name).clear()))
        await importData(storage.db, parsed(text), 'replace', writerAt('王芳'))
        expect(await readAll(storage.db)).toEqual(before)
      }),
      { numRuns: 25 },
    )
  })
})
