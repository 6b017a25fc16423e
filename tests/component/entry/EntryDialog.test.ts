import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import EntryDialog from '@/components/entry/EntryDialog.vue'
import EntryForm from '@/components/entry/EntryForm.vue'
import type { EntryFormState } from '@/components/entry/entry-form'
import { chinaDate, type Commitment, type Target } from '@/domain'
import { click, dialogText, fieldError, mountForm, settle, type } from '../forms'

const WINDOW = { start: '2025-01-01', end: '2025-12-31' }
const commitment = (id: string, title: string, target: Target): Commitment => ({
  id, planId: 'plan-2025', sectionId: null, title, target, leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: 0,
})
const study = commitment('study', '组织集中学习', { kind: 'count', value: 15, direction: 'at_least', unit: '次' })
const training = commitment('training', '开展法治培训', { kind: 'count', value: 10, direction: 'at_least', unit: '次' })
const experts = commitment('experts', '专家库专家数量', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 })
const share = commitment('share', '考核占比', { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null })
const panel = commitment('panel', '建立专家库', { kind: 'milestone', stages: [{ id: 'a', title: '制定方案', dueDate: '2025-06-30' }, { id: 'b', title: '正式运行', dueDate: null }] })

/** Changes form fields the way the select and date picker do: through the form's v-model. */
async function edit(wrapper: VueWrapper, patch: Partial<EntryFormState>) {
  const form = wrapper.findComponent(EntryForm)
  await form.vm.$emit('update:modelValue', { ...(form.props('modelValue') as EntryFormState), ...patch })
  await settle()
}

async function open(c: Commitment, entries: unknown[] = []) {
  return mountForm(EntryDialog, { window: WINDOW, commitment: c, others: [study, training, experts, share, panel], entries, entry: null, defaultDate: '2025-03-12' }, { planProp: false, commitments: [study, training, experts, share, panel] })
}

describe('the entry form', () => {
  it('logs an activity with its details, counted toward two commitments at once', async () => {
    const { storage, wrapper } = await open(study)
    await type('entry-note', '集中学习宪法')
    await type('entry-participants', '全体干部')
    await type('entry-place', '三楼会议室')
    await type('entry-evidence', 'http://oa.local/minutes/12')
    await edit(wrapper, { alsoIds: ['training'] })
    await click('save-entry')
    const [entry] = await storage.entries.list()
    expect(entry).toMatchObject({ type: 'quantity', quantity: 1, date: '2025-03-12', commitmentIds: ['study', 'training'], note: '集中学习宪法', participants: '全体干部', place: '三楼会议室', evidenceUrl: 'http://oa.local/minutes/12', updatedBy: '王芳', loggedOn: chinaDate(Date.now()) })
  })

  it('refuses 2.5 sessions and 1e308 at the quantity field, saving nothing', async () => {
    const { storage } = await open(study)
    await type('entry-quantity', '2.5')
    await click('save-entry')
    await vi.waitFor(() => expect(fieldError('entry-quantity')).toBe('该任务以整数计（如次、场、人），请输入整数'))
    await type('entry-quantity', '1e308')
    await click('save-entry')
    await vi.waitFor(() => expect(fieldError('entry-quantity')).toBe('数值过大，不能超过1,000,000,000'))
    expect(await storage.entries.list()).toEqual([])
  })

  it('records a measurement for a level target', async () => {
    const { storage } = await open(experts)
    expect(dialogText('entry-dialog')).toContain('测量日期')
    await type('entry-value', '41')
    await click('save-entry')
    expect((await storage.entries.list())[0]).toMatchObject({ type: 'measurement', value: 41, denominator: null, commitmentIds: ['experts'] })
  })

  it('records a ratio as numerator and denominator', async () => {
    const { storage } = await open(share)
    await type('entry-value', '18')
    await type('entry-denominator', '100')
    await click('save-entry')
    expect((await storage.entries.list())[0]).toMatchObject({ type: 'measurement', value: 18, denominator: 100 })
  })

  it('marks a stage done, and does not offer a stage already done', async () => {
    const { storage } = await open(panel, [{ id: 'x', type: 'milestone', stageId: 'a', commitmentIds: ['panel'], date: '2025-02-01' }])
    const radios = [...document.querySelectorAll<HTMLInputElement>('[data-testid="entry-stage"] input')]
    expect(radios.map((r) => r.disabled)).toEqual([true, false])
    radios[1]!.click()
    await settle()
    await click('save-entry')
    expect((await storage.entries.list())[0]).toMatchObject({ type: 'milestone', stageId: 'b' })
  })

  it.each<[string, Commitment, [string, string][], string, string]>([
    ['a quantity of zero', study, [['entry-quantity', '0']], 'entry-quantity', '必须大于0'],
    ['a negative quantity', study, [['entry-quantity', '-1']], 'entry-quantity', '不能为负数'],
    ['a link that is not a web address', study, [['entry-evidence', 'javascript:alert(1)']], 'entry-evidence', '请输入以 http:// 或 https:// 开头的网址'],
    ['a measurement left empty', experts, [], 'entry-value', '请输入数字'],
    ['a numerator above its denominator', share, [['entry-value', '120'], ['entry-denominator', '100']], 'entry-value', '分子不能大于分母'],
    ['a zero denominator', share, [['entry-value', '0'], ['entry-denominator', '0']], 'entry-denominator', '分母必须大于0'],
    ['no stage chosen', panel, [], 'entry-stage', '不能为空'],
    ['a note past 5000 characters', study, [['entry-note', '学'.repeat(5001)]], 'entry-note', '不能超过'],
    ['a place past 5000 characters', study, [['entry-place', '楼'.repeat(6000)]], 'entry-place', '不能超过'],
  ])('refuses %s at the field and stores nothing', async (_name, c, inputs, field, message) => {
    const { storage } = await open(c)
    for (const [id, value] of inputs) await type(id, value)
    await click('save-entry')
    await vi.waitFor(() => expect(fieldError(field)).toContain(message))
    expect(await storage.entries.list()).toEqual([])
  })

  it('refuses a date outside the plan, at the date field', async () => {
    const { storage, wrapper } = await open(study)
    await edit(wrapper, { date: '2024-12-31' })
    await click('save-entry')
    await vi.waitFor(() => expect(fieldError('entry-date')).toContain('日期应在计划的起止日期之内'))
    expect(await storage.entries.list()).toEqual([])
  })
})
