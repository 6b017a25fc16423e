import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { CURRENT_VERSION, SCHEMA_VERSIONS, createDatabase, openDatabase, readAll, rescueRead, upgradeRows, type BackupData } from '@/db'
import { upgradeEntryToV2 } from '@/db/migrations/v2-entry-details'
import { upgradeReviewToV4 } from '@/db/migrations/v4-review-meetings'
import { upgradeReviewToV6 } from '@/db/migrations/v6-review-words'
import { upgradeReviewToV7 } from '@/db/migrations/v7-one-completion'
import { chinaDate } from '@/domain'
import { parseBackup } from '@/io/backup-file'

/**
 * A database as schema version 1 wrote it. Every future version must upgrade it without losing a row: add its
 * expected shape to this test when you add a version.
 */
const fixture = parseBackup(readFileSync('tests/fixtures/db-v1.json', 'utf8'))

let counter = 0
const uniqueName = () => `pace-migration-${++counter}`

async function seedV1(name: string, data: BackupData) {
  const v1 = createDatabase(name, SCHEMA_VERSIONS.slice(0, 1))
  await v1.open()
  await v1.transaction('rw', v1.tables, async () => {
    // Tables added later (attachments) read as empty from a v1 file; v1 had no store for them.
    for (const [table, rows] of Object.entries(data)) if (rows.length > 0 || v1.tables.some((t) => t.name === table)) await v1.table(table).bulkAdd(rows)
  })
  v1.close()
}

describe('schema versions', () => {
  it('has a valid v1 fixture', () => {
    expect(fixture.ok).toBe(true)
    expect(fixture.ok && fixture.data.entries.length).toBeGreaterThan(0)
  })

  it('opens a v1 database at the current version with every row intact', async () => {
    if (!fixture.ok) throw new Error('fixture rejected')
    const name = uniqueName()
    await seedV1(name, fixture.data)
    const current = await openDatabase(createDatabase(name))
    expect(current.verno).toBe(CURRENT_VERSION)
    expect(await readAll(current)).toEqual(fixture.data)
    current.close()
  })

  it('v2 gives v1 entries empty details and the China day of their last write as the day logged', async () => {
    if (!fixture.ok) throw new Error('fixture rejected')
    const name = uniqueName()
    const raw = JSON.parse(readFileSync('tests/fixtures/db-v1.json', 'utf8')) as { data: BackupData }
    await seedV1(name, raw.data)
    const current = await openDatabase(createDatabase(name))
    const [first] = raw.data.entries
    const upgraded = await current.entries.get(first!.id)
    expect(upgraded).toEqual({ ...first, participants: '', place: '', evidenceUrl: '', loggedOn: chinaDate(Date.parse(first!.updatedAt)) })
    current.close()
  })

  it.each([
    ['a v1 entry', { id: 'e', date: '2025-03-12', updatedAt: '2025-03-31T17:00:00.000Z' }, { participants: '', place: '', evidenceUrl: '', loggedOn: '2025-04-01' }],
    ['a row with no stamp', { id: 'e', date: '2025-03-12' }, { loggedOn: '2025-03-12' }],
    ['a row that already has the fields', { id: 'e', date: '2025-03-12', place: '会议室', loggedOn: '2025-03-13' }, { place: '会议室', loggedOn: '2025-03-13' }],
  ])('upgradeEntryToV2: %s', (_name, row, expected) => {
    expect(upgradeEntryToV2(row)).toMatchObject({ ...row, ...expected })
  })

  it('v4 reads a v1 review as an unfrozen review of the quarter holding its date', async () => {
    if (!fixture.ok) throw new Error('fixture rejected')
    const name = uniqueName()
    const raw = JSON.parse(readFileSync('tests/fixtures/db-v1.json', 'utf8')) as { data: BackupData }
    await seedV1(name, raw.data)
    const current = await openDatabase(createDatabase(name))
    const [first] = raw.data.reviews
    const { asOf, ...rest } = first as typeof first & { asOf: string }
    expect(await current.reviews.get(first!.id)).toEqual({
      ...rest,
      periodEnd: asOf,
      period: { unit: 'quarter', year: 2025, index: 1 },
      meetingDate: null,
      attendees: '',
      decisions: '',
      notes: [],
      snapshot: null,
    })
    current.close()
  })

  it.each([
    ['a v3 review', { id: 'r', asOf: '2025-08-31' }, { period: { unit: 'quarter', year: 2025, index: 3 }, notes: [], snapshot: null }],
    ['a review with a bad date gets no period, so validation names it', { id: 'r', asOf: '2025-13-01' }, { notes: [] }],
    ['a review that already has the fields', { id: 'r', asOf: '2025-06-30', period: { unit: 'half_year', year: 2025, index: 1 }, attendees: '全体' }, { period: { unit: 'half_year', year: 2025, index: 1 }, attendees: '全体' }],
  ])('upgradeReviewToV4: %s', (_name, row, expected) => {
    const upgraded = upgradeReviewToV4(row)
    expect(upgraded).toMatchObject({ ...row, ...expected })
    if (!('period' in expected)) expect(upgraded).not.toHaveProperty('period')
  })

  it.each([
    ['a v5 review', { id: 'r', asOf: '2025-09-30', notes: [{ commitmentId: 'c', progress: '已开展12次。', problems: '' }] }, { id: 'r', periodEnd: '2025-09-30', notes: [{ commitmentId: 'c', narrative: '已开展12次。', problems: '' }] }],
    ['a generated 进展情况 stays generated', { id: 'r', asOf: '2025-09-30', notes: [{ commitmentId: 'c', progress: null }] }, { id: 'r', periodEnd: '2025-09-30', notes: [{ commitmentId: 'c', narrative: null }] }],
    ['a row already in the new shape', { id: 'r', periodEnd: '2025-06-30', notes: [{ commitmentId: 'c', narrative: null }] }, { id: 'r', periodEnd: '2025-06-30', notes: [{ commitmentId: 'c', narrative: null }] }],
    ['a row with both keeps both, so validation names the stray one', { id: 'r', asOf: '2025-06-01', periodEnd: '2025-06-30' }, { id: 'r', asOf: '2025-06-01', periodEnd: '2025-06-30' }],
    ['notes that are not a list are left to validation', { id: 'r', asOf: '2025-06-30', notes: 'x' }, { id: 'r', periodEnd: '2025-06-30', notes: 'x' }],
  ])('upgradeReviewToV6: %s', (_name, row, expected) => {
    expect(upgradeReviewToV6(row)).toEqual(expected)
  })

  it.each([
    ['a frozen v6 review loses percentOfTarget, nothing else', { id: 'r', snapshot: { asOf: '2025-09-30', evaluations: [{ commitmentId: 'c', progress: 0.67, percentOfTarget: 88 }] } }, { id: 'r', snapshot: { asOf: '2025-09-30', evaluations: [{ commitmentId: 'c', progress: 0.67 }] } }],
    ['an unfrozen review is kept', { id: 'r', snapshot: null }, { id: 'r', snapshot: null }],
    ['a snapshot without evaluations is left to validation', { id: 'r', snapshot: { asOf: '2025-09-30' } }, { id: 'r', snapshot: { asOf: '2025-09-30' } }],
  ])('upgradeReviewToV7: %s', (_name, row, expected) => {
    expect(upgradeReviewToV7(row)).toEqual(expected)
  })

  it('upgradeRows applies only the versions after the file\'s own', () => {
    expect(upgradeRows('entries', [{ id: 'e', date: '2025-01-02' }], 1)).toEqual([{ id: 'e', date: '2025-01-02', participants: '', place: '', evidenceUrl: '', loggedOn: '2025-01-02' }])
    expect(upgradeRows('entries', [{ id: 'e' }], 2)).toEqual([{ id: 'e' }])
    expect(upgradeRows('plans', [{ id: 'p' }], 1)).toEqual([{ id: 'p' }])
  })

  it('numbers versions upward without gaps in order', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})

describe('another tab upgrading the schema', () => {
  it('closes this connection and tells the UI, so the upgrade can run', async () => {
    const name = uniqueName()
    let told = 0
    const mine = await openDatabase(createDatabase(name), { onVersionChange: () => told++ })
    const newer = createDatabase(name, [...SCHEMA_VERSIONS, { version: CURRENT_VERSION + 1, stores: { extra: 'id' } }])
    await newer.open()
    expect(told).toBe(1)
    expect(mine.isOpen()).toBe(false)
    await expect(mine.plans.count()).rejects.toBeInstanceOf(Dexie.DatabaseClosedError)
    newer.close()
  })
})

describe('a database that fails to open', () => {
  it('reports openFailed, with the browser’s reason kept as the cause', async () => {
    // The browser refuses (disk error, private mode, a corrupted profile): Dexie cannot help, and we must not delete.
    const broken = new Proxy(indexedDB, {
      get: (target, key) =>
        key === 'open'
          ? () => {
              throw new DOMException('Internal error opening backing store', 'UnknownError')
            }
          : Reflect.get(target, key, target),
    })
    const error = await openDatabase(createDatabase(uniqueName(), SCHEMA_VERSIONS, { indexedDB: broken })).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'StorageError', code: 'openFailed' })
  })
})

describe('rescue export when the app cannot open its data', () => {
  it('reads every store raw, without upgrading or deleting anything', async () => {
    if (!fixture.ok) throw new Error('fixture rejected')
    const name = uniqueName()
    await seedV1(name, fixture.data)
    const rescued = await rescueRead(name)
    expect(rescued.unreadable).toEqual([])
    expect(rescued.tables.entries).toEqual(fixture.data.entries)
    expect(Object.keys(rescued.tables).sort()).toEqual(['audit', 'commitments', 'departments', 'entries', 'people', 'plans', 'reviews', 'sections', 'settings'])
  })

  it('does not create a database that is not there', async () => {
    const name = uniqueName()
    await expect(rescueRead(name)).rejects.toBeTruthy()
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name)
  })
})
