/**
 * Signing in to the shared dataset's server (CouchDB's `_session`, a cookie on this origin) and reading who is
 * signed in. The server is a path on this page's origin (`/db`, behind the same reverse proxy as the app), so the
 * CSP's connect-src 'self' holds and the cookie needs no CORS.
 */

import { ROLES, type Account as RoleAccount, type Role } from '@/domain'

/** A signed-in account: its name (the identity that stamps writes), its role (src/domain/roles.ts) and its department. */
export interface Account extends RoleAccount {
  department: string
}

export type SessionFailure = 'credentials' | 'unreachable' | 'noRole' | 'server'

export class SessionError extends Error {
  constructor(readonly reason: SessionFailure) {
    super(reason)
  }
}

/** The server's base path: a path on this origin, without a trailing slash. Anything else is refused. */
export function serverBase(input: string, origin: string): string | null {
  const trimmed = input.trim()
  if (!trimmed) return null
  let url: URL
  try {
    url = new URL(trimmed, origin)
  } catch {
    return null
  }
  if (url.origin !== origin || url.search || url.hash) return null
  return url.pathname.replace(/\/+$/, '') || null
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', 'content-type': 'application/json', ...init.headers } })
  } catch {
    throw new SessionError('unreachable')
  }
}

const roleOf = (roles: unknown): Role | null => (Array.isArray(roles) ? (ROLES.find((r) => roles.includes(r)) ?? null) : null)

/** The account's department, from its own user document (CouchDB lets a user read their own). */
async function departmentOf(base: string, name: string): Promise<string> {
  const response = await request(`${base}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, { method: 'GET' })
  if (!response.ok) return ''
  const doc = (await response.json()) as { department?: unknown }
  return typeof doc.department === 'string' ? doc.department : ''
}

/** Signs in; the server sets the session cookie. An account without one of Pace's roles is refused here too. */
export async function signIn(base: string, name: string, password: string): Promise<Account> {
  const response = await request(`${base}/_session`, { method: 'POST', body: JSON.stringify({ name, password }) })
  if (response.status === 401) throw new SessionError('credentials')
  if (!response.ok) throw new SessionError('server')
  const body = (await response.json()) as { name?: unknown; roles?: unknown }
  const account = typeof body.name === 'string' ? body.name : name
  const role = roleOf(body.roles)
  if (!role) {
    await signOut(base)
    throw new SessionError('noRole')
  }
  return { name: account, role, department: await departmentOf(base, account) }
}

/** Who the session cookie signs in, or null when it has expired or was never there. */
export async function currentAccount(base: string): Promise<Account | null> {
  const response = await request(`${base}/_session`, { method: 'GET' })
  if (!response.ok) throw new SessionError('server')
  const body = (await response.json()) as { userCtx?: { name?: unknown; roles?: unknown } }
  const name = body.userCtx?.name
  if (typeof name !== 'string') return null
  return { name, role: roleOf(body.userCtx?.roles), department: await departmentOf(base, name) }
}

export async function signOut(base: string): Promise<void> {
  await request(`${base}/_session`, { method: 'DELETE' })
}

/** CouchDB's rule for a database name. */
export const isDatabaseName = (name: string) => /^[a-z][a-z0-9_$()+/-]*$/.test(name)
