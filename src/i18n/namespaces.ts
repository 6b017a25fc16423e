import type { Composer } from 'vue-i18n'
import type { AppLocale } from './index'

/** One screen's messages in every language, kept out of the first load and merged when the screen opens. */
export type Namespace = Record<AppLocale, Record<string, unknown>>

/** A namespace's name (its top-level key, e.g. `review`) and how to load it. */
export interface NamespaceLoader {
  name: string
  load: () => Promise<{ default: Namespace }>
}

type MessageTarget = Pick<Composer, 'availableLocales' | 'mergeLocaleMessage'>

/** Namespaces loaded so far: a language loaded later (English) gets them too. */
const loaded = new Map<string, Namespace>()

/** Loads a namespace once and merges it into every language the app has. */
export async function ensureNamespace(composer: MessageTarget, { name, load }: NamespaceLoader): Promise<void> {
  let namespace = loaded.get(name)
  if (!namespace) {
    namespace = (await load()).default
    loaded.set(name, namespace)
  }
  for (const locale of composer.availableLocales) {
    const messages = namespace[locale as AppLocale]
    if (messages) composer.mergeLocaleMessage(locale, { [name]: messages })
  }
}

/** Merges the namespaces already loaded into a language that has just arrived. */
export function mergeLoadedNamespaces(composer: MessageTarget, locale: AppLocale): void {
  for (const [name, namespace] of loaded) composer.mergeLocaleMessage(locale, { [name]: namespace[locale] })
}

export const REVIEW_MESSAGES: NamespaceLoader = { name: 'review', load: () => import('./review') }
export const IMPORT_MESSAGES: NamespaceLoader = { name: 'import', load: () => import('./import') }
