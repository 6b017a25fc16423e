// Sets up a shared dataset on Apache CouchDB or the dev hub, over HTTP as a server admin, idempotently: the
// database, its _security, the design document that enforces the roles, an account per person, and the people and
// departments as rows of the dataset (so that signing in finds you in the directory, whatever your role).
import { randomBytes, randomUUID } from 'node:crypto'
import { designDocument, ROLES, SECURITY } from './design.mjs'

/**
 * @param {{ api: string, admin: { name: string, password: string } }} couch  the API base (…/db for the hub)
 * @param {string} db  the database name
 * @param {{ name: string, department?: string, role: string, password?: string }[]} people
 * @returns {Promise<{ name: string, role: string, password: string | null }[]>} the accounts, with any generated password
 */
export async function setUpSharing(couch, db, people) {
  const auth = `Basic ${Buffer.from(`${couch.admin.name}:${couch.admin.password}`).toString('base64')}`
  /** @param {string} method @param {string} path @param {unknown} [body] @returns {Promise<{ status: number, json: any }>} */
  const request = async (method, path, body) => {
    const response = await fetch(`${couch.api}${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: response.status, json: await response.json() }
  }
  /** @param {string} path @param {Record<string, unknown>} body */
  const put = async (path, body) => {
    const existing = await request('GET', path)
    const result = await request('PUT', path, existing.status === 200 && existing.json._rev ? { ...body, _rev: existing.json._rev } : body)
    if (result.status >= 300) throw new Error(`${path}: ${result.status} ${JSON.stringify(result.json)}`)
  }
  for (const person of people) if (!ROLES.includes(person.role)) throw new Error(`${person.name}: the role must be one of ${ROLES.join(', ')}`)
  const created = await request('PUT', `/${db}`)
  if (created.status !== 201 && created.status !== 412) throw new Error(`database ${db}: ${created.status} ${JSON.stringify(created.json)}`)
  const security = await request('PUT', `/${db}/_security`, SECURITY)
  if (security.status !== 200) throw new Error(`security: ${security.status} ${JSON.stringify(security.json)}`)
  await put(`/${db}/_design/pace`, designDocument())
  const accounts = []
  for (const person of people) {
    const id = `org.couchdb.user:${person.name}`
    const existing = await request('GET', `/_users/${encodeURIComponent(id)}`)
    const password = person.password ?? (existing.status === 200 ? null : randomBytes(9).toString('base64url'))
    const user = { _id: id, name: person.name, type: 'user', roles: [person.role], department: person.department ?? '' }
    await put(`/_users/${encodeURIComponent(id)}`, password ? { ...user, password } : { ...existing.json, ...user })
    accounts.push({ name: person.name, role: person.role, password: person.password ? null : password })
  }
  await addToDirectory(request, db, couch.admin.name, people)
  return accounts
}

/**
 * Adds each person (and their department) to the dataset's directory unless a row of that name is there already.
 * @param {(method: string, path: string, body?: unknown) => Promise<{ status: number, json: any }>} request
 * @param {string} db
 * @param {string} admin
 * @param {{ name: string, department?: string }[]} people
 */
async function addToDirectory(request, db, admin, people) {
  /** @param {string} table @returns {Promise<Record<string, any>[]>} */
  const rows = async (table) => {
    const range = `startkey=${encodeURIComponent(JSON.stringify(`${table}:`))}&endkey=${encodeURIComponent(JSON.stringify(`${table}:\ufff0`))}`
    const { json } = await request('GET', `/${db}/_all_docs?include_docs=true&${range}`)
    return json.rows.map((/** @type {{ doc: Record<string, any> }} */ r) => r.doc).filter((/** @type {Record<string, any>} */ d) => d.deletedAt === null)
  }
  const stamp = { updatedAt: new Date().toISOString(), updatedBy: admin, deletedAt: null }
  const departments = await rows('departments')
  const known = await rows('people')
  /** @type {Record<string, any>[]} */
  const docs = []
  for (const name of new Set(people.map((p) => p.department?.trim() ?? '').filter(Boolean))) {
    if (departments.some((d) => d.name === name)) continue
    const id = randomUUID()
    const doc = { _id: `departments:${id}`, table: 'departments', id, name, ...stamp }
    departments.push(doc)
    docs.push(doc)
  }
  for (const person of people) {
    const departmentId = departments.find((d) => d.name === person.department?.trim())?.id ?? null
    if (known.some((p) => p.name === person.name && p.departmentId === departmentId)) continue
    const id = randomUUID()
    docs.push({ _id: `people:${id}`, table: 'people', id, name: person.name, departmentId, ...stamp })
  }
  if (docs.length === 0) return
  const { status, json } = await request('POST', `/${db}/_bulk_docs`, { docs })
  if (status >= 300 || json.some((/** @type {{ error?: string }} */ r) => r.error)) throw new Error(`directory: ${status} ${JSON.stringify(json)}`)
}
