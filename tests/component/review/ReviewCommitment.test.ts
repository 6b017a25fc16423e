import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ReviewCommitment from '@/components/review/ReviewCommitment.vue'
import { evaluateCommitment, type LateChange, type ReviewNote } from '@/domain'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'
import { ensureNamespace, REVIEW_MESSAGES } from '@/i18n/namespaces'
import { YEAR_2025, commitment, qty } from '../../unit/domain/fixtures'

const study = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' })
const evaluation = evaluateCommitment(YEAR_2025, study, [qty('2025-03-01', 12)], '2025-09-30')
const GENERATED = '“组织集中学习”累计完成12次，完成年度目标（不少于15次）的80%，超序时进度5个百分点。'

const i18n = { 'zh-CN': createAppI18n('zh-CN', { en }), en: createAppI18n('en', { en }) }
await Promise.all(Object.values(i18n).map((instance) => ensureNamespace(instance.global, REVIEW_MESSAGES)))

function mountRow(note: Partial<ReviewNote> = {}, late?: LateChange, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  return mount(ReviewCommitment, {
    props: { number: 1, commitment: study, evaluation, change: 4, late, note: { commitmentId: 'c1', narrative: null, problems: '', nextSteps: '', ...note }, lead: '办公室' },
    global: { plugins: [i18n[locale], router] },
  })
}
const textarea = (wrapper: ReturnType<typeof mountRow>, id: string) => wrapper.get(`textarea[data-testid="${id}"]`)

describe('ReviewCommitment', () => {
  it('shows the figures and prefills 进展情况 with the generated text', () => {
    const wrapper = mountRow()
    expect(wrapper.get('[data-testid="review-actual"]').text()).toBe('12次')
    expect(wrapper.get('[data-testid="review-change"]').text()).toBe('+4次')
    expect((textarea(wrapper, 'review-narrative').element as HTMLTextAreaElement).value).toBe(GENERATED)
    expect(wrapper.text()).toContain('目标要求：不少于15次 · 责任单位：办公室')
    expect(wrapper.text()).toContain('+5个百分点')
  })

  it.each<[string, string, string, Record<string, unknown>[]]>([
    ['a problem typed', 'review-problems', '人手不足', [{ problems: '人手不足' }]],
    ['进展情况 edited', 'review-narrative', '已开展12次。', [{ narrative: '已开展12次。' }]],
    ['进展情况 left as generated stays generated (null)', 'review-narrative', `${GENERATED} `, []],
    ['nothing changed', 'review-next-steps', '', []],
  ])('hands up only what changed: %s', async (_name, id, text, expected) => {
    const wrapper = mountRow()
    // setValue fires input and change, as leaving the field does.
    await textarea(wrapper, id).setValue(text)
    expect(wrapper.emitted('save') ?? []).toEqual(expected.map((patch) => [patch]))
  })

  it('keeps what is being typed when another field\'s save updates the note', async () => {
    const wrapper = mountRow()
    await textarea(wrapper, 'review-next-steps').setValue('每月通报')
    await wrapper.setProps({ note: { commitmentId: 'c1', narrative: null, problems: '人手不足', nextSteps: '' } })
    expect((textarea(wrapper, 'review-next-steps').element as HTMLTextAreaElement).value).toBe('每月通报')
    expect((textarea(wrapper, 'review-problems').element as HTMLTextAreaElement).value).toBe('人手不足')
  })

  it('keeps 进展情况 being typed when the live figures change before the field is left', async () => {
    const wrapper = mountRow()
    const field = textarea(wrapper, 'review-narrative')
    const element = field.element as HTMLTextAreaElement
    element.value = '已开展集中学习12次，'
    await field.trigger('input')
    const later = evaluateCommitment(YEAR_2025, study, [qty('2025-03-01', 13)], '2025-09-30')
    await wrapper.setProps({ evaluation: later })
    expect(element.value).toBe('已开展集中学习12次，')
    await field.trigger('change')
    expect(wrapper.emitted('save')).toEqual([[{ narrative: '已开展集中学习12次，' }]])
  })

  it('follows the figures while 进展情况 is left as generated', async () => {
    const wrapper = mountRow()
    const later = evaluateCommitment(YEAR_2025, study, [qty('2025-03-01', 13)], '2025-09-30')
    await wrapper.setProps({ evaluation: later })
    expect((textarea(wrapper, 'review-narrative').element as HTMLTextAreaElement).value).toContain('累计完成13次')
  })

  it('offers to write from the figures again once edited, and flags a change since the freeze', async () => {
    const wrapper = mountRow({ narrative: '已开展12次。' }, { kind: 'changed', actual: 13, status: 'on_track' })
    expect(wrapper.get('[data-testid="review-late"]').text()).toBe('现为13次 · 序时推进')
    await wrapper.get('[data-testid="review-regenerate"]').trigger('click')
    expect(wrapper.emitted('save')).toEqual([[{ narrative: null }]])
  })

  it('reads in English', () => {
    const wrapper = mountRow({}, { kind: 'removed' }, 'en')
    expect(wrapper.get('[data-testid="review-late"]').text()).toBe('this commitment has been deleted')
    expect(wrapper.text()).toContain('Since last review')
  })
})
