import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'

/** True below the phone breakpoint (768 px, as the layout's): dialogs go full screen, lists stack. */
export function useIsPhone(query = '(max-width: 767px)'): ShallowRef<boolean> {
  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const phone = shallowRef(media?.matches ?? false)
  const update = (event: MediaQueryListEvent) => (phone.value = event.matches)
  media?.addEventListener('change', update)
  onScopeDispose(() => media?.removeEventListener('change', update))
  return phone
}
