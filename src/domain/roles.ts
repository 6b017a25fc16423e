/**
 * What each role of a shared dataset may change (#16), the same rules as the hub's `validate_doc_update`
 * (scripts/sharing/design.mjs; tests/unit/domain/roles.test.ts runs both on one table of cases). The hub enforces
 * them; the write path checks them first, so a change the hub would refuse is refused here, in the user's language,
 * before it is stored; the screens ask them to hide or disable what a role cannot do, and say why.
 *
 *   keeper (管理员/台账员)  plans, sections, commitments, departments, people, reviews, and any entry
 *   staff  (工作人员)       entries and their evidence only, and only their own (`owner`, the account that logged it)
 *   leader (领导)           reads everything; writes a review's notes, attendees, decisions and meeting date
 * Anyone signed in may add themself to the people list (a new person of their own name), as signing in on a
 * device whose directory lacks them does. With no role (sharing off) everything is allowed.
 */

export const ROLES = ['keeper', 'staff', 'leader'] as const
export type Role = (typeof ROLES)[number]

/** The kinds of rows the roles speak of: the shared dataset's tables. */
export type Subject = 'plans' | 'sections' | 'commitments' | 'entries' | 'departments' | 'people' | 'reviews' | 'attachments'

/** Why a role may not do something; `describeIssue` words it. */
export type RoleRefusal = 'keeperOnly' | 'ownEntriesOnly' | 'meetingOnly' | 'leadersRead'

/** The things a screen offers, by what they write. */
export type Task =
  /** plans, sections and commitments; an import; the example; copying a plan */
  | 'plan'
  /** departments and people */
  | 'directory'
  /** creating, freezing, reopening and deleting a review */
  | 'review'
  /** a review's meeting record: notes, attendees, decisions, meeting date */
  | 'meeting'
  /** logging an entry */
  | 'log'
  /** restoring or merging a backup into the shared dataset */
  | 'dataset'

/** Who writes: the signed-in account and its role; null when the dataset is not shared. */
export interface Account {
  name: string
  role: Role | null
}

const KEEPER_TASKS: readonly Task[] = ['plan', 'directory', 'review', 'dataset']

/** Why `account` may not do `task`, or null when it may. */
export function taskRefusal(account: Account | null, task: Task): RoleRefusal | null {
  const role = account?.role
  if (!role || role === 'keeper') return null
  if (KEEPER_TASKS.includes(task)) return 'keeperOnly'
  if (task === 'meeting') return role === 'leader' ? null : 'keeperOnly'
  return role === 'staff' ? null : 'leadersRead'
}

/**
 * The account that owns an entry: the one it was logged by in the shared dataset, or, for an entry this device
 * has never shared (logged here, or held before signing in), the account it will be sent as.
 */
export const entryOwner = (entry: { owner?: string }, account: Account): string => entry.owner ?? account.name

/** Why `account` may not change this entry (edit or remove), or null when it may. */
export function entryRefusal(account: Account | null, entry: { owner?: string }): RoleRefusal | null {
  if (!account?.role || account.role === 'keeper') return null
  if (account.role === 'leader') return 'leadersRead'
  return entryOwner(entry, account) === account.name ? null : 'ownEntriesOnly'
}

/** The fields of a review a leader writes; everything else of it stays as the keeper left it. */
export const MEETING_FIELDS = ['meetingDate', 'attendees', 'decisions', 'notes'] as const
const STAMP_FIELDS = ['updatedAt', 'updatedBy', 'deletedAt']

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Why `account` may not write this row (`after`, over `before` as stored, undefined when new), or null when it
 * may: the hub's rules, row by row. A removal is a write of the row with `deletedAt` set.
 */
export function rowRefusal(
  account: Account | null,
  subject: Subject,
  after: Readonly<Record<string, unknown>>,
  before: Readonly<Record<string, unknown>> | undefined,
): RoleRefusal | null {
  const role = account?.role
  if (!account || !role || role === 'keeper') return null
  if (subject === 'people' && !before && after.name === account.name && after.deletedAt == null) return null
  if (subject === 'entries' || subject === 'attachments') {
    if (role !== 'staff') return 'leadersRead'
    const owner = (row: Readonly<Record<string, unknown>>) => (typeof row.owner === 'string' ? row.owner : account.name)
    return (before && owner(before) !== account.name) || owner(after) !== account.name ? 'ownEntriesOnly' : null
  }
  if (subject === 'reviews' && role === 'leader' && before) {
    const fixed = (key: string) => !(MEETING_FIELDS as readonly string[]).includes(key) && !STAMP_FIELDS.includes(key)
    const keys = new Set([...Object.keys(after), ...Object.keys(before)].filter(fixed))
    for (const key of keys) if (!same(after[key], before[key])) return 'meetingOnly'
    return same(after.deletedAt, before.deletedAt) ? null : 'meetingOnly'
  }
  return 'keeperOnly'
}
