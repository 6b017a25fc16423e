import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { chinaDate, type CalendarDate } from '@/domain'

export interface UseTodayOptions {
  /** The clock, injectable for tests. */
  now?: () => number
}

/**
 * Today's date in China, the "as of" day of every evaluation on screen. It is read again when the tab comes back
 * into view, so a page left open overnight does not keep yesterday's 序时进度.
 */
export function useToday(options: UseTodayOptions = {}): ShallowRef<CalendarDate> {
  const now = options.now ?? Date.now
  const today = shallowRef(chinaDate(now()))
  const refresh = () => {
    const value = chinaDate(now())
    if (value !== today.value) today.value = value
  }
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', refresh)
    onScopeDispose(() => document.removeEventListener('visibilitychange', refresh))
  }
  return today
}
