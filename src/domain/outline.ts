import type { Commitment, Id, Section } from './model'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; numbers past 99 stay in digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`
  return tensText + (ones === 0 ? '' : DIGITS[ones])
}

/**
 * The heading number a plan document gives a section at this depth (0-based) and position (1-based):
 * 一、 · (一) · 一是 · 1. below that. The UI shows them; the stored title never carries them.
 */
export function sectionNumber(depth: number, position: number): string {
  const numeral = chineseNumeral(position)
  if (depth === 0) return `${numeral}、`
  if (depth === 1) return `（${numeral}）`
  if (depth === 2) return `${numeral}是`
  return `${position}.`
}

export interface OutlineRow {
  section: Section
  depth: number
  /** 一、, （一）, 一是 … */
  number: string
}

/**
 * Sections in document order (depth first, siblings by `order`), each with its depth and heading number.
 * A section whose parent is missing (deleted) is shown at the top level rather than lost.
 */
export function sectionOutline(sections: readonly Section[]): OutlineRow[] {
  const ids = new Set(sections.map((s) => s.id))
  const children = new Map<Id | null, Section[]>()
  for (const section of sections) {
    const parent = section.parentId !== null && ids.has(section.parentId) ? section.parentId : null
    const list = children.get(parent) ?? []
    list.push(section)
    children.set(parent, list)
  }
  const rows: OutlineRow[] = []
  const visit = (parent: Id | null, depth: number, seen: Set<Id>) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    list.forEach((section, i) => {
      if (seen.has(section.id)) return
      seen.add(section.id)
      rows.push({ section, depth, number: sectionNumber(depth, i + 1) })
      visit(section.id, depth + 1, seen)
    })
  }
  visit(null, 0, new Set())
  return rows
}

/** The ids of a section and every section below it. */
export function sectionSubtree(sections: readonly Section[], rootId: Id): Set<Id> {
  const found = new Set<Id>([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const s of sections) {
      if (s.parentId !== null && found.has(s.parentId) && !found.has(s.id)) {
        found.add(s.id)
        grew = true
      }
    }
  }
  return found
}

/**
 * Moves one item up (-1) or down (+1) among its siblings and returns the new `order` of every sibling whose order
 * changes (orders are renumbered 0, 1, 2 … so gaps and ties left by deletes or imports disappear).
 */
export function reorder<T extends { id: Id; order: number }>(siblings: readonly T[], id: Id, delta: -1 | 1): Map<Id, number> {
  const sorted = [...siblings].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  const from = sorted.findIndex((item) => item.id === id)
  const to = from + delta
  const changes = new Map<Id, number>()
  if (from < 0 || to < 0 || to >= sorted.length) return changes
  const [moved] = sorted.splice(from, 1)
  sorted.splice(to, 0, moved!)
  sorted.forEach((item, index) => {
    if (item.order !== index) changes.set(item.id, index)
  })
  return changes
}

/** The `order` for an item appended after its siblings. */
export function nextOrder(siblings: readonly { order: number }[]): number {
  return siblings.reduce((max, item) => Math.max(max, item.order + 1), 0)
}

/**
 * Commitments as the plan document lists them: section by section in outline order, each section's by `order`,
 * those without a section (or whose section is gone) last. Ledgers and reviews number them in this order.
 */
export function documentOrder<C extends Pick<Commitment, 'id' | 'sectionId' | 'order'>>(commitments: readonly C[], sections: readonly Section[]): C[] {
  const outline = sectionOutline(sections)
  const rank = new Map(outline.map((row, i) => [row.section.id, i]))
  const rankOf = (c: C) => (c.sectionId === null ? outline.length : (rank.get(c.sectionId) ?? outline.length))
  return [...commitments].sort((a, b) => rankOf(a) - rankOf(b) || a.order - b.order || a.id.localeCompare(b.id))
}

/** The top-level section each section sits under (itself at the top; null for null), safe against cycles. */
export function topSectionOf(sections: readonly Section[]): (id: Id | null) => Id | null {
  const parentOf = new Map(sections.map((section) => [section.id, section.parentId]))
  return (id) => {
    const seen = new Set<Id>()
    let current = id
    while (current !== null && !seen.has(current)) {
      seen.add(current)
      const parent = parentOf.get(current) ?? null
      if (parent === null) return current
      current = parent
    }
    return current
  }
}

/**
 * Items (commitments, or ledger rows made from them) grouped under the section each sits in, in the order given;
 * null holds those with no section or one no longer in the plan. `held` names every section that holds an item,
 * itself or in a section below it: the headings a document of the plan lists.
 */
export function sectionGroups<T>(items: readonly T[], sectionOf: (item: T) => Id | null, sections: readonly Section[]): { groups: Map<Id | null, T[]>; held: Set<Id> } {
  const known = new Set(sections.map((s) => s.id))
  const groups = new Map<Id | null, T[]>()
  for (const item of items) {
    const id = sectionOf(item)
    const key = id !== null && known.has(id) ? id : null
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  const held = new Set<Id>()
  // Children come after their parents in the outline: walking it backwards carries a holding child up to its parent.
  for (const { section } of [...sectionOutline(sections)].reverse()) {
    if (!groups.has(section.id) && !held.has(section.id)) continue
    held.add(section.id)
    if (section.parentId !== null) held.add(section.parentId)
  }
  return { groups, held }
}

