import { isCalendarDate, type CalendarDate } from '../calendar'
import type { Commitment, Id, Section } from '../model'
import { sectionSubtree } from '../outline'
import { STATUSES, type Evaluation, type Status } from '../progress/types'

/**
 * What the dashboard shows: a plan as of a date, narrowed by section (with its sub-sections), department (lead or
 * co-operating), person (responsible person or leader) and status. Null means "not narrowed" (for `asOf`: the
 * plan's default date). Filters live in the URL so a view can be bookmarked and shared.
 */
export interface DashboardFilters {
  planId: Id | null
  asOf: CalendarDate | null
  sectionId: Id | null
  departmentId: Id | null
  personId: Id | null
  status: Status | null
}

export const NO_FILTERS: DashboardFilters = { planId: null, asOf: null, sectionId: null, departmentId: null, personId: null, status: null }

/** URL query key of each filter. */
const QUERY_KEYS: Record<keyof DashboardFilters, string> = {
  planId: 'plan',
  asOf: 'asOf',
  sectionId: 'section',
  departmentId: 'department',
  personId: 'person',
  status: 'status',
}

type QueryValue = string | null | undefined | readonly (string | null)[]

function single(value: QueryValue): string | null {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null
}

/** Filters from a URL query; anything malformed (a bad date, an unknown status) reads as "not narrowed". */
export function parseFilters(query: Readonly<Record<string, QueryValue>>): DashboardFilters {
  const read = (key: keyof DashboardFilters) => single(query[QUERY_KEYS[key]])
  const asOf = read('asOf')
  const status = read('status')
  return {
    planId: read('planId'),
    asOf: asOf !== null && isCalendarDate(asOf) ? asOf : null,
    sectionId: read('sectionId'),
    departmentId: read('departmentId'),
    personId: read('personId'),
    status: status !== null && (STATUSES as readonly string[]).includes(status) ? (status as Status) : null,
  }
}

/** The URL query of some filters: only those that narrow, so an unfiltered view has a short URL. */
export function filtersToQuery(filters: DashboardFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of Object.keys(QUERY_KEYS) as (keyof DashboardFilters)[]) {
    const value = filters[key]
    if (value !== null) query[QUERY_KEYS[key]] = value
  }
  return query
}

/** The commitments that pass every filter except the plan and date, in their order. */
export function selectCommitments<C extends Commitment>(
  commitments: readonly C[],
  evaluations: ReadonlyMap<Id, Evaluation>,
  sections: readonly Section[],
  filters: DashboardFilters,
): C[] {
  const inSection = filters.sectionId === null ? null : sectionSubtree(sections, filters.sectionId)
  const { departmentId, personId, status } = filters
  return commitments.filter(
    (c) =>
      (inSection === null || (c.sectionId !== null && inSection.has(c.sectionId))) &&
      (departmentId === null || c.leadDepartmentId === departmentId || c.coDepartmentIds.includes(departmentId)) &&
      (personId === null || c.ownerId === personId || c.leaderId === personId) &&
      (status === null || evaluations.get(c.id)?.status === status),
  )
}

/** How bad a status is, worst first: what the dashboard sorts by. */
export const STATUS_SEVERITY: Record<Status, number> = { missed: 0, behind: 1, at_risk: 2, not_started: 3, on_track: 4, achieved: 5 }

/** Worst first: by status, then by the gap to 序时进度 (furthest behind first), then by title. */
export function worstFirst<C extends Commitment>(commitments: readonly C[], evaluations: ReadonlyMap<Id, Evaluation>): C[] {
  const rank = (c: C) => {
    const e = evaluations.get(c.id)
    return e ? [STATUS_SEVERITY[e.status], e.gapPoints ?? 0] : [Number.POSITIVE_INFINITY, 0]
  }
  return [...commitments].sort((a, b) => {
    const [sa, ga] = rank(a)
    const [sb, gb] = rank(b)
    return sa! - sb! || ga! - gb! || a.title.localeCompare(b.title, 'zh-CN') || a.id.localeCompare(b.id)
  })
}
