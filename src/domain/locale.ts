/** Languages the domain writes text in (issue messages, report sentences). The UI passes its own. */
export type TextLocale = 'zh-CN' | 'en'
