import Dexie, { type Table } from 'dexie'
import type { Id } from '@/domain'
import type { CommitmentRecord, EntryRecord, ReviewRecord, SectionRecord } from './records'

/** Where rows are read from: the database, or a transaction (whose tables are bound to it). */
export interface RowSource {
  table<T, K>(name: string): Table<T, K>
}

/** The rows that are not tombstones. */
export const live = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((row) => row.deletedAt === null)

/** The live sections and commitments of one plan (commitments in plan order). */
export async function planRows(source: RowSource, planId: Id) {
  const [sections, commitments] = await Promise.all([
    source.table<SectionRecord, Id>('sections').where('planId').equals(planId).toArray().then(live),
    source.table<CommitmentRecord, Id>('commitments').where('planId').equals(planId).toArray().then(live),
  ])
  commitments.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  return { sections, commitments }
}

/** The live entries that count toward any of these commitments (each once). */
export async function entriesOf(source: RowSource, commitmentIds: readonly Id[]): Promise<EntryRecord[]> {
  if (commitmentIds.length === 0) return []
  return live(await source.table<EntryRecord, Id>('entries').where('commitmentIds').anyOf([...commitmentIds]).distinct().toArray())
}

/** Who "my" entries are by: an entry's person when it names one, else the name that wrote it. */
export interface EntryAuthorKey {
  personId: Id | null
  name: string
}

/** How many of a person's or a writer's latest entries "recent" looks among. */
export const RECENT_SCAN = 200

/**
 * The latest `limit` live entries of these commitments logged by `mine`, newest written first (then the latest
 * dated), among the last RECENT_SCAN written under that person and under that name: read backwards along the
 * entries' [personId+updatedAt] and [updatedBy+updatedAt] indexes, so the cost is bounded whatever the table holds
 * (a plan keeper who batch-enters everyone's entries writes many that are not theirs).
 */
export async function recentEntries(source: RowSource, commitmentIds: readonly Id[], mine: EntryAuthorKey, limit: number): Promise<EntryRecord[]> {
  const wanted = new Set(commitmentIds)
  if (wanted.size === 0 || limit <= 0) return []
  const table = source.table<EntryRecord, Id>('entries')
  const counts = (e: EntryRecord) => e.deletedAt === null && e.commitmentIds.some((id) => wanted.has(id))
  const newest = (index: string, key: string) => table.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]).reverse().limit(RECENT_SCAN).toArray()
  const [byPerson, byWriter] = await Promise.all([
    mine.personId === null ? [] : newest('[personId+updatedAt]', mine.personId).then((rows) => rows.filter(counts)),
    newest('[updatedBy+updatedAt]', mine.name).then((rows) => rows.filter((e) => e.personId === null && counts(e))),
  ])
  return [...byPerson, ...byWriter].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.date.localeCompare(a.date)).slice(0, limit)
}

/** The live sections, commitments and entries of one plan. */
export async function planContents(source: RowSource, planId: Id) {
  const { sections, commitments } = await planRows(source, planId)
  return { sections, commitments, entries: await entriesOf(source, commitments.map((c) => c.id)) }
}

/** The live reviews of one plan, the latest period first (then the latest written). */
export async function planReviews(source: RowSource, planId: Id) {
  const reviews = live(await source.table<ReviewRecord, Id>('reviews').where('planId').equals(planId).toArray())
  return reviews.sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.updatedAt.localeCompare(a.updatedAt))
}
