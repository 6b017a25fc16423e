import { createI18n, type Composer } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import { compileMessage } from './message-compiler'
import { mergeLoadedNamespaces } from './namespaces'
import type { Language } from 'element-plus/es/locale'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'
import elementEn from 'element-plus/es/locale/lang/en'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

/** Translates a message key with named values (vue-i18n's `t`), for code that builds text outside a component. */
export type Translate = (key: string, values?: Record<string, unknown>) => string

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/**
 * Chinese, the default, ships with the app; other languages load when chosen (English is about 6 KiB gzip that a
 * Chinese user never needs). `ensureMessages` loads one before the interface switches to it. Screens that only
 * some users open bring their own messages in both languages (`namespaces.ts`, loaded by the router).
 */
const LOADERS: Record<AppLocale, () => Promise<MessageSchema>> = {
  'zh-CN': async () => zhCN,
  en: async () => (await import('./en')).default,
}

export async function ensureMessages(composer: Pick<Composer, 'availableLocales' | 'setLocaleMessage' | 'mergeLocaleMessage'>, locale: AppLocale): Promise<void> {
  if (composer.availableLocales.includes(locale)) return
  composer.setLocaleMessage(locale, await LOADERS[locale]())
  mergeLoadedNamespaces(composer, locale)
}

/** ECharts ships both of these names in `echarts/core`; no extra locale registration is needed. */
export const ECHARTS_LOCALES: Record<AppLocale, 'ZH' | 'EN'> = { 'zh-CN': 'ZH', en: 'EN' }

/** Times are shown in China time, like every date in Pace. */
const LONG_DATE_TIME = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Shanghai',
} as const

/** The app's i18n with Chinese messages, and any others already at hand (`preloaded`, for tests). */
export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE, preloaded: Partial<Record<AppLocale, MessageSchema>> = {}) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN, ...preloaded },
    messageCompiler: compileMessage,
    datetimeFormats: {
      'zh-CN': { long: LONG_DATE_TIME },
      en: { long: LONG_DATE_TIME },
    },
  })
}

export const ELEMENT_LOCALES: Record<AppLocale, Language> = { 'zh-CN': elementZhCn, en: elementEn }
