import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { chinaDate, msToNextChinaDay, type CalendarDate } from '@/domain'

export interface UseTodayOptions {
  /** The clock, injectable for tests. */
  now?: () => number
}

/**
 * Today's date in China, the "as of" day of every evaluation on screen and the date a "+1" logs. It turns over at
 * midnight in China (a timer), and is read again when the tab comes back into view (timers sleep in hidden tabs),
 * so a page left open overnight neither shows yesterday's 序时进度 nor logs the morning's work on yesterday.
 */
export function useToday(options: UseTodayOptions = {}): ShallowRef<CalendarDate> {
  const now = options.now ?? Date.now
  const today = shallowRef(chinaDate(now()))
  let timer: ReturnType<typeof setTimeout> | undefined
  const refresh = () => {
    const value = chinaDate(now())
    if (value !== today.value) today.value = value
    clearTimeout(timer)
    timer = setTimeout(refresh, msToNextChinaDay(now()))
  }
  refresh()
  onScopeDispose(() => clearTimeout(timer))
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', refresh)
    onScopeDispose(() => document.removeEventListener('visibilitychange', refresh))
  }
  return today
}
