import type { Commitment, Id } from './model'

/** Whose commitments a list shows: the user's own (leader or responsible person), their department's, or all. */
export type CommitmentScope = 'mine' | 'department' | 'all'

export interface Viewer {
  personId: Id | null
  departmentId: Id | null
}

export function inScope(commitment: Commitment, viewer: Viewer, scope: CommitmentScope): boolean {
  if (scope === 'all') return true
  if (scope === 'mine') return viewer.personId !== null && (commitment.ownerId === viewer.personId || commitment.leaderId === viewer.personId)
  const dept = viewer.departmentId
  return dept !== null && (commitment.leadDepartmentId === dept || commitment.coDepartmentIds.includes(dept))
}

/** The narrowest scope that shows something: a person's own list first, then their department's, else all. */
export function defaultScope(commitments: readonly Commitment[], viewer: Viewer): CommitmentScope {
  if (commitments.some((c) => inScope(c, viewer, 'mine'))) return 'mine'
  if (commitments.some((c) => inScope(c, viewer, 'department'))) return 'department'
  return 'all'
}

/** Matches a search typed by the user against the title, ignoring case and spaces. */
export function matchesSearch(title: string, query: string): boolean {
  const normal = (text: string) => text.toLowerCase().replace(/\s+/g, '')
  return normal(title).includes(normal(query))
}
