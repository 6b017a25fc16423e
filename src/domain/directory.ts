import type { Commitment, Id } from './model'

/**
 * Merging a duplicate department or person ("办公室" and "办公室 " typed twice) re-points every reference from the
 * duplicate to the kept one. These return the changed row, or null when the row does not mention the duplicate.
 */

/** Lead and co-departments of a commitment; a co-department that becomes the lead, or appears twice, is dropped. */
export function repointCommitmentDepartment<C extends Commitment>(commitment: C, from: Id, into: Id): C | null {
  if (commitment.leadDepartmentId !== from && !commitment.coDepartmentIds.includes(from)) return null
  const lead = commitment.leadDepartmentId === from ? into : commitment.leadDepartmentId
  const co = [...new Set(commitment.coDepartmentIds.map((id) => (id === from ? into : id)))].filter((id) => id !== lead)
  return { ...commitment, leadDepartmentId: lead, coDepartmentIds: co }
}

/** Responsible leader and person of a commitment. */
export function repointCommitmentPerson<C extends Commitment>(commitment: C, from: Id, into: Id): C | null {
  if (commitment.leaderId !== from && commitment.ownerId !== from) return null
  return {
    ...commitment,
    leaderId: commitment.leaderId === from ? into : commitment.leaderId,
    ownerId: commitment.ownerId === from ? into : commitment.ownerId,
  }
}

/** Any row with a single reference field (a person's department, an entry's department or person). */
export function repointField<T, K extends keyof T>(row: T, field: K, from: Id, into: Id): T | null {
  return row[field] === from ? { ...row, [field]: into } : null
}
