import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { registerSW } from 'virtual:pwa-register'
import App from './App.vue'
import { createAppI18n, ensureMessages } from './i18n'
import { createAppRouter, followEarlyAddressChanges } from './router'
import { useSettingsStore } from './stores/settings'
import { useStorageStore } from './stores/storage'
import './styles/base.css'
import './styles/data-table.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const { locale } = useSettingsStore(pinia)
const i18n = createAppI18n(locale)
// A user who chose English gets its messages before the first frame, not a flash of Chinese.
await ensureMessages(i18n.global, locale)
app.use(i18n)
const router = createAppRouter(i18n.global)
followEarlyAddressChanges(router)
app.use(router)
void useStorageStore(pinia).open()
app.mount('#app')

registerSW({ immediate: true })
