import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { registerSW } from 'virtual:pwa-register'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { useSettingsStore } from './stores/settings'
import { useStorageStore } from './stores/storage'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(createAppI18n(useSettingsStore(pinia).locale))
app.use(createAppRouter())
void useStorageStore(pinia).open()
app.mount('#app')

registerSW({ immediate: true })
