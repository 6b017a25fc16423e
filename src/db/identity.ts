import * as v from 'valibot'
import { validate, type Id } from '@/domain'
import { StorageError } from './errors'
import { getExample } from './example-record'
import { newId } from './ids'
import { live, type RowSource } from './plan-rows'
import type { DepartmentRecord, PersonRecord, SettingRecord } from './records'
import type { Change, WriteContext } from './write'

/**
 * The person using this browser: a row of the people list, named on first run. "Mine" is this person's id, so a
 * rename or a namesake changes nothing; entries are stamped with it and writes with their name.
 */
export interface Identity {
  personId: Id
  name: string
  departmentId: Id | null
}

export const IDENTITY_KEY = 'identity'
const storedSchema = v.object({ personId: v.string() })
/** A person's or a department's name as typed on first run: 40 characters hold any real one. */
export const IDENTITY_NAME_LIMIT = 40
const inputSchema = v.object({
  name: v.pipe(v.string('invalid'), v.trim(), v.nonEmpty('required'), v.maxLength(IDENTITY_NAME_LIMIT, 'tooLong')),
  department: v.pipe(v.string('invalid'), v.trim(), v.maxLength(IDENTITY_NAME_LIMIT, 'tooLong')),
})

/** The stored identity with its person's current name and department; null on first run or if the person is gone. */
export async function getIdentity(source: RowSource): Promise<Identity | null> {
  const row = await source.table<SettingRecord, string>('settings').get(IDENTITY_KEY)
  const parsed = v.safeParse(storedSchema, row?.value)
  if (!parsed.success) return null
  const person = await source.table<PersonRecord, Id>('people').get(parsed.output.personId)
  return person && person.deletedAt === null ? { personId: person.id, name: person.name, departmentId: person.departmentId } : null
}

/**
 * Naming yourself, as one batch: a department typed for the first time joins the list (unless `addDepartment` is
 * false: an account of a shared dataset whose role may not add one is then of no department); you are the one
 * person of that name in that department if there is exactly one (not the example's), else a new person; and the
 * identity names that person.
 */
export function identityChange(input: { name: string; department: string }, addDepartment = true): (context: WriteContext) => Promise<Change> {
  const parsed = validate(inputSchema, input)
  if (!parsed.ok) throw new StorageError('invalid', parsed.issues)
  const { name, department } = parsed.value
  return async ({ tx }) => {
    const departments = live(await tx.table<DepartmentRecord, Id>('departments').toArray())
    const existing = department ? departments.find((d) => d.name === department) : undefined
    const departmentId = existing?.id ?? (department && addDepartment ? newId() : null)
    const example = new Set((await getExample(tx))?.personIds ?? [])
    const namesakes = live(await tx.table<PersonRecord, Id>('people').where('name').equals(name).toArray()).filter(
      (p) => p.departmentId === departmentId && !example.has(p.id),
    )
    const personId = namesakes.length === 1 ? namesakes[0]!.id : newId()
    return {
      writes: [
        ...(departmentId && !existing ? [{ table: 'departments' as const, row: { id: departmentId, name: department } }] : []),
        ...(namesakes.length === 1 ? [] : [{ table: 'people' as const, row: { id: personId, name, departmentId } }]),
      ],
      settings: [{ key: IDENTITY_KEY, value: { personId } }],
    }
  }
}
