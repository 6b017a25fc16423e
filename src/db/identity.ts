import * as v from 'valibot'
import type { PaceDatabase } from './database'
import { StorageError, toStorageError } from './errors'

/** The person using this browser: named on first run, stamped on every write. */
export interface Identity {
  name: string
  departmentId: string | null
}

const IDENTITY_KEY = 'identity'
const identitySchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('required'), v.maxLength(40, 'invalid')),
  departmentId: v.nullable(v.string()),
})

/** The stored identity, or null on first run (or if what is stored is unreadable: the user names themself again). */
export async function getIdentity(db: PaceDatabase): Promise<Identity | null> {
  const row = await db.settings.get(IDENTITY_KEY)
  const parsed = v.safeParse(identitySchema, row?.value)
  return parsed.success ? parsed.output : null
}

export async function setIdentity(db: PaceDatabase, identity: Identity): Promise<Identity> {
  const parsed = v.safeParse(identitySchema, identity)
  if (!parsed.success) throw new StorageError('invalid', [{ path: 'name', code: parsed.issues[0]?.message === 'invalid' ? 'invalid' : 'required' }])
  try {
    await db.settings.put({ key: IDENTITY_KEY, value: parsed.output })
  } catch (error) {
    throw toStorageError(error)
  }
  return parsed.output
}
