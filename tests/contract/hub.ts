import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'

/** A CouchDB-compatible server to test against: its database API's base URL and a server admin. */
export interface Couch {
  /** e.g. http://127.0.0.1:41234/db (the dev hub) or http://127.0.0.1:5984 (Apache CouchDB). */
  api: string
  /** The dev hub's process id (undefined for an Apache CouchDB the tests did not start). */
  pid?: number
  admin: { name: string; password: string }
  stop(): Promise<void>
}

/**
 * Apache CouchDB when PACE_COUCHDB_URL names one (http://admin:password@host:5984), else the dev hub
 * (scripts/hub.mjs, in memory, a free port) started here and stopped by its process id.
 */
export interface HubOptions {
  /** What the hub serves at / ('no-dist': nothing). */
  dist?: string
  port?: number
  /** Keep the data in this folder (to survive a restart) instead of in memory. */
  data?: string
  admin?: { name: string; password: string }
  /** Use Apache CouchDB when PACE_COUCHDB_URL names one (default); false: always the dev hub. */
  useGiven?: boolean
}

export async function startCouch({ dist = 'no-dist', port = 0, data, admin: givenAdmin, useGiven = true }: HubOptions = {}): Promise<Couch> {
  const given = useGiven ? process.env.PACE_COUCHDB_URL : undefined
  if (given) {
    const url = new URL(given)
    const admin = { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    url.username = url.password = ''
    return { api: url.href.replace(/\/$/, ''), admin, stop: async () => undefined }
  }
  const admin = givenAdmin ?? { name: 'admin', password: randomBytes(9).toString('base64url') }
  const child = spawn(process.execPath, ['scripts/hub.mjs', ...(data ? ['--data', data] : ['--memory']), '--port', String(port), '--admin', `${admin.name}:${admin.password}`, '--dist', dist], { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = once(child, 'exit')
  const origin = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /hub listening on (http:\/\/\S+?)\/ /.exec(out)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before listening: ${out}`)))
  })
  return {
    api: `${origin}/db`,
    pid: child.pid,
    admin,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      process.kill(child.pid!, 'SIGTERM')
      await exited
    },
  }
}

/** An HTTP call to the server as JSON, with Basic credentials or a session cookie. */
export async function call(
  couch: Couch,
  method: string,
  path: string,
  { body, as, cookie }: { body?: unknown; as?: { name: string; password: string }; cookie?: string } = {},
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (as) headers.authorization = `Basic ${Buffer.from(`${as.name}:${as.password}`).toString('base64')}`
  if (cookie) headers.cookie = cookie
  const response = await fetch(`${couch.api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, headers: response.headers }
}
