import { onMounted, onScopeDispose, shallowRef, type ShallowRef } from 'vue'

/**
 * Becomes true, and stays true, once `target` comes within `margin` of the viewport (or of the page being printed).
 * What is drawn only when looked at (a chart below the fold) costs nothing at start-up: a phone opening the
 * dashboard draws the charts it shows, not the ones a scroll away. Where the browser cannot tell (no
 * IntersectionObserver), it is true at once. `now()` makes it true on demand (a report that needs the picture).
 */
export function useNearViewport(target: Readonly<ShallowRef<Element | null>>, margin = '200px 0px'): { near: Readonly<ShallowRef<boolean>>; now: () => void } {
  const near = shallowRef(false)
  let observer: IntersectionObserver | null = null
  const print = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
  const stop = () => {
    observer?.disconnect()
    observer = null
    print?.removeEventListener('change', onPrint)
  }
  const now = () => {
    near.value = true
    stop()
  }
  function onPrint(event: MediaQueryListEvent) {
    if (event.matches) now()
  }
  onMounted(() => {
    const element = target.value
    if (near.value) return
    if (typeof IntersectionObserver !== 'function' || !element || print?.matches) return now()
    print?.addEventListener('change', onPrint)
    observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && now(), { rootMargin: margin })
    observer.observe(element)
  })
  onScopeDispose(stop)
  return { near, now }
}
