import { computed, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** How many rows a long list draws at first, and how many more each request adds. */
export const ROW_PAGE = 200

/**
 * The first rows of a long list, growing by `ROW_PAGE` on request: a 1 MB document's thousands of rows of form
 * controls would take many seconds to draw at once. A new list starts again from its first page.
 */
export function useRowPages<T>(rows: MaybeRefOrGetter<readonly T[]>) {
  const limit = shallowRef(ROW_PAGE)
  watch(() => toValue(rows), () => (limit.value = ROW_PAGE))
  const shown = computed(() => toValue(rows).slice(0, limit.value))
  const hidden = computed(() => Math.max(0, toValue(rows).length - limit.value))
  return { shown, hidden, more: () => (limit.value += ROW_PAGE) }
}
