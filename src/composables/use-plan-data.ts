import { computed, type MaybeRefOrGetter } from 'vue'
import type { CommitmentRecord } from '@/db'
import { sectionOutline, type CalendarDate, type Id } from '@/domain'
import { usePlanFigures } from './use-plan-figures'

/**
 * One plan's live contents (sections, commitments, day totals) and every commitment's evaluation as of `asOf` (from
 * the day totals, as every screen evaluates), with the section outline and the commitments of each section: what
 * the plan, log, commitment and batch screens show. Entries are not among them (use-entry-lists.ts).
 */
export function usePlanData(planId: MaybeRefOrGetter<Id | null | undefined>, asOf: MaybeRefOrGetter<CalendarDate>) {
  const { data, error, evaluations } = usePlanFigures(planId, asOf)
  const outline = computed(() => sectionOutline(data.value?.sections ?? []))
  const commitmentsBySection = computed(() => {
    const map = new Map<Id | null, CommitmentRecord[]>()
    const sectionIds = new Set((data.value?.sections ?? []).map((s) => s.id))
    for (const c of data.value?.commitments ?? []) {
      const key = c.sectionId !== null && sectionIds.has(c.sectionId) ? c.sectionId : null
      map.set(key, [...(map.get(key) ?? []), c])
    }
    for (const list of map.values()) list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    return map
  })
  return { data, error, evaluations, outline, commitmentsBySection }
}
