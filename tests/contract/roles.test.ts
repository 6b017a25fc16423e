import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpSharing } from '../../scripts/sharing/setup.mjs'
import { call, startCouch, type Couch } from './hub'

/**
 * The roles, enforced by the hub itself (`npm run hub:setup`: _security and the design document), checked by raw
 * HTTP as a hand-made request would try: what the UI hides, the hub refuses.
 */
let couch: Couch
const db = `pace-roles-${Date.now().toString(36)}`
const path = (id: string) => `/${db}/${encodeURIComponent(id)}`
const keeper = { name: 'roles-keeper', password: 'keeper-pass-1' }
const staff = { name: 'roles-staff', password: 'staff-pass-1' }
const other = { name: 'roles-staff-2', password: 'staff-pass-2' }
const leader = { name: 'roles-leader', password: 'leader-pass-1' }
const stranger = { name: 'roles-nobody', password: 'nobody-pass-1' }

/** Writes a document as a user, over its current revision if there is one. */
async function write(as: { name: string }, id: string, body: Record<string, unknown>, who = as) {
  const current = await call(couch, 'GET', path(id), { as: couch.admin })
  const rev = current.status === 200 ? { _rev: current.json._rev } : {}
  return call(couch, 'PUT', path(id), { as: who as { name: string; password: string }, body: { ...body, ...rev } })
}
const entry = (owner: string, by: string, quantity = 1) => ({ table: 'entries', owner, updatedBy: by, quantity })
const review = (by: string, extra: Record<string, unknown> = {}) => ({ table: 'reviews', title: '2025年第三季度工作调度会', decisions: '', notes: [], snapshot: null, updatedBy: by, ...extra })

beforeAll(async () => {
  couch = await startCouch()
  const accounts = [
    { ...keeper, department: '办公室', role: 'keeper' },
    { ...staff, department: '调研科', role: 'staff' },
    { ...other, department: '调研科', role: 'staff' },
    { ...leader, department: '局领导', role: 'leader' },
  ]
  await setUpSharing(couch, db, accounts)
  // Setting up again changes nothing and fails nothing.
  await setUpSharing(couch, db, accounts)
  await call(couch, 'PUT', `/_users/org.couchdb.user:${stranger.name}`, { as: couch.admin, body: { name: stranger.name, password: stranger.password, type: 'user', roles: [] } })
})
afterAll(async () => {
  await call(couch, 'DELETE', `/${db}`, { as: couch.admin })
  await couch.stop()
})

describe('roles enforced by the hub', () => {
  it('keeps the dataset from anyone signed out or without a role', async () => {
    expect((await call(couch, 'GET', `/${db}/_all_docs`)).status).toBe(401)
    expect([401, 403]).toContain((await call(couch, 'GET', `/${db}/_all_docs`, { as: stranger })).status)
    for (const reader of [keeper, staff, leader]) expect((await call(couch, 'GET', `/${db}/_all_docs`, { as: reader })).status).toBe(200)
  })

  it('lets the keeper write the plan, and no one else', async () => {
    const plan = { table: 'plans', name: '2025年工作谋划' }
    expect((await write(keeper, 'plans:p1', { ...plan, updatedBy: keeper.name })).status).toBe(201)
    for (const user of [staff, leader]) expect((await write(user, 'plans:p1', { ...plan, name: '改名', updatedBy: user.name })).json).toMatchObject({ error: 'forbidden' })
  })

  it('lets staff log and change their own entries only, each stamped with who they are', async () => {
    expect((await write(staff, 'entries:e1', entry(staff.name, staff.name))).status).toBe(201)
    expect((await write(staff, 'entries:e1', entry(staff.name, staff.name, 2))).status).toBe(201)
    expect((await write(other, 'entries:e1', entry(staff.name, other.name, 3))).json).toMatchObject({ error: 'forbidden', reason: 'Staff change only their own entries and their evidence.' })
    expect((await write(other, 'entries:e1', entry(other.name, other.name, 3))).json).toMatchObject({ error: 'forbidden' })
    expect((await write(staff, 'entries:e2', entry(staff.name, keeper.name))).json).toMatchObject({ error: 'forbidden', reason: 'updatedBy must be the signed-in user.' })
    expect((await write(staff, 'entries:e3', entry(other.name, staff.name))).json).toMatchObject({ error: 'forbidden', reason: 'An entry and its evidence belong to whoever logged them.' })
    // Removing is a tombstone, never a CouchDB deletion.
    const current = await call(couch, 'GET', path('entries:e1'), { as: staff })
    expect((await call(couch, 'DELETE', `${path('entries:e1')}?rev=${String(current.json._rev)}`, { as: staff })).json).toMatchObject({ error: 'forbidden' })
    expect((await write(staff, 'entries:e1', { ...entry(staff.name, staff.name, 2), deletedAt: '2025-10-01T00:00:00.000Z' })).status).toBe(201)
  })

  it('lets staff attach and remove evidence of their own only; a leader attaches none', async () => {
    const evidence = (owner: string, author: string, deletedAt: string | null = null) => ({
      table: 'attachments', id: 'a1', entryId: 'e1', name: '签到表.jpg', kind: 'image', mime: 'image/jpeg', size: 1024, sha256: '0'.repeat(64),
      owner, updatedBy: author, updatedAt: '2025-10-01T00:00:00.000Z', deletedAt,
    })
    expect((await write(staff, 'attachments:a1', evidence(staff.name, staff.name))).status).toBe(201)
    expect((await write(other, 'attachments:a1', evidence(staff.name, other.name, '2025-10-02T00:00:00.000Z'))).json).toMatchObject({ error: 'forbidden', reason: 'Staff change only their own entries and their evidence.' })
    expect((await write(leader, 'attachments:a2', { ...evidence(leader.name, leader.name), id: 'a2' })).json).toMatchObject({ error: 'forbidden' })
    expect((await write(staff, 'attachments:a1', evidence(staff.name, staff.name, '2025-10-02T00:00:00.000Z'))).status).toBe(201)
  })

  it('takes evidence files as images, PDF, Word or Excel only, each written once by whoever may write its attachment', async () => {
    const base64 = (text: string) => Buffer.from(text).toString('base64')
    const file = (owner: string, author: string, type = 'image/jpeg') => ({ table: 'files', id: 'f1', owner, updatedBy: author, _attachments: { file: { content_type: type, data: base64('照片') } } })
    expect((await write(other, 'files:f1', file(staff.name, other.name))).json).toMatchObject({ error: 'forbidden', reason: 'An entry and its evidence belong to whoever logged them.' })
    expect((await write(leader, 'files:f1', file(leader.name, leader.name))).json).toMatchObject({ error: 'forbidden' })
    for (const type of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/html; charset=utf-8', 'application/javascript', ''])
      expect((await write(staff, 'files:f1', file(staff.name, staff.name, type))).json).toMatchObject({ error: 'forbidden', reason: 'Evidence is an image, PDF, Word or Excel file.' })
    expect((await write(staff, 'files:f1', file(staff.name, staff.name))).status).toBe(201)
    expect((await write(staff, 'files:f1', file(staff.name, staff.name, 'application/pdf'))).json).toMatchObject({ error: 'forbidden', reason: 'An evidence file is written once.' })
    expect((await write(keeper, 'files:f1', file(staff.name, keeper.name))).json).toMatchObject({ error: 'forbidden', reason: 'An evidence file is written once.' })
    const two = { ...file(staff.name, staff.name), _attachments: { file: file(staff.name, staff.name)._attachments.file, page: { content_type: 'text/html', data: base64('<p>') } } }
    expect((await write(staff, 'files:f2', { ...two, id: 'f2' })).json).toMatchObject({ error: 'forbidden' })
    // The keeper keeps the 台账 whole: they may upload a staff member's file (a restore).
    expect((await write(keeper, 'files:f3', { ...file(staff.name, keeper.name), id: 'f3' })).status).toBe(201)
  })

  it('lets an attachment carry its thumbnail, an image, and nothing else carry files', async () => {
    const base64 = (text: string) => Buffer.from(text).toString('base64')
    const evidence = (extra: Record<string, unknown>) => ({
      table: 'attachments', id: 't1', entryId: 'e1', name: '签到表.jpg', kind: 'image', mime: 'image/jpeg', size: 1024, sha256: '0'.repeat(64),
      owner: staff.name, updatedBy: staff.name, updatedAt: '2025-10-01T00:00:00.000Z', deletedAt: null, ...extra,
    })
    const thumbnail = (type: string) => ({ thumbnail: { content_type: type, data: base64('缩略图') } })
    expect((await write(staff, 'attachments:t1', evidence({ _attachments: thumbnail('image/svg+xml') }))).json).toMatchObject({ error: 'forbidden', reason: 'An attachment carries only its thumbnail, an image.' })
    expect((await write(staff, 'attachments:t1', evidence({ _attachments: { ...thumbnail('image/jpeg'), extra: { content_type: 'image/jpeg', data: base64('x') } } }))).json).toMatchObject({ error: 'forbidden' })
    expect((await write(staff, 'attachments:t1', evidence({ mime: 'text/html' }))).json).toMatchObject({ error: 'forbidden', reason: 'Evidence is an image, PDF, Word or Excel file.' })
    expect((await write(staff, 'attachments:t1', evidence({ _attachments: thumbnail('image/jpeg') }))).status).toBe(201)
    expect((await write(staff, 'entries:t2', { ...entry(staff.name, staff.name), _attachments: thumbnail('image/jpeg') })).json).toMatchObject({ error: 'forbidden', reason: 'Only evidence carries files.' })
  })

  it('lets a leader write a review’s notes and decisions, not its figures; a frozen review keeps its snapshot for everyone', async () => {
    expect((await write(keeper, 'reviews:r1', review(keeper.name))).status).toBe(201)
    expect((await write(leader, 'reviews:r1', review(leader.name, { decisions: '加强督办' }))).status).toBe(201)
    expect((await write(leader, 'reviews:r1', review(leader.name, { decisions: '加强督办', title: '改名' }))).json).toMatchObject({ error: 'forbidden' })
    expect((await write(leader, 'reviews:r2', review(leader.name))).json).toMatchObject({ error: 'forbidden' })
    const snapshot = { periodEnd: '2025-09-30', evaluations: [] }
    expect((await write(keeper, 'reviews:r1', review(keeper.name, { decisions: '加强督办', snapshot }))).status).toBe(201)
    expect((await write(keeper, 'reviews:r1', review(keeper.name, { decisions: '加强督办', snapshot: { ...snapshot, periodEnd: '2025-12-31' } }))).json).toMatchObject({ error: 'forbidden', reason: 'A frozen review keeps its figures.' })
  })

  it('keeps an update that replication writes (new_edits=false) with the history it brings, under the rules', async () => {
    const id = 'commitments:replicated'
    const doc = { _id: id, table: 'commitments', title: '初稿', updatedBy: keeper.name }
    const bulk = (docs: unknown[]) => call(couch, 'POST', `/${db}/_bulk_docs`, { as: keeper, body: { new_edits: false, docs } })
    expect((await bulk([{ ...doc, _rev: '1-aaaa', _revisions: { start: 1, ids: ['aaaa'] } }])).status).toBe(201)
    expect((await bulk([{ ...doc, title: '修改稿', _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', 'aaaa'] } }])).status).toBe(201)
    const stored = await call(couch, 'GET', `${path(id)}?revs=true`, { as: keeper })
    expect(stored.json).toMatchObject({ title: '修改稿', _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', 'aaaa'] } })
    // The rules still hold for replicated writes: staff may not push a commitment.
    const refused = await call(couch, 'POST', `/${db}/_bulk_docs`, {
      as: staff,
      body: { new_edits: false, docs: [{ ...doc, updatedBy: staff.name, title: '工作人员改', _rev: '3-cccc', _revisions: { start: 3, ids: ['cccc', 'bbbb', 'aaaa'] } }] },
    })
    expect(JSON.stringify(refused.json)).toMatch(/forbidden/)
    expect((await call(couch, 'GET', path(id), { as: keeper })).json.title).toBe('修改稿')
  })

  it('keeps audit records append-only and design documents to server admins', async () => {
    const audit = { table: 'audit', action: 'create', updatedBy: staff.name }
    expect((await write(staff, 'audit:a1', audit)).status).toBe(201)
    expect((await write(keeper, 'audit:a1', { ...audit, action: 'delete', updatedBy: keeper.name })).json).toMatchObject({ error: 'forbidden', reason: 'Audit records are never changed.' })
    expect((await write(keeper, '_design/pace', { validate_doc_update: 'function () {}', updatedBy: keeper.name })).status).toBeGreaterThanOrEqual(400)
    expect((await write(keeper, 'nonsense', { table: 'plans', updatedBy: keeper.name })).json).toMatchObject({ error: 'forbidden' })
  })
})
