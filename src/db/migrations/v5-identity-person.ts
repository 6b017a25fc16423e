import type { Transaction } from 'dexie'

/**
 * Schema v5: the identity names a person row by id instead of holding a name. Up to v4 it was `{ name,
 * departmentId }`, and "mine" was matched by name, which broke on a rename and on two people of one name.
 */

interface LegacyIdentity {
  name: string
  departmentId: string | null
}

interface PersonLike {
  id: string
  name: string
  departmentId: string | null
  deletedAt: string | null
}

/** The person a v4 identity meant, or the person row to create for it. Pure: the upgrade below applies it. */
export function identityPersonV5(
  legacy: LegacyIdentity,
  people: readonly PersonLike[],
  excluded: ReadonlySet<string>,
): { personId: string } | { create: { name: string; departmentId: string | null } } {
  const named = people.filter((p) => p.deletedAt === null && p.name === legacy.name && !excluded.has(p.id))
  const match = named.find((p) => p.departmentId === legacy.departmentId) ?? named[0]
  return match ? { personId: match.id } : { create: { name: legacy.name, departmentId: legacy.departmentId } }
}

export const isLegacyIdentity = (value: unknown): value is LegacyIdentity =>
  !!value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' && !('personId' in value)

/** Schema v5's upgrade: a v4 identity (a name) becomes the id of the person it meant, created if there is none. */
export async function upgradeIdentityToV5(tx: Transaction, newId: () => string, now = new Date()): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings')
  const row = await settings.get('identity')
  if (!isLegacyIdentity(row?.value)) return
  const people = tx.table<PersonLike & Record<string, unknown>, string>('people')
  const example = (await settings.get('example'))?.value as { personIds?: unknown } | undefined
  const excluded = new Set(Array.isArray(example?.personIds) ? (example.personIds as string[]) : [])
  const found = identityPersonV5(row.value, await people.toArray(), excluded)
  let personId: string
  if ('personId' in found) personId = found.personId
  else {
    personId = newId()
    await people.add({ id: personId, ...found.create, updatedAt: now.toISOString(), updatedBy: found.create.name, deletedAt: null })
  }
  await settings.put({ key: 'identity', value: { personId } })
}
