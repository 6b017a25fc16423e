import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { planRows, readTotals, type CommitmentRecord, type PlanRecord, type SectionRecord } from '@/db'
import { evaluateTotals, type CalendarDate, type DayTotals, type Evaluation, type Id } from '@/domain'
import { useStorageStore } from '@/stores/storage'
import { useLiveQuery } from './use-live-query'

export interface PlanFigures {
  plan: PlanRecord
  sections: SectionRecord[]
  commitments: CommitmentRecord[]
  /** Each commitment's day totals, kept current on write: what every evaluation is made from. */
  totals: Map<Id, DayTotals>
}

/**
 * One plan's sections, commitments and day totals, live (an entry logged in another tab updates the totals), and
 * every commitment's evaluation as of `asOf`, from the stored totals as every screen evaluates. No entry is read:
 * its cost grows with commitments, not with a year of entries (lists of entries read their own, from an index:
 * use-entry-lists.ts).
 */
export function usePlanFigures(planId: MaybeRefOrGetter<Id | null | undefined>, asOf: MaybeRefOrGetter<CalendarDate>) {
  const { storage } = useStorageStore()
  const { db } = storage
  const { data, error } = useLiveQuery<PlanFigures | null | undefined>(
    async () => {
      const id = toValue(planId)
      const plan = id ? await storage.plans.get(id) : undefined
      if (!plan) return null
      const { sections, commitments } = await planRows(db, plan.id)
      const ids = commitments.map((c) => c.id)
      const totals = await readTotals(db, ids)
      return { plan, sections, commitments, totals }
    },
    undefined,
    { deps: () => toValue(planId) },
  )
  const evaluations = computed(() => {
    const d = data.value
    if (!d) return new Map<Id, Evaluation>()
    return evaluateTotals(d.plan.window, d.commitments, d.totals, toValue(asOf))
  })
  return { data, error, evaluations }
}
