import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import DashboardHeadline from '@/components/dashboard/DashboardHeadline.vue'
import { STATUSES, type PlanProgress, type Status } from '@/domain'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'

function progress(time: number, done: number, expected: number, byStatus: Partial<Record<Status, number>> = {}): PlanProgress {
  const counts = { ...Object.fromEntries(STATUSES.map((s) => [s, 0])), ...byStatus } as Record<Status, number>
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  return { total, byStatus: counts, achievedShare: 0, paths: total, progress: done, expected, gapPoints: (done - expected) * 100, time, keepingPace: done >= time }
}

function mountHeadline(p: PlanProgress, locale: 'zh-CN' | 'en' = 'zh-CN', activeStatus: Status | null = null) {
  return mount(DashboardHeadline, { props: { progress: p, activeStatus }, global: { plugins: [createAppI18n(locale, { en })] } })
}

describe('DashboardHeadline', () => {
  it.each([
    ['past half time, keeping pace', progress(0.75, 0.8, 0.75), '时间过半、任务过半：已做到。序时进度75%，任务平均完成80%。', '超序时进度5个百分点'],
    // One 序时进度 (the share of the period gone): the gap and the sentence are both against it, and the gap is the
    // difference of the figures shown beside it (74.8% shows as 75%), never a surprise 4.8. The mean of the
    // commitments' own expectations (0.73 here) is not a second 序时进度.
    ['past half time, behind', progress(0.748, 0.702, 0.73), '时间过半、任务过半：尚未做到。序时进度75%，任务平均完成70%，差5个百分点。', '落后序时进度5个百分点'],
    ['before half time, keeping pace', progress(0.25, 0.3, 0.25), '时间尚未过半（序时进度25%），任务平均完成30%，跟上序时进度。', '超序时进度5个百分点'],
    ['before half time, behind', progress(0.25, 0.052, 0.25), '时间尚未过半（序时进度25%），任务平均完成5.2%，落后序时进度19.8个百分点。', '落后序时进度19.8个百分点'],
    ['a finished plan is not asked 时间过半', progress(1, 0.9, 1), '计划期已结束，任务平均完成90%。', '落后序时进度10个百分点'],
    ['a plan not yet begun', progress(0, 0, 0), '计划期尚未开始。', '与序时进度持平'],
    ['level with the schedule', progress(0.5, 0.5, 0.5), '时间过半、任务过半：已做到。序时进度50%，任务平均完成50%。', '与序时进度持平'],
  ])('answers 时间过半、任务过半 plainly: %s', (_name, p, sentence, gap) => {
    const wrapper = mountHeadline(p)
    expect(wrapper.get('[data-testid="headline-pace"]').text()).toBe(sentence)
    expect(wrapper.get('[data-testid="headline-gap"]').text()).toBe(gap)
  })

  it('says the same in English', () => {
    const wrapper = mountHeadline(progress(0.75, 0.8, 0.75), 'en')
    expect(wrapper.get('[data-testid="headline-pace"]').text()).toBe('Half the time gone, half the work done: yes. Schedule 75%; commitments on average 80% done.')
    expect(wrapper.get('[data-testid="headline-gap"]').text()).toBe('5 points ahead of schedule')
  })

  it('names one 序时进度, the share of the period gone, and says what each bar is', () => {
    const wrapper = mountHeadline(progress(0.748, 0.702, 0.73))
    expect(wrapper.get('[data-testid="headline-expected"]').text()).toBe('75%')
    expect(wrapper.text()).not.toContain('73%')
    expect(wrapper.text()).toContain('序时进度即计划期已过去的比例')
  })

  it('counts each status, shows missed only when there is one, and a tile toggles its status filter', async () => {
    const wrapper = mountHeadline(progress(0.75, 0.7, 0.75, { achieved: 4, behind: 2 }), 'zh-CN', 'behind')
    expect(wrapper.get('[data-testid="headline-total"]').text()).toContain('6')
    expect(wrapper.get('[data-testid="headline-achieved"]').text()).toBe('4已完成')
    expect(wrapper.find('[data-testid="headline-missed"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="headline-behind"]').attributes('aria-pressed')).toBe('true')
    await wrapper.get('[data-testid="headline-behind"]').trigger('click')
    await wrapper.get('[data-testid="headline-achieved"]').trigger('click')
    expect(wrapper.emitted('status')).toEqual([[null], ['achieved']])
  })
})
