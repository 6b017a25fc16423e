import { vi } from 'vitest'

/**
 * A stand-in for the browser's IntersectionObserver and print media query (happy-dom's never report): `enter()`
 * brings every observed element into view, `print()` starts printing.
 */
export function fakeViewport() {
  const observed = new Set<{ callback: IntersectionObserverCallback; elements: Element[] }>()
  class FakeObserver {
    readonly entry: { callback: IntersectionObserverCallback; elements: Element[] }
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, elements: [] }
      observed.add(this.entry)
    }
    observe(element: Element) {
      this.entry.elements.push(element)
    }
    disconnect() {
      observed.delete(this.entry)
    }
  }
  const printListeners = new Set<(event: { matches: boolean }) => void>()
  const printing = { matches: false }
  vi.stubGlobal('IntersectionObserver', FakeObserver)
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query === 'print' && printing.matches
    },
    addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => query === 'print' && printListeners.add(listener),
    removeEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => printListeners.delete(listener),
  }))
  return {
    /** How many elements are waiting to come into view. */
    watched: () => [...observed].reduce((n, entry) => n + entry.elements.length, 0),
    enter() {
      for (const entry of [...observed]) entry.callback(entry.elements.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry), entry as unknown as IntersectionObserver)
    },
    print() {
      printing.matches = true
      for (const listener of [...printListeners]) listener({ matches: true })
    },
    restore: () => vi.unstubAllGlobals(),
  }
}
