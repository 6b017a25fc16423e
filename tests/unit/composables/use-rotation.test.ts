import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useRotation } from '@/composables/use-rotation'

describe('useRotation (the big screen)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('advances every interval, wraps, pauses, and stops with its scope', async () => {
    const scope = effectScope()
    const pages = shallowRef(3)
    const rotation = scope.run(() => useRotation(pages, 15_000))!
    expect(rotation.index.value).toBe(0)
    vi.advanceTimersByTime(15_000)
    expect(rotation.index.value).toBe(1)
    vi.advanceTimersByTime(30_000)
    expect(rotation.index.value).toBe(0)

    rotation.playing.value = false
    await nextTick()
    vi.advanceTimersByTime(60_000)
    expect(rotation.index.value).toBe(0)

    // "Next" shows the next page at once, and the page after keeps its full interval.
    rotation.playing.value = true
    await nextTick()
    vi.advanceTimersByTime(10_000)
    rotation.advance()
    expect(rotation.index.value).toBe(1)
    vi.advanceTimersByTime(10_000)
    expect(rotation.index.value).toBe(1)
    vi.advanceTimersByTime(5_000)
    expect(rotation.index.value).toBe(2)

    // Fewer pages (a filter left less to show): an index past the end starts over.
    pages.value = 2
    await nextTick()
    expect(rotation.index.value).toBe(0)

    scope.stop()
    vi.advanceTimersByTime(60_000)
    expect(rotation.index.value).toBe(0)
  })
})
