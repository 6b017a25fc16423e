import type { Commitment, Id, Section } from '../model'
import { sectionOutline } from '../outline'
import type { Evaluation, Status } from '../progress/types'

/** A node of the plan's own tree: a section (numbered as in the document) or, at the leaves, a commitment. */
export interface PlanTreeNode {
  name: string
  /** Commitments at or below this node. */
  value: number
  id?: Id
  status?: Status
  children?: PlanTreeNode[]
}

/**
 * The plan's sections (一、 (一) 一是) with their commitments as leaves; sections without commitments below are
 * left out, and commitments without a section go under `unsectioned`.
 */
export function planTree(sections: readonly Section[], commitments: readonly Commitment[], evaluations: ReadonlyMap<Id, Evaluation>, unsectioned: string): PlanTreeNode[] {
  const outline = sectionOutline(sections)
  const known = new Set(outline.map((row) => row.section.id))
  const leaves = new Map<Id | null, PlanTreeNode[]>()
  for (const c of commitments) {
    const key = c.sectionId !== null && known.has(c.sectionId) ? c.sectionId : null
    const leaf: PlanTreeNode = { name: c.title, value: 1, id: c.id, ...(evaluations.get(c.id) ? { status: evaluations.get(c.id)!.status } : {}) }
    leaves.set(key, [...(leaves.get(key) ?? []), leaf])
  }
  const childrenOf = new Map<Id | null, typeof outline>()
  for (const row of outline) {
    const parent = row.section.parentId !== null && known.has(row.section.parentId) ? row.section.parentId : null
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), row])
  }
  const build = (parent: Id | null): PlanTreeNode[] =>
    (childrenOf.get(parent) ?? []).flatMap((row) => {
      const children = [...build(row.section.id), ...(leaves.get(row.section.id) ?? [])]
      const value = children.reduce((sum, child) => sum + child.value, 0)
      return value === 0 ? [] : [{ name: `${row.number}${row.section.title}`, value, children }]
    })
  const loose = leaves.get(null) ?? []
  return [...build(null), ...(loose.length > 0 ? [{ name: unsectioned, value: loose.length, children: loose }] : [])]
}
