import { shownPercent } from '@/domain'

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** "12.3 MB" / "12.3 MB" in the interface language, with at most one decimal. */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** A figure as a reader expects it: no needless decimals (80, 12.5), at most `digits` of them. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: Math.abs(value) >= 10000 }).format(value)
}

/** A percentage without needless decimals: 80%, 12.5%. */
export function formatPercent(value: number, locale: string): string {
  return `${formatNumber(shownPercent(value), locale, 1)}%`
}
