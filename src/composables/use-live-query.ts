import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { observe } from '@/db'

export interface UseLiveQueryReturn<T> {
  /** The latest result; `initial` until the first one arrives. Arrays stay shallow: rows are never deep-watched. */
  data: ShallowRef<T>
  error: ShallowRef<unknown>
}

/**
 * Runs a storage query and re-runs it whenever the tables it read change, in this tab or another. Stops when
 * the calling component or effect scope is disposed.
 */
export function useLiveQuery<T>(query: () => Promise<T>, initial: T): UseLiveQueryReturn<T> {
  const data = shallowRef(initial) as ShallowRef<T>
  const error = shallowRef<unknown>(null)
  const subscription = observe(
    query,
    (value) => {
      data.value = value
      error.value = null
    },
    (reason) => {
      error.value = reason
    },
  )
  onScopeDispose(() => subscription.unsubscribe())
  return { data, error }
}
