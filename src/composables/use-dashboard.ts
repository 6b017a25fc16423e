import { computed, shallowRef } from 'vue'
import { storeToRefs } from 'pinia'
import {
  planProgress,
  sectionOutline,
  selectCommitments,
  supervisionList,
  type DashboardFilters,
} from '@/domain'
import { useDirectoryStore } from '@/stores/directory'
import { usePlansStore } from '@/stores/plans'
import { usePlanFigures } from './use-plan-figures'
import { useDashboardPanels, type PanelKey } from './use-dashboard-panels'
import { useIsPhone } from './use-is-phone'
import { useToday } from './use-today'
import { useUrlFilters } from './use-url-filters'

/**
 * The dashboard's state, shared by the desk view and the big screen: filters read from and written to the URL
 * (so a view can be bookmarked and shared), the plan and "as of" date they resolve to, and everything shown.
 */
export function useDashboard(options: { fontSize?: () => number; dark?: boolean; rowLimit?: number; rowOffset?: () => number } = {}) {
  const plans = usePlansStore()
  const { departments, people } = storeToRefs(useDirectoryStore())
  const today = useToday()
  const isPhone = useIsPhone()
  /** List charts drawn in full rather than their worst rows. */
  const expanded = shallowRef<ReadonlySet<PanelKey>>(new Set())
  const toggleExpanded = (key: PanelKey) => {
    const next = new Set(expanded.value)
    if (!next.delete(key)) next.add(key)
    expanded.value = next
  }

  // The plan and 截至 date are the workspace's (src/router/workspace.ts keeps them and the URL in step); the
  // other filters live in the URL only.
  const url = useUrlFilters()
  const filters = computed(() => ({ ...url.filters.value, planId: plans.current?.id ?? null, asOf: plans.chosenAsOf }))
  const planId = computed(() => plans.current?.id ?? null)
  const asOf = computed(() => plans.asOfFor(planId.value ?? undefined, today.value))
  const { data, evaluations } = usePlanFigures(planId, asOf)

  const selected = computed(() => selectCommitments(data.value?.commitments ?? [], evaluations.value, data.value?.sections ?? [], filters.value))
  const evaluated = computed(() => selected.value.flatMap((c) => evaluations.value.get(c.id) ?? []))
  const progress = computed(() => planProgress(data.value?.plan.window ?? { start: asOf.value, end: asOf.value }, evaluated.value, asOf.value))
  const outline = computed(() => sectionOutline(data.value?.sections ?? []))
  const supervision = computed(() => (data.value ? supervisionList(data.value.plan.window, selected.value, evaluations.value, asOf.value) : []))
  const panels = useDashboardPanels(() => ({
    data: data.value,
    evaluations: evaluations.value,
    selected: selected.value,
    filters: filters.value,
    asOf: asOf.value,
    departments: departments.value,
    people: people.value,
    fontSize: options.fontSize?.(),
    compact: isPhone.value,
    dark: options.dark,
    rowLimit: options.rowLimit,
    rowOffset: options.rowOffset?.() ?? 0,
    expanded: expanded.value,
  }))

  /**
   * Applies a change of filters by replacing the URL's query (a plan or date named there becomes the
   * workspace's); the view follows.
   */
  function update(patch: Partial<DashboardFilters>) {
    void url.update({ ...filters.value, ...patch })
  }

  return { filters, planId, asOf, data, evaluations, selected, progress, outline, supervision, panels, departments, people, plans, update, toggleExpanded }
}
