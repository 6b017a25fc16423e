import { describe, expect, it, vi } from 'vitest'
import CommitmentDialog from '@/components/commitment/CommitmentDialog.vue'
import { emptyDraft, type CommitmentDraft, type Target } from '@/domain'
import { click, dialogText, fieldError, mountForm, type } from '../forms'

const draft = (patch: Partial<CommitmentDraft>): CommitmentDraft => ({ ...emptyDraft(), title: '组织集中学习', ...patch })

async function open(initial: CommitmentDraft) {
  return mountForm(CommitmentDialog, { outline: [], commitment: null, initial })
}

describe('the commitment form', () => {
  it.each<[string, Partial<CommitmentDraft>, string, Target]>([
    ['count', { value: 15 }, '组织集中学习不少于15次', { kind: 'count', value: 15, direction: 'at_least', unit: '次' }],
    ['recurring', { title: '集中学习交流', kind: 'recurring', period: 'month', minimum: 1 }, '每月集中学习交流不少于1次', { kind: 'recurring', period: 'month', minimum: 1, unit: '次' }],
    ['level', { title: '专家库专家数量', kind: 'level', value: 50, unit: '人', baseline: 32 }, '专家库专家数量由32人达到50人以上', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }],
    ['ratio', { title: '考核占比', kind: 'ratio', value: 20 }, '考核占比不低于20%', { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }],
    ['percent change', { title: '工作效率', kind: 'percent_change', value: 30, unit: '件', baseline: 20 }, '工作效率较基期提升30%以上', { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 20, unit: '件' }],
    ['milestone', { title: '建立专家库', kind: 'milestone', stages: [{ id: 's1', title: '建立专家库', dueDate: '2025-06-30' }] }, '完成建立专家库', { kind: 'milestone', stages: [{ id: 's1', title: '建立专家库', dueDate: '2025-06-30' }] }],
  ])('saves a %s target, showing it as one sentence first', async (_kind, patch, sentence, target) => {
    const { storage } = await open(draft(patch))
    expect(dialogText('commitment-sentence')).toContain(sentence)
    await click('save-commitment')
    const [saved] = await storage.commitments.list()
    expect(saved).toMatchObject({ planId: 'plan-2025', target })
  })

  it('updates the sentence while the title is typed', async () => {
    await open(draft({ value: 12, title: '' }))
    expect(dialogText('commitment-sentence')).toContain('（未填写任务名称）不少于12次')
    await type('commitment-title', '开展前瞻性法治调研')
    expect(dialogText('commitment-sentence')).toContain('开展前瞻性法治调研不少于12次')
  })

  it.each<[string, Partial<CommitmentDraft>, string, string]>([
    ['an empty title', { title: ' ', value: 3 }, 'commitment-title', '不能为空'],
    ['a pasted document as the title', { title: '组织集中学习'.repeat(20_000), value: 3 }, 'commitment-title', '不能超过500字（现为120,000字）'],
    ['a target of 1e308', { value: 1e308 }, 'target-value', '数值过大，不能超过1,000,000,000'],
    ['no target value', { value: null }, 'target-value', '请输入数字'],
    ['a negative target', { value: -5 }, 'target-value', '不能为负数'],
    ['a ratio above 100%', { kind: 'ratio', value: 120 }, 'target-value', '百分比应在0到100之间'],
    ['a percent change from a zero baseline', { kind: 'percent_change', value: 30, baseline: 0 }, 'target-baseline', '基期值不能为0'],
    ['a percent change without a baseline', { kind: 'percent_change', value: 30, baseline: null }, 'target-baseline', '请输入数字'],
    ['a recurring target of zero', { kind: 'recurring', minimum: 0 }, 'target-minimum', '必须大于0'],
    ['a milestone without stages', { kind: 'milestone' }, 'add-stage', '至少需要一个阶段'],
    ['a due date after the plan ends', { value: 3, dueDate: '2026-03-31' }, 'due-date', '日期应在计划的起止日期之内'],
    ['phasing that goes down', { value: 3, phasing: { unit: 'quarter', cumulative: [50, 40, 75, 100] } }, 'phasing-mode', '形象进度应逐期累计、不能下降'],
  ])('refuses %s at the field and saves nothing', async (_name, patch, field, message) => {
    const { storage } = await open(draft(patch))
    await click('save-commitment')
    // Element Plus shows a field's message a moment after marking it (its state is debounced).
    await vi.waitFor(() => expect(fieldError(field)).toContain(message))
    expect(dialogText('form-errors')).toContain('请先改正标红的内容')
    expect(await storage.commitments.list()).toEqual([])
  })

  it('keeps monthly phasing when another field of the commitment is edited', async () => {
    const monthly = { unit: 'month' as const, cumulative: [5, 10, 20, 30, 40, 50, 55, 60, 70, 80, 90, 100] }
    const { storage } = await open(draft({ value: 15, phasing: monthly }))
    expect(document.querySelectorAll('.phasing-fields__phase')).toHaveLength(12)
    await type('commitment-title', '组织集中学习研讨')
    await click('save-commitment')
    const [saved] = await storage.commitments.list()
    expect(saved).toMatchObject({ title: '组织集中学习研讨', phasing: monthly })
  })

  it('keeps a title with markup as plain text', async () => {
    const { storage } = await open(draft({ title: '<img src=x onerror=alert(1)>', value: 2 }))
    expect(document.querySelector('[data-testid="commitment-sentence"] img')).toBeNull()
    expect(dialogText('commitment-sentence')).toContain('<img src=x onerror=alert(1)>不少于2次')
    await click('save-commitment')
    expect((await storage.commitments.list())[0]!.title).toBe('<img src=x onerror=alert(1)>')
  })
})
