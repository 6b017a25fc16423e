import { useI18n } from 'vue-i18n'
import { describeIssue } from '@/domain'
import { toStorageError } from '@/db'
import { useLocale } from './use-locale'

/** Turns anything storage threw into one sentence in the interface language, with validation details. */
export function useStorageErrorMessage() {
  const { t } = useI18n()
  const appLocale = useLocale()
  return (error: unknown): string => {
    const storageError = toStorageError(error)
    const base = t(`errors.storage.${storageError.code}`)
    const textLocale = appLocale.value
    const details = storageError.issues.map((issue) => describeIssue(issue, textLocale))
    return details.length > 0 ? `${base} ${details.join(textLocale === 'zh-CN' ? '；' : '; ')}` : base
  }
}
