import { computed, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeIssue, type ValidationIssue } from '@/domain'
import { DEFAULT_LOCALE, isAppLocale } from '@/i18n'

/**
 * Validation issues shown at their fields, in the interface language. `error('target.value')` gives the message
 * for one field ('' when it is fine); `show` replaces the issues, `clear` removes them.
 */
export function useFieldErrors() {
  const { locale } = useI18n()
  const issues = shallowRef<ValidationIssue[]>([])
  const textLocale = computed(() => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE))

  function error(path: string): string {
    const issue = issues.value.find((i) => i.path === path)
    return issue ? describeIssue(issue, textLocale.value) : ''
  }

  return {
    issues,
    error,
    show: (next: ValidationIssue[]) => (issues.value = next),
    clear: () => (issues.value = []),
  }
}
