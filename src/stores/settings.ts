import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from '@/i18n'

const LOCALE_KEY = 'pace.locale'

/**
 * The interface language is needed before the database opens (to render the first frame in the right language),
 * so it lives in localStorage. This store is the only module allowed to touch localStorage (see eslint.config.js).
 */
function readLocale(storage: Storage | undefined): AppLocale {
  const stored = storage?.getItem(LOCALE_KEY)
  return isAppLocale(stored) ? stored : DEFAULT_LOCALE
}

export const useSettingsStore = defineStore('settings', () => {
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage
  const locale = ref<AppLocale>(readLocale(storage))
  watch(locale, (value) => storage?.setItem(LOCALE_KEY, value))
  return { locale }
})
