import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import type { CommitmentRecord, EntryRecord, PlanRecord, SectionRecord } from '@/db'
import { planContents, readTotals } from '@/db'
import { evaluateTotals, sectionOutline, type CalendarDate, type DayTotals, type Evaluation, type Id } from '@/domain'
import { useStorageStore } from '@/stores/storage'
import { useLiveQuery } from './use-live-query'

export interface PlanData {
  plan: PlanRecord
  sections: SectionRecord[]
  commitments: CommitmentRecord[]
  entries: EntryRecord[]
  /** Each commitment's stored day totals (src/db/totals.ts). */
  totals: ReadonlyMap<Id, DayTotals>
}

/**
 * One plan's live contents (sections, commitments, entries) and every commitment's evaluation as of `asOf`,
 * recomputed by the domain engine whenever an entry or target changes, here or in another tab.
 */
export function usePlanData(planId: MaybeRefOrGetter<Id | null | undefined>, asOf: MaybeRefOrGetter<CalendarDate>) {
  const { storage } = useStorageStore()
  const { data, error } = useLiveQuery<PlanData | null | undefined>(
    async () => {
      const id = toValue(planId)
      const plan = id ? await storage.plans.get(id) : undefined
      if (!plan) return null
      const contents = await planContents(storage.db, plan.id)
      return { plan, ...contents, totals: await readTotals(storage.db, contents.commitments.map((c) => c.id)) }
    },
    undefined,
    { deps: () => toValue(planId) },
  )
  const evaluations = computed(() => {
    const d = data.value
    if (!d) return new Map<Id, Evaluation>()
    // From the stored day totals, as every screen evaluates: the figures here are the dashboard's.
    return evaluateTotals(d.plan.window, d.commitments, d.totals, toValue(asOf))
  })
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
