import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'
import { observe, type Subscription } from '@/db'

export interface UseLiveQueryReturn<T> {
  /** The latest result; `initial` until the first one arrives. Arrays stay shallow: rows are never deep-watched. */
  data: ShallowRef<T>
  error: ShallowRef<unknown>
}

export interface UseLiveQueryOptions {
  /** Re-runs the query from scratch when this changes (e.g. the plan id of the route). */
  deps?: WatchSource
}

/**
 * Runs a storage query and re-runs it whenever the tables it read change, in this tab or another. Stops when
 * the calling component or effect scope is disposed.
 */
export function useLiveQuery<T>(query: () => Promise<T>, initial: T, options: UseLiveQueryOptions = {}): UseLiveQueryReturn<T> {
  const data = shallowRef(initial) as ShallowRef<T>
  const error = shallowRef<unknown>(null)
  let subscription: Subscription | null = null
  const subscribe = () => {
    subscription?.unsubscribe()
    subscription = observe(
      query,
      (value) => {
        data.value = value
        error.value = null
      },
      (reason) => {
        error.value = reason
      },
    )
  }
  if (options.deps) {
    watch(options.deps, () => {
      data.value = initial
      subscribe()
    })
  }
  subscribe()
  onScopeDispose(() => subscription?.unsubscribe())
  return { data, error }
}
