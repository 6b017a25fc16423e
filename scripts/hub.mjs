// `npm run hub`: a CouchDB-compatible hub for a small office, development and the tests (#16), on one origin with
// the app: the built app (dist/) at `/`, the CouchDB HTTP API (express-pouchdb in full CouchDB mode: _session,
// _users, _security, validate_doc_update) under `/db/`. Offices with Apache CouchDB 3 put it behind a reverse proxy
// the same way (see README); the same client code and contract tests serve both.
//
//   node scripts/hub.mjs [--port 5984] [--host 127.0.0.1] [--data .hub | --memory] [--admin name:password]
//
// With data on disk, the server admin is kept in <data>/config.json; on the first start without --admin one named
// "admin" is made with a random password, printed once. Prints `hub listening on <url>` when ready.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
patchValidation()
const express = require('express')
const expressPouchDB = require('express-pouchdb')
const PouchDB = require('pouchdb-node').plugin(require('pouchdb-adapter-memory'))

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5984' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.hub' },
    memory: { type: 'boolean', default: false },
    admin: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
  },
})

const memory = values.memory
const data = resolve(values.data)
if (!memory) mkdirSync(data, { recursive: true })
const Store = memory ? PouchDB.defaults({ adapter: 'memory' }) : PouchDB.defaults({ prefix: `${data}/` })
const api = expressPouchDB(Store, {
  mode: 'fullCouchDB',
  ...(memory ? { inMemoryConfig: true, logPath: join(tmpdir(), `pace-hub-${process.pid}.log`) } : { configPath: join(data, 'config.json'), logPath: join(data, 'log.txt') }),
})

/** The server admin: the one given, else (first start on this data) "admin" with a random password. */
async function ensureAdmin() {
  // Session cookies are signed with this secret: kept in the data folder, so a restart does not sign everyone out
  // (express-pouchdb would draw a new one on every start; CouchDB keeps its own in its ini file).
  if (api.couchConfig._config.couch_httpd_auth?.secret === undefined) {
    await new Promise((done) => api.couchConfig.set('couch_httpd_auth', 'secret', randomBytes(16).toString('hex'), done))
  }
  const admins = api.couchConfig.getSection('admins') ?? {}
  const [name, password] = values.admin ? values.admin.split(/:(.*)/s) : []
  if (name && password) {
    if (!admins[name]) await new Promise((done) => api.couchConfig.set('admins', name, password, done))
    return
  }
  if (Object.keys(admins).length > 0) return
  const generated = randomBytes(12).toString('base64url')
  await new Promise((done) => api.couchConfig.set('admins', 'admin', generated, done))
  console.log(`hub: server admin "admin", password ${generated} (shown once; kept hashed in ${memory ? 'memory' : join(data, 'config.json')})`)
}

/**
 * Creating or deleting a database is for server admins, as in CouchDB. express-pouchdb 4.2 crashes the whole
 * process when anyone else tries (pouchdb-server#359), so the hub answers those itself, as CouchDB does.
 */
function adminsOnlyForDatabases(base) {
  return async (req, res, next) => {
    if ((req.method !== 'PUT' && req.method !== 'DELETE') || !/^\/[a-z][^/]*\/?$/.test(req.path)) return next()
    const session = await fetch(`${base()}/db/_session`, { headers: { authorization: req.headers.authorization ?? '', cookie: req.headers.cookie ?? '' } })
    const { userCtx } = session.ok ? await session.json() : { userCtx: { roles: [] } }
    if (userCtx.roles.includes('_admin')) return next()
    res.status(userCtx.name ? 403 : 401).json({ error: userCtx.name ? 'forbidden' : 'unauthorized', reason: 'You are not a server admin.' })
  }
}

/**
 * CouchDB filters a changes feed by a Mango selector sent in the body (`POST _changes?filter=_selector`), as
 * PouchDB's replicator does for a selector-filtered replication; express-pouchdb 4.2 reads only `doc_ids` from the
 * body, so it would hand out every document. The selector is passed on to PouchDB, which applies it.
 */
function changesBySelector() {
  const json = express.json({ limit: '1mb' })
  return (req, res, next) => {
    if (req.method !== 'POST' || req.query.filter !== '_selector' || !/^\/[^/]+\/_changes\/?$/.test(req.path)) return next()
    json(req, res, (error) => {
      if (error) return next(error)
      if (req.body && typeof req.body.selector === 'object') req.query.selector = req.body.selector
      next()
    })
  }
}

/** Evidence files are served from /db/ (an attachment as its stored type): never as a page that could run script. */
function inert(_req, res, next) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'")
  next()
}

const app = express()
app.disable('x-powered-by')
app.use('/db', inert)
app.use('/db', adminsOnlyForDatabases(() => `http://${values.host}:${server.address().port}`))
app.use('/db', changesBySelector())
app.use('/db', api)
const dist = resolve(values.dist)
if (existsSync(dist)) app.use(express.static(dist, { index: 'index.html' }))
else console.warn(`hub: no ${values.dist}/ to serve (run \`npm run build\`); serving the database only`)

await ensureAdmin()
const server = app.listen(Number(values.port), values.host, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : values.port
  console.log(`hub listening on http://${values.host}:${port}/ (database API at /db/)`)
})
// Live changes feeds (every signed-in device holds one) would keep close() waiting: end them too.
const stop = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

/**
 * pouchdb-validation 4 (express-pouchdb's validate_doc_update) replaces every incoming document's `_revisions` with
 * the stored version's before storing it. For a replicated write (new_edits=false) that throws the incoming history
 * away: the update is answered as written and silently lost (found by the sharing e2e tests; Apache CouchDB keeps
 * it). Loaded here with that one line fixed, before express-pouchdb requires it; it refuses to start if the line
 * is not there, so an upgrade of the package is checked again.
 */
function patchValidation() {
  const path = require.resolve('pouchdb-validation', { paths: [dirname(require.resolve('express-pouchdb'))] })
  const source = readFileSync(path, 'utf8')
  const line = 'newDoc._revisions = (oldDoc || {})._revisions;'
  if (!source.includes(line)) throw new Error(`hub: ${path} has changed; check whether its _revisions bug is still there`)
  const patched = new Module(path)
  patched.filename = path
  // @ts-expect-error Node's internal module path lookup, as require itself uses it
  patched.paths = Module._nodeModulePaths(dirname(path))
  // @ts-expect-error compiling source in place of the file, as require would
  patched._compile(source.replace(line, 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;'), path)
  patched.loaded = true
  require.cache[path] = patched
}
