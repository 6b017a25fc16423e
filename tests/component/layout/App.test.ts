import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import App from '@/App.vue'
import { useSettingsStore } from '@/stores/settings'
import { mountWithApp } from '../mount-app'

describe('App shell', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('renders in Chinese by default, with the product name and navigation', async () => {
    const { wrapper } = await mountWithApp(App)
    expect(wrapper.get('header').text()).toContain('计划成效看板')
    const nav = wrapper.get('nav')
    expect(nav.attributes('aria-label')).toBe('主导航')
    expect(nav.findAll('a').map((link) => link.text())).toEqual(['首页', '看板', '计划', '调度会', '登记', '部门人员', '设置'])
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.title).toBe('计划成效看板')
  })

  it('switches every text to English and remembers the choice', async () => {
    const { wrapper, pinia } = await mountWithApp(App)
    useSettingsStore(pinia).locale = 'en'
    await flushPromises()
    expect(wrapper.get('nav').findAll('a').map((link) => link.text())).toEqual(['Home', 'Dashboard', 'Plans', 'Reviews', 'Log', 'Directory', 'Settings'])
    expect(wrapper.get('h1').text()).toBe('Welcome to Pace')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('pace.locale')).toBe('en')
  })

  it('starts in the stored language', async () => {
    localStorage.setItem('pace.locale', 'en')
    const { wrapper } = await mountWithApp(App)
    expect(wrapper.get('h1').text()).toBe('Welcome to Pace')
  })

  it('ignores a stored language it does not support', async () => {
    localStorage.setItem('pace.locale', 'fr')
    const { wrapper } = await mountWithApp(App)
    expect(wrapper.get('h1').text()).toBe('欢迎使用计划成效看板')
  })

  it('passes the Element Plus locale of the chosen language to its components', async () => {
    const { wrapper, pinia } = await mountWithApp(App)
    const provider = wrapper.findComponent({ name: 'ElConfigProvider' })
    expect(provider.props('locale')).toMatchObject({ name: 'zh-cn' })
    useSettingsStore(pinia).locale = 'en'
    await flushPromises()
    expect(provider.props('locale')).toMatchObject({ name: 'en' })
  })

  it('shows a not-found page for unknown addresses', async () => {
    const { wrapper } = await mountWithApp(App, { path: '/no-such-page' })
    expect(wrapper.text()).toContain('页面不存在')
  })
})
