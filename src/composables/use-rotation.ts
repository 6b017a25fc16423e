import { onScopeDispose, shallowRef, watch, type MaybeRefOrGetter, toValue } from 'vue'

/** A page index that advances every `intervalMs` (wrapping at `count`) until paused: the big screen's rotation. */
export function useRotation(count: MaybeRefOrGetter<number>, intervalMs: number) {
  const index = shallowRef(0)
  const playing = shallowRef(true)
  let timer: ReturnType<typeof setInterval> | null = null
  const next = () => {
    const n = toValue(count)
    index.value = n > 0 ? (index.value + 1) % n : 0
  }
  const restart = () => {
    if (timer) clearInterval(timer)
    timer = playing.value ? setInterval(next, intervalMs) : null
  }
  watch(playing, restart, { immediate: true })
  watch(() => toValue(count), (n) => {
    if (index.value >= n) index.value = 0
  })
  onScopeDispose(() => {
    if (timer) clearInterval(timer)
  })
  return {
    index,
    playing,
    /** Shows the next page now and restarts the timer, so it stays the full interval. */
    advance: () => {
      next()
      restart()
    },
  }
}
