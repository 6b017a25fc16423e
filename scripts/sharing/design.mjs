// The design document that makes the hub (Apache CouchDB or the dev hub) refuse what a role may not do (#16), so a
// hand-made HTTP request cannot do what the UI hides. A row of table T with id I is the document `T:I`, carrying
// `table` and the row's fields; `updatedBy` must be the signed-in user. Roles:
//   keeper (管理员/台账员)  plans, sections, commitments, departments, people, reviews, and any entry
//   staff  (工作人员)       entries only, and only their own (`owner`, set on creation, never changes)
//   leader (领导)           reads everything; writes a review's notes, attendees, decisions and meeting date
// Anyone signed in may add themself to the people list (a new person of their own name): signing in on a device
// whose directory lacks them does. src/domain/roles.ts states the same rules for the app.
// For everyone: audit records are append-only, a frozen review's snapshot never changes, rows are removed as
// tombstones (`deletedAt`), never by CouchDB deletion (only a server admin may).
// Evidence (#17): an attachment's document may carry its thumbnail (an image) as a CouchDB attachment; the file
// itself is `files:<attachment id>`, one attachment named `file`, written once, by whoever may write the
// attachment. Only the types Pace stores are accepted (images, PDF, Word, Excel): never markup a browser would
// run when the file is opened from this origin.
//
// The function runs inside CouchDB, so it is plain JavaScript with no outside names; `toString` sends it as is.

/**
 * @param {Record<string, any> & { _id: string }} doc  the document as it would be stored
 * @param {Record<string, any> | null} old  the stored version, if any
 * @param {{ name: string | null, roles?: string[] }} user  the signed-in user (CouchDB's userCtx)
 */
export function validateDocUpdate(doc, old, user) {
  var TABLES = ['plans', 'sections', 'commitments', 'entries', 'departments', 'people', 'reviews', 'attachments', 'files', 'audit']
  var IMAGES = ['image/jpeg', 'image/png', 'image/webp']
  var TYPES = IMAGES.concat([
    'image/gif',
    'image/heic',
    'application/pdf',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ])
  var MEETING = ['notes', 'attendees', 'decisions', 'meetingDate', 'updatedAt', 'updatedBy', '_rev', '_revisions']
  var roles = user.roles || []
  var has = function (/** @type {string} */ role) {
    return roles.indexOf(role) !== -1
  }
  var same = function (/** @type {unknown} */ a, /** @type {unknown} */ b) {
    return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b)
  }
  if (has('_admin')) return
  if (!user.name) throw { unauthorized: 'Sign in to change the shared data.' }
  if (doc._id.indexOf('_design/') === 0) throw { forbidden: 'Only a server admin changes design documents.' }
  if (doc._deleted) throw { forbidden: 'Rows are removed as tombstones (deletedAt), not deleted.' }
  if (TABLES.indexOf(doc.table) === -1 || doc._id.indexOf(doc.table + ':') !== 0) throw { forbidden: 'A document is a row: its id is table:id.' }
  if (doc.updatedBy !== user.name) throw { forbidden: 'updatedBy must be the signed-in user.' }
  var attached = Object.keys(doc._attachments || {})
  var typeOf = function (/** @type {string} */ name) {
    return String(((doc._attachments || {})[name] || {}).content_type || '')
      .replace(/;.*$/, '')
      .trim()
      .toLowerCase()
  }
  if (doc.table === 'attachments') {
    if (TYPES.indexOf(doc.mime) === -1) throw { forbidden: 'Evidence is an image, PDF, Word or Excel file.' }
    if (attached.length > 1 || (attached.length === 1 && (attached[0] !== 'thumbnail' || IMAGES.indexOf(typeOf('thumbnail')) === -1))) throw { forbidden: 'An attachment carries only its thumbnail, an image.' }
  } else if (doc.table === 'files') {
    if (old && !old._deleted) throw { forbidden: 'An evidence file is written once.' }
    if (attached.length !== 1 || attached[0] !== 'file' || TYPES.indexOf(typeOf('file')) === -1) throw { forbidden: 'Evidence is an image, PDF, Word or Excel file.' }
  } else if (attached.length > 0) throw { forbidden: 'Only evidence carries files.' }
  if (doc.table === 'audit' && old && !old._deleted) throw { forbidden: 'Audit records are never changed.' }
  if (doc.table === 'reviews' && old && old.snapshot && !same(doc.snapshot, old.snapshot)) throw { forbidden: 'A frozen review keeps its figures.' }
  if (doc.table === 'audit') return
  if (has('keeper')) return
  if (doc.table === 'people' && !old && doc.name === user.name && !doc.deletedAt) return
  if ((doc.table === 'entries' || doc.table === 'attachments' || doc.table === 'files') && has('staff')) {
    if (old && old.owner !== user.name) throw { forbidden: 'Staff change only their own entries and their evidence.' }
    if (doc.owner !== user.name) throw { forbidden: 'An entry and its evidence belong to whoever logged them.' }
    return
  }
  if (doc.table === 'reviews' && has('leader') && old) {
    for (var key in doc) if (MEETING.indexOf(key) === -1 && !same(doc[key], old[key])) throw { forbidden: 'Leaders write a review\u2019s notes and decisions only.' }
    for (var gone in old) if (MEETING.indexOf(gone) === -1 && !(gone in doc)) throw { forbidden: 'Leaders write a review\u2019s notes and decisions only.' }
    return
  }
  throw { forbidden: 'Your role may not change ' + doc.table + '.' }
}

/** The design document as stored: `_design/pace`. */
export function designDocument() {
  return { _id: '_design/pace', validate_doc_update: validateDocUpdate.toString().replace(/^export /, '') }
}

/**
 * Who may read (members), by role. No role administers the database: a database admin may rewrite the design
 * document and with it every rule, so that stays with the server admin.
 */
export const SECURITY = { admins: { names: [], roles: [] }, members: { names: [], roles: ['keeper', 'staff', 'leader'] } }

/** @type {readonly string[]} */
export const ROLES = ['keeper', 'staff', 'leader']
