import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import BatchEntryTable from '@/components/entry/BatchEntryTable.vue'
import type { Commitment } from '@/domain'
import { click, dialogText, mountForm, settle } from '../forms'

const WINDOW = { start: '2025-01-01', end: '2025-12-31' }
const study: Commitment = { id: 'study', planId: 'plan-2025', sectionId: null, title: '组织集中学习', target: { kind: 'count', value: 15, direction: 'at_least', unit: '次' }, leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: 0 }

type Row = { date: string; commitmentIds: string[]; quantity: number | null; note: string }
/** Fills rows as a person would with the pickers: through the component's own row state. */
async function fill(wrapper: VueWrapper, rows: Partial<Row>[]) {
  const state = (wrapper.findComponent(BatchEntryTable).vm as unknown as { $: { setupState: { rows: Row[] } } }).$.setupState
  rows.forEach((patch, i) => Object.assign(state.rows[i]!, patch))
  await settle()
}

async function open() {
  return mountForm(BatchEntryTable, { window: WINDOW, commitments: [study], today: '2025-04-01', defaultDate: '2025-04-01' }, { planProp: false, openProp: false, commitments: [study] })
}

describe('batch entry', () => {
  it('saves every filled row at once, skipping blank ones', async () => {
    const { wrapper, storage } = await open()
    await fill(wrapper, [
      { date: '2025-03-03', commitmentIds: ['study'], quantity: 1, note: '集中学习宪法' },
      { date: '2025-03-17', commitmentIds: ['study'], quantity: 2, note: '专题研讨' },
    ])
    await click('batch-save')
    const saved = (await storage.entries.list()).sort((a, b) => a.date.localeCompare(b.date))
    expect(saved.map((e) => [e.date, e.type === 'quantity' && e.quantity, e.note])).toEqual([
      ['2025-03-03', 1, '集中学习宪法'],
      ['2025-03-17', 2, '专题研讨'],
    ])
    expect(document.querySelectorAll('[data-testid="batch-row"]')).toHaveLength(3)
  })

  it('saves nothing when one row is wrong, and says which row and why', async () => {
    const { wrapper, storage } = await open()
    await fill(wrapper, [
      { date: '2025-03-03', commitmentIds: ['study'], quantity: 1 },
      { date: '2025-03-17', commitmentIds: [], quantity: 1, note: '忘了选目标任务' },
      { date: '2025-03-20', commitmentIds: ['study'], quantity: 0 },
    ])
    await click('batch-save')
    await vi.waitFor(() => expect(dialogText('batch-error')).toContain('第 2 行：请至少选择一项目标任务'))
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="batch-row"] .el-form-item__error').length).toBe(2))
    expect(await storage.entries.list()).toEqual([])
  })

  it('stores each row\'s evidence with its entry; a row with files but no commitment is not blank, and stops the save', async () => {
    const { wrapper, storage } = await open()
    const pdf = new File(['%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'], '会议纪要.pdf', { type: 'application/pdf' })
    const choose = async (row: number, files: File[]) => {
      const input = document.querySelectorAll<HTMLInputElement>('[data-testid="batch-row"] [data-testid="evidence-input"]')[row]!
      Object.defineProperty(input, 'files', { value: files, configurable: true })
      input.dispatchEvent(new Event('change'))
      await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="batch-row"]')[row]!.textContent).toContain(files[0]!.name))
    }
    await fill(wrapper, [{ date: '2025-03-03', commitmentIds: ['study'], quantity: 1, note: '集中学习宪法' }])
    await choose(0, [pdf])
    await choose(1, [new File(['%PDF-1.4\n%%EOF\n'], '签到表.pdf')])
    await click('batch-save')
    await vi.waitFor(() => expect(dialogText('batch-error')).toContain('第 2 行'))
    expect([await storage.entries.list(), await storage.db.attachments.count(), await storage.db.files.count()]).toEqual([[], 0, 0])

    const state = (wrapper.findComponent(BatchEntryTable).vm as unknown as { $: { setupState: { rows: { evidence: unknown[] }[] } } }).$.setupState
    state.rows[1]!.evidence = []
    await settle()
    await click('batch-save')
    await vi.waitFor(async () => expect(await storage.entries.list()).toHaveLength(1))
    const [entry] = await storage.entries.list()
    const attachments = await storage.db.attachments.toArray()
    expect(attachments.map((a) => [a.entryId, a.name, a.kind, a.size])).toEqual([[entry!.id, '会议纪要.pdf', 'pdf', pdf.size]])
    // Its bytes are stored beside the row (a PDF has no thumbnail); byte identity is the write path's unit test.
    expect(await storage.db.files.get(attachments[0]!.id)).toMatchObject({ id: attachments[0]!.id, thumbnail: null })
  })

  it('asks for at least one row when all are blank', async () => {
    const { storage } = await open()
    await click('batch-save')
    expect(dialogText('batch-error')).toContain('请至少填写一行')
    expect(await storage.entries.list()).toEqual([])
  })
})
