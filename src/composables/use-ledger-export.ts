import { useI18n } from 'vue-i18n'
import { DEFAULT_LOCALE, isAppLocale } from '@/i18n'
import type { LedgerSource } from './ledger-input'

/** Downloads the Excel 台账 of what the dashboard shows; the ledger code and exceljs load only now. */
export function useLedgerExport() {
  const { t, locale } = useI18n()

  return async function exportLedger(source: LedgerSource) {
    const [{ ledgerInput }, { buildLedger }, ExcelJS] = await Promise.all([import('./ledger-input'), import('@/io/ledger-xlsx'), import('exceljs')])
    const lang = isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE
    const bytes = await buildLedger(ledgerInput(source, t, lang), ExcelJS.default ?? ExcelJS)
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `${t('ledger.file', { plan: source.data.plan.name, date: source.asOf })}.xlsx`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
