import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { startCouch, type Couch, type HubOptions } from '../../contract/hub'
import { setUpSharing } from '../../../scripts/sharing/setup.mjs'

/** The office of the sharing tests: a plan keeper, a member of staff and a leader, each with a password. */
export const OFFICE = [
  { name: '王芳', department: '办公室', role: 'keeper', password: 'keeper-pass-1' },
  { name: '张三', department: '办公室', role: 'staff', password: 'staff-pass-1' },
  { name: '李局长', department: '局领导', role: 'leader', password: 'leader-pass-1' },
] as const
export type Member = (typeof OFFICE)[number]

export type OfficeHub = Couch & { origin: string }

/** The dev hub serving the built app and the database on one origin (a free port unless given), set up for OFFICE. */
export async function startOfficeHub(options: Omit<HubOptions, 'dist' | 'useGiven'> & { setUp?: boolean } = {}): Promise<OfficeHub> {
  const couch = await startCouch({ ...options, dist: 'dist', useGiven: false })
  // Setting up again would set the passwords again, and a new password ends its account's sessions.
  if (options.setUp !== false) await setUpSharing(couch, 'pace', OFFICE.map((m) => ({ ...m })))
  return { ...couch, origin: couch.api.replace(/\/db$/, '') }
}

const adminAuth = (hub: OfficeHub) => `Basic ${Buffer.from(`${hub.admin.name}:${hub.admin.password}`).toString('base64')}`

/** The rows of the dataset on the hub, counted by table (design documents left out). */
export async function hubCounts(hub: OfficeHub): Promise<Record<string, number>> {
  const response = await fetch(`${hub.api}/pace/_all_docs`, { headers: { authorization: adminAuth(hub) } })
  const { rows } = (await response.json()) as { rows: { id: string }[] }
  const counts: Record<string, number> = {}
  for (const { id } of rows) if (!id.startsWith('_design/')) counts[id.split(':')[0]!] = (counts[id.split(':')[0]!] ?? 0) + 1
  return counts
}

/** The server's administrator gives an account other roles (its `_users` document). */
export async function setRoles(hub: OfficeHub, name: string, roles: string[]) {
  const url = `${hub.api}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`
  const user = (await (await fetch(url, { headers: { authorization: adminAuth(hub) } })).json()) as Record<string, unknown>
  const saved = await fetch(url, { method: 'PUT', headers: { authorization: adminAuth(hub), 'content-type': 'application/json' }, body: JSON.stringify({ ...user, roles }) })
  expect(saved.status).toBe(201)
}

/** The commitments' titles as the hub holds them. */
export async function hubTitles(hub: OfficeHub): Promise<string[]> {
  const response = await fetch(`${hub.api}/pace/_all_docs?include_docs=true&startkey="commitments:"&endkey="commitments:\uffff"`, { headers: { authorization: adminAuth(hub) } })
  const { rows } = (await response.json()) as { rows: { doc: { title: string } }[] }
  return rows.map((row) => row.doc.title)
}

/** A new browser profile (its own IndexedDB) for one person, at phone or desktop width. */
export async function personContext(browser: Browser, phone = false): Promise<BrowserContext> {
  return browser.newContext(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {})
}

/** Opens the app on a new device and signs in from the first-run dialog; resolves once the first pull is done. */
export async function signInFromFirstRun(page: Page, origin: string, member: Member) {
  await page.goto(`${origin}/#/`)
  const dialog = page.getByTestId('identity-dialog')
  await dialog.getByTestId('identity-use-account').click()
  await dialog.getByTestId('sharing-name').fill(member.name)
  await dialog.getByTestId('sharing-password').fill(member.password)
  await dialog.getByTestId('sharing-sign-in-button').click()
  await expect(dialog).toBeHidden({ timeout: 60_000 })
}

/** Waits until Settings says everything is at the hub. */
export async function waitSynced(page: Page) {
  await page.goto(`${new URL(page.url()).origin}/#/settings`)
  await expect(page.getByTestId('sharing-status')).toHaveAttribute('data-state', 'synced', { timeout: 60_000 })
}
