import {
  buildExample,
  copyPlan,
  sectionSubtree,
  type CalendarDate,
  type DateWindow,
  type Id,
} from '@/domain'
import { newId } from './ids'
import type { createStorage } from './index'
import type { CommitmentRecord, EntryRecord, SectionRecord } from './records'
import type { RowRemoval, RowWrite } from './batch'
import { live, planReviews, planRows } from './plan-rows'
import { EXAMPLE_KEY, getExample, type ExampleRecord } from './example-record'
import type { Writer } from './repository'

type Storage = ReturnType<typeof createStorage>

/** The live sections, commitments and entries of one plan. */
export async function planContents(storage: Storage, planId: Id) {
  const { db } = storage
  const { sections, commitments } = await planRows(db, planId)
  const ids = commitments.map((c) => c.id)
  const entries = ids.length === 0 ? [] : live(await db.entries.where('commitmentIds').anyOf(ids).distinct().toArray())
  return { sections, commitments, entries }
}

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
export async function removeCommitments(storage: Storage, commitments: CommitmentRecord[], writer: Writer): Promise<Id> {
  const removed = new Set(commitments.map((c) => c.id))
  const entries = removed.size === 0 ? [] : live(await storage.db.entries.where('commitmentIds').anyOf([...removed]).distinct().toArray())
  const { writes, removals } = entryChanges(entries, removed)
  return storage.write({ writes, removals: [...commitments.map((c) => ({ table: 'commitments' as const, id: c.id })), ...removals] }, writer)
}

/** Removes a section, the sections below it, and their commitments and entries, in one batch. */
export async function removeSection(storage: Storage, section: SectionRecord, writer: Writer): Promise<Id> {
  const { sections, commitments, entries } = await planContents(storage, section.planId)
  const subtree = sectionSubtree(sections, section.id)
  const gone = commitments.filter((c) => c.sectionId !== null && subtree.has(c.sectionId))
  const { writes, removals } = entryChanges(entries, new Set(gone.map((c) => c.id)))
  return storage.write(
    {
      writes,
      removals: [
        ...[...subtree].map((id) => ({ table: 'sections' as const, id })),
        ...gone.map((c) => ({ table: 'commitments' as const, id: c.id })),
        ...removals,
      ],
    },
    writer,
  )
}

/** Removes a plan with everything in it (its reviews too), in one batch. */
export async function removePlan(storage: Storage, planId: Id, writer: Writer, extra: RowRemoval[] = []): Promise<Id> {
  const { sections, commitments, entries } = await planContents(storage, planId)
  const reviews = await planReviews(storage.db, planId)
  const { writes, removals } = entryChanges(entries, new Set(commitments.map((c) => c.id)))
  return storage.write(
    {
      writes,
      removals: [
        { table: 'plans', id: planId },
        ...sections.map((s) => ({ table: 'sections' as const, id: s.id })),
        ...commitments.map((c) => ({ table: 'commitments' as const, id: c.id })),
        ...reviews.map((r) => ({ table: 'reviews' as const, id: r.id })),
        ...removals,
        ...extra,
      ],
    },
    writer,
  )
}

/** Next year's plan from this one: structure and targets, a new window, no entries. Returns the new plan's id. */
export async function copyPlanTo(storage: Storage, planId: Id, window: DateWindow, writer: Writer): Promise<Id> {
  const plan = await storage.plans.get(planId)
  if (!plan) throw new Error(`plan ${planId} not found`)
  const { sections, commitments } = await planContents(storage, planId)
  const copy = copyPlan({ plan, sections, commitments }, window, newId)
  await storage.write(
    {
      writes: [
        { table: 'plans', row: copy.plan },
        ...copy.sections.map((row) => ({ table: 'sections' as const, row })),
        ...copy.commitments.map((row) => ({ table: 'commitments' as const, row })),
      ],
    },
    writer,
  )
  return copy.plan.id
}

/**
 * Loads the example plan with entries up to `asOf`. Departments and people already in the list by the same name
 * are used, not duplicated. Returns the example plan's id.
 */
export async function loadExample(storage: Storage, asOf: CalendarDate, writer: Writer): Promise<Id> {
  const example = buildExample(asOf, newId)
  const [departments, people] = await Promise.all([storage.departments.list(), storage.people.list()])
  const departmentIds = new Map(example.departments.map((d) => [d.id, departments.find((x) => x.name === d.name)?.id ?? d.id]))
  const personIds = new Map(example.people.map((p) => [p.id, people.find((x) => x.name === p.name)?.id ?? p.id]))
  const dept = (id: Id | null) => (id === null ? null : (departmentIds.get(id) ?? id))
  const person = (id: Id | null) => (id === null ? null : (personIds.get(id) ?? id))
  const newDepartments = example.departments.filter((d) => departmentIds.get(d.id) === d.id)
  const newPeople = example.people.filter((p) => personIds.get(p.id) === p.id)
  await storage.write(
    {
      writes: [
        ...newDepartments.map((row) => ({ table: 'departments' as const, row })),
        ...newPeople.map((row) => ({ table: 'people' as const, row: { ...row, departmentId: dept(row.departmentId) } })),
        { table: 'plans', row: example.plan },
        ...example.sections.map((row) => ({ table: 'sections' as const, row })),
        ...example.commitments.map((row) => ({
          table: 'commitments' as const,
          row: { ...row, leadDepartmentId: dept(row.leadDepartmentId), coDepartmentIds: row.coDepartmentIds.map((id) => dept(id)!), leaderId: person(row.leaderId), ownerId: person(row.ownerId) },
        })),
        ...example.entries.map((row) => ({ table: 'entries' as const, row: { ...row, departmentId: dept(row.departmentId), personId: person(row.personId) } })),
      ],
    },
    writer,
  )
  const record: ExampleRecord = { planId: example.plan.id, departmentIds: newDepartments.map((d) => d.id), personIds: newPeople.map((p) => p.id), asOf }
  await storage.db.settings.put({ key: EXAMPLE_KEY, value: record })
  return example.plan.id
}

/**
 * Removes the example in one step: its plan with everything in it, and the departments and people it brought
 * that nothing outside the example refers to.
 */
export async function removeExample(storage: Storage, writer: Writer): Promise<Id | null> {
  const example = await getExample(storage)
  if (!example) return null
  const [commitments, people, entries] = await Promise.all([storage.commitments.list(), storage.people.list(), storage.entries.list()])
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
  const batch = await removePlan(storage, example.planId, writer, extra)
  await storage.db.settings.delete(EXAMPLE_KEY)
  return batch
}
