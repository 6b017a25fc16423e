import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from '@/i18n'

/** The interface language as one of Pace's locales (the domain's text and number formats take it). */
export function useLocale(): ComputedRef<AppLocale> {
  const { locale } = useI18n()
  return computed(() => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE))
}
