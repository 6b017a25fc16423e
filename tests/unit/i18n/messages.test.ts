import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAppI18n, ensureMessages, SUPPORTED_LOCALES, isAppLocale } from '@/i18n'
import en from '@/i18n/en'
import { PLACEHOLDER } from '@/i18n/message-compiler'
import zhCN from '@/i18n/zh-CN'

import importMessages from '@/i18n/import'
import { ensureNamespace, IMPORT_MESSAGES, REVIEW_MESSAGES } from '@/i18n/namespaces'
import reviewMessages from '@/i18n/review'

/** Every message of a language: the first load's and those screens bring (namespaces), checked alike. */
const messages = {
  'zh-CN': { ...zhCN, review: reviewMessages['zh-CN'], import: importMessages['zh-CN'] },
  en: { ...en, review: reviewMessages.en, import: importMessages.en },
}

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

  it('has every key the code names literally (t(\'…\'), te(\'…\'), keys in templates)', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|vue)$/.test(f) && !f.startsWith('i18n'))
    const used = new Set<string>()
    for (const file of files) {
      for (const match of readFileSync(join('src', file), 'utf8').matchAll(/\bte?\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) used.add(match[1]!)
    }
    expect(used.size).toBeGreaterThan(300)
    expect([...used].filter((key) => !source.has(key)).sort()).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)('%s has no empty text', (locale) => {
    const empty = [...flatten(messages[locale])].filter(([, text]) => typeof text !== 'string' || text.trim() === '')
    expect(empty).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)('%s has the same placeholders as zh-CN in every message', (locale) => {
    const names = (text: unknown) => [...String(text).matchAll(PLACEHOLDER)].map((m) => m[1]).sort().join()
    const wrong = [...flatten(messages[locale])].filter(([key, text]) => names(text) !== names(source.get(key)))
    expect(wrong).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)('%s uses no message syntax but named placeholders (plurals, links, literals)', (locale) => {
    const wrong = [...flatten(messages[locale])].filter(([, text]) => /[{}|@]/.test(String(text).replace(PLACEHOLDER, '')))
    expect(wrong).toEqual([])
  })

  it.each([
    ['dashboard.headline.ahead', { points: '2.7' }, '超序时进度2.7个百分点'],
    ['dashboard.screen.page', { n: 1, total: 6 }, '第1屏，共6屏'],
    ['dashboard.panels.people', { department: '<b>办公室</b>' }, '<b>办公室</b>人员情况'],
    ['nav.home', {}, '首页'],
    ['dashboard.supervision.owner', { name: '' }, '责任人：'],
  ])('t(%s) interpolates named values', (key, values, expected) => {
    expect(createAppI18n('zh-CN').global.t(key, values)).toBe(expected)
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

  it('keeps a screen\'s own messages out of the first load, and gives them to English loaded later', async () => {
    expect(zhCN).not.toHaveProperty('review')
    expect(zhCN).not.toHaveProperty('import')
    const i18n = createAppI18n('zh-CN')
    expect(i18n.global.te('review.title')).toBe(false)
    await ensureNamespace(i18n.global, REVIEW_MESSAGES)
    await ensureNamespace(i18n.global, IMPORT_MESSAGES)
    expect(i18n.global.t('review.title')).toBe('调度会')
    await ensureMessages(i18n.global, 'en')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('review.title')).toBe('Reviews')
    expect(i18n.global.t('import.title')).toBe('Import from text')
  })

  it('loads English only when it is needed, and once', async () => {
    const i18n = createAppI18n('zh-CN')
    expect(i18n.global.availableLocales).toEqual(['zh-CN'])
    await ensureMessages(i18n.global, 'en')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('nav.home')).toBe('Home')
    const loaded = i18n.global.getLocaleMessage('en')
    await ensureMessages(i18n.global, 'en')
    expect(i18n.global.getLocaleMessage('en')).toBe(loaded)
  })
})
