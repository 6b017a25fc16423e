import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, startCouch, type Couch } from './hub'

/**
 * What Pace's sharing (#16) relies on in the CouchDB HTTP API, checked against the dev hub (started here) or, with
 * PACE_COUCHDB_URL, against Apache CouchDB: the same answers from both.
 */
let couch: Couch
const db = `/pace-contract-${Date.now().toString(36)}`
const staff = { name: 'contract-staff', password: 'staff-password-1' }

beforeAll(async () => {
  couch = await startCouch()
})
afterAll(async () => {
  await call(couch, 'DELETE', db, { as: couch.admin })
  await call(couch, 'DELETE', `/_users/org.couchdb.user:${staff.name}`, { as: couch.admin }).catch(() => undefined)
  await couch.stop()
})

describe('the CouchDB API a shared dataset relies on', () => {
  it('lets only a server admin create a database, and keeps answering after a refusal', async () => {
    expect((await call(couch, 'PUT', db)).status).toBe(401)
    expect((await call(couch, 'PUT', db, { as: couch.admin })).status).toBe(201)
    expect((await call(couch, 'GET', db, { as: couch.admin })).json).toMatchObject({ db_name: db.slice(1) })
  })

  it('signs a user in with a session cookie that names them and their roles', async () => {
    const user = { _id: `org.couchdb.user:${staff.name}`, name: staff.name, password: staff.password, type: 'user', roles: ['staff'] }
    const existing = await call(couch, 'GET', `/_users/${user._id}`, { as: couch.admin })
    const created = await call(couch, 'PUT', `/_users/${user._id}`, { as: couch.admin, body: existing.status === 200 ? { ...user, _rev: existing.json._rev } : user })
    expect(created.status).toBe(201)
    expect((await call(couch, 'POST', '/_session', { body: { name: staff.name, password: 'wrong' } })).status).toBe(401)
    const session = await call(couch, 'POST', '/_session', { body: staff })
    expect(session.status).toBe(200)
    const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? ''
    expect(cookie).toMatch(/^AuthSession=/)
    expect((await call(couch, 'GET', '/_session', { cookie })).json).toMatchObject({ userCtx: { name: staff.name, roles: ['staff'] } })
  })

  // CouchDB answers an outsider 403 and the dev hub 401: both are a refusal, and the client treats them alike.
  it('keeps a database to its members (_security): anonymous 401, an outsider refused, a member in', async () => {
    expect((await call(couch, 'PUT', `${db}/_security`, { as: couch.admin, body: { admins: { names: [], roles: ['keeper'] }, members: { names: [], roles: ['staff'] } } })).status).toBe(200)
    expect((await call(couch, 'GET', `${db}/_all_docs`)).status).toBe(401)
    expect((await call(couch, 'GET', `${db}/_all_docs`, { as: staff })).status).toBe(200)
    await call(couch, 'PUT', `${db}/_security`, { as: couch.admin, body: { admins: { names: [], roles: ['keeper'] }, members: { names: [], roles: ['leader'] } } })
    expect([401, 403]).toContain((await call(couch, 'GET', `${db}/_all_docs`, { as: staff })).status)
    await call(couch, 'PUT', `${db}/_security`, { as: couch.admin, body: { admins: { names: [], roles: ['keeper'] }, members: { names: [], roles: ['staff'] } } })
  })

  it('runs a validate_doc_update design document on every write: a refused one is 403 with its reason', async () => {
    const validate = `function (doc, old, user) { if (!doc._deleted && doc.updatedBy !== user.name) throw({ forbidden: 'updatedBy must be the signed-in user' }) }`
    expect((await call(couch, 'PUT', `${db}/_design/pace`, { as: couch.admin, body: { validate_doc_update: validate } })).status).toBe(201)
    const refused = await call(couch, 'PUT', `${db}/entries:e1`, { as: staff, body: { updatedBy: 'someone-else' } })
    expect(refused).toMatchObject({ status: 403, json: { error: 'forbidden', reason: 'updatedBy must be the signed-in user' } })
    expect((await call(couch, 'PUT', `${db}/entries:e1`, { as: staff, body: { updatedBy: staff.name } })).status).toBe(201)
  })

  it('replicates: a changes feed from a checkpoint, and documents written with their revisions as given', async () => {
    const since = (await call(couch, 'GET', `${db}/_changes`, { as: staff })).json.last_seq
    const doc = { _id: 'entries:e2', _rev: '1-0123456789abcdef0123456789abcdef', updatedBy: staff.name, _revisions: { start: 1, ids: ['0123456789abcdef0123456789abcdef'] } }
    const pushed = await call(couch, 'POST', `${db}/_bulk_docs`, { as: staff, body: { docs: [doc], new_edits: false } })
    expect(pushed.status).toBe(201)
    // Pushing the same revision again (a replicator retrying) changes nothing.
    await call(couch, 'POST', `${db}/_bulk_docs`, { as: staff, body: { docs: [doc], new_edits: false } })
    const changes = await call(couch, 'GET', `${db}/_changes?since=${encodeURIComponent(String(since))}`, { as: staff })
    expect((changes.json.results as { id: string; changes: { rev: string }[] }[]).map((c) => [c.id, c.changes[0]!.rev])).toEqual([['entries:e2', doc._rev]])
  })

  it('filters a changes feed by a Mango selector: a pull leaves the evidence files at the hub', async () => {
    const base64 = (text: string) => Buffer.from(text).toString('base64')
    const put = (id: string, extra: Record<string, unknown>) => call(couch, 'PUT', `${db}/${encodeURIComponent(id)}`, { as: staff, body: { updatedBy: staff.name, ...extra } })
    expect((await put('attachments:a1', { _attachments: { thumbnail: { content_type: 'image/jpeg', data: base64('缩略图') } } })).status).toBe(201)
    expect((await put('files:a1', { _attachments: { file: { content_type: 'image/jpeg', data: base64('照片') } } })).status).toBe(201)
    expect((await put('people:p1', {})).status).toBe(201)
    // The selector a device pulls with (src/sharing/documents.ts, PULLED).
    const selector = { _id: { $regex: '^(?!files:)' } }
    const changes = await call(couch, 'POST', `${db}/_changes?filter=_selector&include_docs=true`, { as: staff, body: { selector } })
    const ids = (changes.json.results as { id: string }[]).map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining(['attachments:a1', 'people:p1', 'entries:e1']))
    expect(ids.filter((id) => id.startsWith('files:'))).toEqual([])
    // The file is there to fetch on demand, as it was stored.
    const file = await fetch(`${couch.api}${db}/files%3Aa1/file`, { headers: { authorization: `Basic ${Buffer.from(`${staff.name}:${staff.password}`).toString('base64')}` } })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/^image\/jpeg/)
    expect(await file.text()).toBe('照片')
    // The dev hub serves files inert itself (an office may run it without a proxy); in front of Apache CouchDB the
    // shipped proxy does (tests/contract/proxy.test.ts).
    if (couch.pid !== undefined) expect([file.headers.get('x-content-type-options'), file.headers.get('content-security-policy')]).toEqual(['nosniff', "sandbox; default-src 'none'"])
  })
})
