import type { MessageCompiler, MessageContext } from 'vue-i18n'

/**
 * Pace's messages use one feature of vue-i18n's message syntax: named interpolation (`截至{date}`). This compiler
 * handles exactly that, so the build leaves out vue-i18n's general message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__`
 * in vite.config.ts). A unit test checks that no message uses anything else (plurals `|`, links `@:`, literals
 * `{'…'}`), which this compiler would show as typed.
 */
export const PLACEHOLDER = /\{(\w+)\}/g

export const compileMessage: MessageCompiler<string, string> = (source) => {
  if (typeof source !== 'string') throw new TypeError('Pace messages are plain strings')
  const parts: (string | { name: string })[] = []
  let last = 0
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(source.slice(last, match.index))
    parts.push({ name: match[1]! })
    last = match.index + match[0].length
  }
  if (last < source.length) parts.push(source.slice(last))
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value))
  return (ctx: MessageContext<string>) => parts.map((part) => (typeof part === 'string' ? part : text(ctx.named(part.name)))).join('')
}
