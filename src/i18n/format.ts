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
