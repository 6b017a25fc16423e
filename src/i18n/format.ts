import { shownPercent } from '@/domain'

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

// Creating an Intl formatter costs some hundred times a call of one (a dashboard formats thousands of figures):
// each is made once per language and options.
const formatters = new Map<string, Intl.NumberFormat>()
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`
  let made = formatters.get(key)
  if (!made) formatters.set(key, (made = new Intl.NumberFormat(locale, options)))
  return made
}

/** "12.3 MB" / "12.3 MB" in the interface language, with at most one decimal. */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return formatter(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** A figure as a reader expects it: no needless decimals (80, 12.5), at most `digits` of them. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return formatter(locale, { maximumFractionDigits: digits, useGrouping: Math.abs(value) >= 10000 }).format(value)
}

/** A percentage without needless decimals: 80%, 12.5%. */
export function formatPercent(value: number, locale: string): string {
  return `${formatNumber(shownPercent(value), locale, 1)}%`
}
