import { shallowRef } from 'vue'
import { describeIssue, type ValidationIssue } from '@/domain'
import { useLocale } from './use-locale'

/**
 * Validation issues shown at their fields, in the interface language. `error('target.value')` gives the message
 * for one field ('' when it is fine); `show` replaces the issues, `clear` removes them.
 */
export function useFieldErrors() {
    const issues = shallowRef<ValidationIssue[]>([])
  const textLocale = useLocale()

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
