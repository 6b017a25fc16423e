import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import StorageGate from '@/components/layout/StorageGate.vue'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'
import { useStorageStore } from '@/stores/storage'

function mountGate() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useStorageStore(pinia)
  const wrapper = mount(StorageGate, {
    slots: { default: '<p data-testid="app">app</p>' },
    global: { plugins: [pinia, createAppI18n('zh-CN', { en })] },
  })
  return { wrapper, store }
}

describe('StorageGate', () => {
  it('shows the app only once the database is open', async () => {
    const { wrapper, store } = mountGate()
    expect(wrapper.find('[data-testid="app"]').exists()).toBe(false)
    await store.open()
    await flushPromises()
    expect(wrapper.find('[data-testid="app"]').exists()).toBe(true)
    store.storage.db.close()
  })

  it('explains a database that will not open, offers a retry and an export of what can be read', async () => {
    const { wrapper, store } = mountGate()
    store.state = 'failed'
    await flushPromises()
    expect(wrapper.text()).toContain('无法打开本地数据库')
    expect(wrapper.text()).toContain('数据没有被删除')
    expect(wrapper.find('[data-testid="rescue-export"]').text()).toBe('导出可读取的数据')
  })

  it('asks for a reload when another tab upgraded the database', async () => {
    const { wrapper, store } = mountGate()
    store.state = 'outdated'
    await flushPromises()
    expect(wrapper.text()).toContain('另一个标签页已升级了数据库')
    expect(wrapper.find('[data-testid="app"]').exists()).toBe(false)
  })

  it('rescues the rows it can read into a file', async () => {
    const { store } = mountGate()
    await store.open()
    await store.storage.departments.save({ id: 'office', name: '办公室' }, { actor: '王芳' })
    store.storage.db.close()
    const file = await store.rescue(new Date('2025-04-01T00:00:00Z'))
    expect(file.ok && file.name).toBe('pace-rescue-2025-04-01.json')
    expect(JSON.parse(file.ok ? file.text : '{}')).toMatchObject({ format: 'pace-rescue', tables: { departments: [{ id: 'office', name: '办公室' }] }, unreadable: [] })
  })
})
