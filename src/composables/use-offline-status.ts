import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

export type OfflineStatus = 'unsupported' | 'pending' | 'ready'

export interface UseOfflineStatusOptions {
  /** Injectable for tests; defaults to the browser's navigator. */
  navigator?: Pick<Navigator, 'serviceWorker'> | undefined
}

/**
 * Whether the app shell is cached by the service worker, so the page reloads with the server gone.
 * Service workers need a secure context (HTTPS or localhost); on plain-HTTP intranet hosts they are unavailable.
 */
export function useOfflineStatus(options: UseOfflineStatusOptions = {}): ShallowRef<OfflineStatus> {
  const nav = 'navigator' in options ? options.navigator : globalThis.navigator
  const container = nav && 'serviceWorker' in nav ? nav.serviceWorker : undefined
  const status = shallowRef<OfflineStatus>(container ? 'pending' : 'unsupported')
  let active = true
  onScopeDispose(() => {
    active = false
  })
  container?.ready.then(() => {
    if (active) status.value = 'ready'
  })
  return status
}
