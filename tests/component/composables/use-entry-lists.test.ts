import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { useCommitmentEntries } from '@/composables/use-entry-lists'
import { useStorageStore } from '@/stores/storage'
import { activity, plan, studyCommitment, writerAt } from '../../unit/db/helpers'

/** A commitment's entries on its page, read from the commitment index and shown a page at a time (#19). */
describe('useCommitmentEntries', () => {
  it('shows the first page, latest dated first, adds a page on request, and keeps up with a new entry', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const { storage } = useStorageStore()
    const writer = writerAt('王芳')
    const day = (n: number) => `2025-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`
    await storage.write(
      {
        writes: [
          { table: 'plans', row: plan() },
          { table: 'commitments', row: studyCommitment() },
          { table: 'commitments', row: studyCommitment({ id: 'other', order: 1 }) },
          ...Array.from({ length: 45 }, (_, n) => ({ table: 'entries' as const, row: activity(`e${n}`, day(n), 1) })),
          { table: 'entries', row: { ...activity('elsewhere', '2025-06-01', 1), commitmentIds: ['other'] } },
        ],
      },
      writer,
    )
    let list: ReturnType<typeof useCommitmentEntries> | undefined
    mount(defineComponent({ setup: () => ((list = useCommitmentEntries('study', 20)), () => h('div')) }), { global: { plugins: [pinia] } })
    await vi.waitFor(() => expect(list!.entries.value).toHaveLength(45))
    expect(list!.shown.value.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => `e${44 - i}`))
    list!.more()
    expect(list!.shown.value).toHaveLength(40)
    list!.more()
    expect(list!.shown.value).toHaveLength(45)
    await storage.write({ writes: [{ table: 'entries', row: activity('newest', '2025-12-01', 2) }] }, writer)
    await vi.waitFor(() => expect(list!.shown.value[0]?.id).toBe('newest'))
    expect(list!.entries.value.some((e) => e.id === 'elsewhere')).toBe(false)
  })
})
