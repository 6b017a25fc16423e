import { liveQuery } from 'dexie'

export interface Subscription {
  unsubscribe(): void
}

/**
 * Re-runs `query` whenever the tables it read change, in this tab or another one (Dexie's liveQuery broadcasts
 * between tabs), and hands each result to `next`.
 */
export function observe<T>(query: () => Promise<T>, next: (value: T) => void, error: (reason: unknown) => void): Subscription {
  return liveQuery(query).subscribe({ next, error })
}
