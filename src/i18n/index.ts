import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Language } from 'element-plus/es/locale'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'
import elementEn from 'element-plus/es/locale/lang/en'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

export const messages = { 'zh-CN': zhCN, en }

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

export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    datetimeFormats: {
      'zh-CN': { long: LONG_DATE_TIME },
      en: { long: LONG_DATE_TIME },
    },
  })
}

export const ELEMENT_LOCALES: Record<AppLocale, Language> = { 'zh-CN': elementZhCn, en: elementEn }
