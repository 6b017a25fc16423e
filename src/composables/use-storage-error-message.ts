import { useI18n } from 'vue-i18n'
import { describeIssue } from '@/domain'
import { toStorageError } from '@/db'
import { useLocale } from './use-locale'

/**
 * Turns anything storage threw into one sentence in the interface language, with validation details; `label`
 * names the field a detail is about (by its path) where the screen has no field to mark.
 */
export function useStorageErrorMessage() {
  const { t } = useI18n()
  const appLocale = useLocale()
  return (error: unknown, label?: (path: string) => string | undefined): string => {
    const storageError = toStorageError(error)
    const base = t(`errors.storage.${storageError.code}`)
    const textLocale = appLocale.value
    const details = storageError.issues.map((issue) => {
      const detail = describeIssue(issue, textLocale)
      const field = label?.(issue.path)
      return field ? `${field}${textLocale === 'zh-CN' ? '：' : ': '}${detail}` : detail
    })
    return details.length > 0 ? `${base} ${details.join(textLocale === 'zh-CN' ? '；' : '; ')}` : base
  }
}
