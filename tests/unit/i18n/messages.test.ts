import { describe, expect, it } from 'vitest'
import { messages, SUPPORTED_LOCALES, isAppLocale } from '@/i18n'

/** Flattens nested messages into dotted keys with their texts. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') for (const entry of flatten(value, path)) out.set(...entry)
    else out.set(path, value)
  }
  return out
}

describe('messages', () => {
  const source = flatten(messages['zh-CN'])

  it.each(SUPPORTED_LOCALES)('%s has every key of zh-CN and no other', (locale) => {
    expect([...flatten(messages[locale]).keys()].sort()).toEqual([...source.keys()].sort())
  })

  it.each(SUPPORTED_LOCALES)('%s has no empty text', (locale) => {
    const empty = [...flatten(messages[locale])].filter(([, text]) => typeof text !== 'string' || text.trim() === '')
    expect(empty).toEqual([])
  })

  it.each([
    ['zh-CN', true],
    ['en', true],
    ['zh', false],
    ['EN', false],
    [null, false],
  ])('isAppLocale(%s) is %s', (value, expected) => {
    expect(isAppLocale(value)).toBe(expected)
  })
})
