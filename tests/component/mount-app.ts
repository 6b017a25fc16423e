import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'
import { createAppRouter } from '@/router'
import { useSettingsStore } from '@/stores/settings'
import { useStorageStore } from '@/stores/storage'

/**
 * Mounts a component with the app's real plugins (Pinia, i18n in the stored language, the router in memory),
 * as main.ts wires them, so component tests exercise the same setup users get.
 */
export async function mountWithApp(component: Component, { path = '/', props = {} as Record<string, unknown> } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n(useSettingsStore(pinia).locale, { en })
  const router = createAppRouter(i18n.global, createMemoryHistory())
  await router.push(path)
  const storage = useStorageStore(pinia)
  await storage.open()
  const wrapper = mount(component, { props, global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, pinia, router, i18n, storage: storage.storage }
}
