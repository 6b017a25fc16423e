import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useToday } from '@/composables/use-today'

describe('useToday', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2025, 5, 15, 15, 59, 0) })) // 23:59 in Beijing
  afterEach(() => vi.useRealTimers())

  it('turns over at midnight in China on a page left open, day after day, and stops with its scope', () => {
    const scope = effectScope()
    const today = scope.run(() => useToday())!
    expect(today.value).toBe('2025-06-15')
    vi.advanceTimersByTime(59_999)
    expect(today.value).toBe('2025-06-15')
    vi.advanceTimersByTime(1)
    expect(today.value).toBe('2025-06-16')
    vi.advanceTimersByTime(86_400_000)
    expect(today.value).toBe('2025-06-17')
    scope.stop()
    vi.advanceTimersByTime(86_400_000)
    expect(today.value).toBe('2025-06-17')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('reads the date again when the tab comes back into view (timers sleep in hidden tabs)', () => {
    const scope = effectScope()
    let instant = Date.UTC(2025, 5, 15, 15, 59, 0)
    const today = scope.run(() => useToday({ now: () => instant }))!
    instant += 3 * 86_400_000
    document.dispatchEvent(new Event('visibilitychange'))
    expect(today.value).toBe('2025-06-18')
    expect(vi.getTimerCount()).toBe(1)
    scope.stop()
  })
})
