import { describe, expect, it } from 'vitest'
import { formatBytes, formatNumber, formatPercent } from '@/i18n/format'

// Formatters are made once per language and options: figures formatted one after another with different options
// must each get their own (grouping from 10,000; the digits asked for).
describe('number formatting', () => {
  it.each([
    [80, 'zh-CN', 1, '80'],
    [12.55, 'zh-CN', 1, '12.6'],
    [12.55, 'zh-CN', 2, '12.55'],
    [9999, 'zh-CN', 1, '9999'],
    [12345, 'zh-CN', 1, '12,345'],
    [12345.67, 'en', 0, '12,346'],
    [0.5, 'en', 0, '1'],
    [1234, 'en', 1, '1234'],
  ])('%s in %s with at most %i decimals is %s', (value, locale, digits, expected) => {
    expect(formatNumber(value, locale, digits)).toBe(expected)
  })

  it.each([
    [80, 'zh-CN', '80%'],
    [12.54, 'en', '13%'],
    [2.54, 'en', '2.5%'],
  ])('%s per cent in %s is %s', (value, locale, expected) => {
    expect(formatPercent(value, locale)).toBe(expected)
  })

  it.each([
    [512, 'en', '512 byte'],
    [1536, 'en', '1.5 kB'],
    [5 * 1024 * 1024, 'zh-CN', '5 MB'],
  ])('%i bytes in %s is %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected)
  })
})
