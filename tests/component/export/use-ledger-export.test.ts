import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { useLedgerExport } from '@/composables/use-ledger-export'
import type { LedgerSource } from '@/export/ledger-input'
import { createAppI18n } from '@/i18n'

vi.mock('@/export/ledger-xlsx', async (original) => ({
  ...(await original<typeof import('@/export/ledger-xlsx')>()),
  buildLedger: () => Promise.reject(new Error('the workbook could not be written')),
}))

const source: LedgerSource = {
  data: { plan: { name: '2025年工作谋划', window: { start: '2025-01-01', end: '2025-12-31' } }, sections: [] },
  evaluations: new Map(),
  selected: [],
  departments: [],
  people: [],
  asOf: '2025-09-30',
}

describe('useLedgerExport', () => {
  it('says in the user\'s language that an export failed, instead of failing silently', async () => {
    let exporter: ReturnType<typeof useLedgerExport> | undefined
    const Host = defineComponent({
      setup() {
        exporter = useLedgerExport()
        return () => h('div')
      },
    })
    mount(Host, { global: { plugins: [createAppI18n('zh-CN'), createPinia()] }, attachTo: document.body })
    expect(exporter!.error.value).toBeNull()
    await exporter!.exportLedger(source)
    expect(exporter!.error.value).toBe('导出未完成：文件没有生成，请重试。（原因：the workbook could not be written）')
    expect(exporter!.cause.value).toBeInstanceOf(Error)
  })
})
