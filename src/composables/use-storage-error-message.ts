import { useI18n } from 'vue-i18n'
import { describeIssue } from '@/domain'
import { toStorageError } from '@/db'
import { DEFAULT_LOCALE, isAppLocale } from '@/i18n'

/** Turns anything storage threw into one sentence in the interface language, with validation details. */
export function useStorageErrorMessage() {
  const { t, locale } = useI18n()
  return (error: unknown): string => {
    const storageError = toStorageError(error)
    const base = t(`errors.storage.${storageError.code}`)
    const textLocale = isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE
    const details = storageError.issues.map((issue) => describeIssue(issue, textLocale))
    return details.length > 0 ? `${base} ${details.join(textLocale === 'zh-CN' ? '；' : '; ')}` : base
  }
}
