import { computed } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { filtersToQuery, NO_FILTERS, parseFilters, type DashboardFilters } from '@/domain'

/** The URL query keys the filters use (plan and 截至 included), so a change rewrites them and keeps every other key. */
const FILTER_KEYS = Object.keys(filtersToQuery({ ...NO_FILTERS, planId: 'x', asOf: '2000-01-01', sectionId: 'x', departmentId: 'x', personId: 'x', status: 'achieved' }))

/**
 * The dashboard's filters (section, department, person, status) held in the URL, as the dashboard and a review
 * page use them: read from the query, changed by replacing it (other keys such as `order` or `screen` are kept;
 * `extra` sets or, with null, removes one). A bookmark or a shared link opens the same view.
 */
export function useUrlFilters() {
  const route = useRoute()
  const router = useRouter()
  const filters = computed(() => parseFilters(route.query))

  function update(patch: Partial<DashboardFilters>, extra: Record<string, string | null> = {}) {
    const query: LocationQuery = Object.fromEntries(Object.entries(route.query).filter(([key]) => !FILTER_KEYS.includes(key)))
    Object.assign(query, filtersToQuery({ ...filters.value, ...patch }))
    for (const [key, value] of Object.entries(extra)) {
      if (value === null) delete query[key]
      else query[key] = value
    }
    return router.replace({ query })
  }

  return { filters, update, query: computed(() => route.query) }
}
