import {
  buildExample,
  copyPlan,
  sectionSubtree,
  type CalendarDate,
  type DateWindow,
  type Id,
} from '@/domain'
import { StorageError } from './errors'
import { newId } from './ids'
import type { PaceStorage } from './index'
import type { CommitmentRecord, DepartmentRecord, EntryRecord, PersonRecord, SectionRecord } from './records'
import { entriesOf, live, planContents, planReviews, planRows, type RowSource } from './plan-rows'
import { EXAMPLE_KEY, getExample, type ExampleRecord } from './example-record'
import type { Change, RowRemoval, RowWrite, Writer } from './write'

/**
 * Whole-plan operations. Each is one batch whose change is worked out from the stored rows inside its own
 * transaction (`storage.write` with a function), so what was read is what is written over.
 */


/**
 * Removing commitments takes their entries with them; an entry that also counts toward a commitment that stays
 * keeps that one and loses the others.
 */
function entryChanges(entries: EntryRecord[], removed: Set<Id>): { writes: RowWrite[]; removals: RowRemoval[] } {
  const writes: RowWrite[] = []
  const removals: RowRemoval[] = []
  for (const entry of entries) {
    const kept = entry.commitmentIds.filter((id) => !removed.has(id))
    if (kept.length === entry.commitmentIds.length) continue
    if (kept.length === 0) removals.push({ table: 'entries', id: entry.id })
    else writes.push({ table: 'entries', row: { ...entry, commitmentIds: kept } })
  }
  return { writes, removals }
}

/** Removes commitments with their entries in one batch. Returns the batch id (for undo). */
export function removeCommitments(storage: PaceStorage, commitments: CommitmentRecord[], writer: Writer): Promise<Id> {
  const removed = new Set(commitments.map((c) => c.id))
  return storage.write(async ({ tx }) => {
    const { writes, removals } = entryChanges(await entriesOf(tx, [...removed]), removed)
    return { writes, removals: [...commitments.map((c) => ({ table: 'commitments' as const, id: c.id })), ...removals] }
  }, writer)
}

/** Removes a section, the sections below it, and their commitments and entries, in one batch. */
export function removeSection(storage: PaceStorage, section: SectionRecord, writer: Writer): Promise<Id> {
  return storage.write(async ({ tx }) => {
    const { sections, commitments } = await planRows(tx, section.planId)
    const subtree = sectionSubtree(sections, section.id)
    const gone = commitments.filter((c) => c.sectionId !== null && subtree.has(c.sectionId))
    // The entries of the commitments going only, from their index: not the whole plan's.
    const { writes, removals } = entryChanges(await entriesOf(tx, gone.map((c) => c.id)), new Set(gone.map((c) => c.id)))
    return {
      writes,
      removals: [...[...subtree].map((id) => ({ table: 'sections' as const, id })), ...gone.map((c) => ({ table: 'commitments' as const, id: c.id })), ...removals],
    }
  }, writer)
}

/** The removal of a plan with everything in it (its reviews too), worked out from `source`. */
async function planRemoval(source: RowSource, planId: Id): Promise<Change> {
  const { sections, commitments, entries } = await planContents(source, planId)
  const reviews = await planReviews(source, planId)
  const { writes, removals } = entryChanges(entries, new Set(commitments.map((c) => c.id)))
  return {
    writes,
    removals: [
      { table: 'plans', id: planId },
      ...sections.map((s) => ({ table: 'sections' as const, id: s.id })),
      ...commitments.map((c) => ({ table: 'commitments' as const, id: c.id })),
      ...reviews.map((r) => ({ table: 'reviews' as const, id: r.id })),
      ...removals,
    ],
  }
}

/** Removes a plan with everything in it (its reviews too), in one batch. */
export function removePlan(storage: PaceStorage, planId: Id, writer: Writer): Promise<Id> {
  return storage.write(({ tx }) => planRemoval(tx, planId), writer)
}

/** Next year's plan from this one: structure and targets, a new window, no entries. Returns the new plan's id. */
export async function copyPlanTo(storage: PaceStorage, planId: Id, window: DateWindow, writer: Writer): Promise<Id> {
  let copyId: Id | null = null
  await storage.write(async ({ tx, stored }) => {
    const plan = await stored('plans', planId)
    if (!plan) throw new StorageError('notFound')
    const copy = copyPlan({ plan, ...(await planRows(tx, planId)) }, window, newId)
    copyId = copy.plan.id
    return {
      writes: [
        { table: 'plans', row: copy.plan },
        ...copy.sections.map((row) => ({ table: 'sections' as const, row })),
        ...copy.commitments.map((row) => ({ table: 'commitments' as const, row })),
      ],
    }
  }, writer)
  return copyId!
}

/**
 * Loads the example plan with entries up to `asOf`, and its record (which plan is the example), in one batch:
 * undo takes both away. Departments already in the list by the same name are used, not duplicated. Its people
 * are always its own (they are fictional): someone of this office called 李明 is not the example's 李明.
 * Returns the example plan's id.
 */
export async function loadExample(storage: PaceStorage, asOf: CalendarDate, writer: Writer): Promise<Id> {
  const example = buildExample(asOf, newId)
  await storage.write(async ({ tx }) => {
    const departments = live(await tx.table<DepartmentRecord, Id>('departments').toArray())
    const departmentIds = new Map(example.departments.map((d) => [d.id, departments.find((x) => x.name === d.name)?.id ?? d.id]))
    const dept = (id: Id | null) => (id === null ? null : (departmentIds.get(id) ?? id))
    const newDepartments = example.departments.filter((d) => departmentIds.get(d.id) === d.id)
    const record: ExampleRecord = { planId: example.plan.id, departmentIds: newDepartments.map((d) => d.id), personIds: example.people.map((p) => p.id), asOf }
    return {
      writes: [
        ...newDepartments.map((row) => ({ table: 'departments' as const, row })),
        ...example.people.map((row) => ({ table: 'people' as const, row: { ...row, departmentId: dept(row.departmentId) } })),
        { table: 'plans', row: example.plan },
        ...example.sections.map((row) => ({ table: 'sections' as const, row })),
        ...example.commitments.map((row) => ({
          table: 'commitments' as const,
          row: { ...row, leadDepartmentId: dept(row.leadDepartmentId), coDepartmentIds: row.coDepartmentIds.map((id) => dept(id)!) },
        })),
        ...example.entries.map((row) => ({ table: 'entries' as const, row: { ...row, departmentId: dept(row.departmentId) } })),
      ] satisfies RowWrite[],
      settings: [{ key: EXAMPLE_KEY, value: record }],
    }
  }, writer)
  return example.plan.id
}

/**
 * Removes the example in one batch: its plan with everything in it, the departments and people it brought that
 * nothing outside the example refers to, and its record (so undo brings back the example as the example).
 * Returns the batch id; refused as notFound when there is no example.
 */
export function removeExample(storage: PaceStorage, writer: Writer): Promise<Id> {
  return storage.write(async ({ tx }) => {
    const example = await getExample(tx)
    if (!example) throw new StorageError('notFound')
    const all = <T extends { deletedAt: string | null }>(name: string) => tx.table<T, Id>(name).toArray().then(live)
    const [commitments, people, entries] = await Promise.all([all<CommitmentRecord>('commitments'), all<PersonRecord>('people'), all<EntryRecord>('entries')])
    const others = commitments.filter((c) => c.planId !== example.planId)
    const exampleCommitments = new Set(commitments.filter((c) => c.planId === example.planId).map((c) => c.id))
    const otherEntries = entries.filter((e) => e.commitmentIds.some((id) => !exampleCommitments.has(id)))
    const usedPeople = new Set(others.flatMap((c) => [c.leaderId, c.ownerId]).concat(otherEntries.map((e) => e.personId)))
    const keptPeople = people.filter((p) => !example.personIds.includes(p.id) || usedPeople.has(p.id))
    const usedDepartments = new Set(
      others.flatMap((c) => [c.leadDepartmentId, ...c.coDepartmentIds]).concat(otherEntries.map((e) => e.departmentId), keptPeople.map((p) => p.departmentId)),
    )
    const extra: RowRemoval[] = [
      ...example.personIds.filter((id) => !usedPeople.has(id)).map((id) => ({ table: 'people' as const, id })),
      ...example.departmentIds.filter((id) => !usedDepartments.has(id)).map((id) => ({ table: 'departments' as const, id })),
    ]
    const plan = await planRemoval(tx, example.planId)
    return { writes: plan.writes, removals: [...(plan.removals ?? []), ...extra], settings: [{ key: EXAMPLE_KEY, value: null }] }
  }, writer)
}
