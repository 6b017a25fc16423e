import { describe, expect, it } from 'vitest'
import { evaluateCommitment, narrativeText, reportDate, reportNumber, reportPercent, requirementText, summaryText, type Entry, type Target } from '@/domain'
import { YEAR_2025, commitment, measure, qty } from '../fixtures'

const count: Target = { kind: 'count', value: 15, direction: 'at_least', unit: '次' }
const ceiling: Target = { kind: 'count', value: 10, direction: 'at_most', unit: '件' }

function text(target: Target, title: string, entries: Entry[], asOf: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const c = commitment(target, { title })
  const evaluation = evaluateCommitment(YEAR_2025, c, entries, asOf)
  return { status: evaluation.status, text: narrativeText(c, evaluation, locale) }
}

describe('narrativeText (进展情况), by kind and status', () => {
  it.each<[string, Target, string, Entry[], string, string]>([
    ['count ahead', count, '组织集中学习', [qty('2025-03-01', 12)], '2025-09-30', 'on_track|“组织集中学习”累计完成12次，完成年度目标（不少于15次）的80%，超序时进度5个百分点。'],
    ['count behind', count, '组织集中学习', [qty('2025-03-01', 6)], '2025-09-30', 'behind|“组织集中学习”累计完成6次，完成年度目标（不少于15次）的40%，落后序时进度35个百分点。'],
    ['count achieved', count, '组织集中学习', [qty('2025-03-01', 16)], '2025-09-30', 'achieved|“组织集中学习”累计完成16次，已完成年度目标（不少于15次），完成率107%。'],
    ['count missed', count, '组织集中学习', [qty('2025-03-01', 12)], '2026-01-05', 'missed|“组织集中学习”全年累计完成12次，未完成年度目标（不少于15次），完成率80%。'],
    ['not started', count, '组织集中学习', [], '2024-12-01', 'not_started|“组织集中学习”计划期尚未开始（目标不少于15次）。'],
    ['upper bound kept so far', ceiling, '信访投诉', [qty('2025-03-01', 3)], '2025-09-30', 'on_track|“信访投诉”目前共计3件，控制在目标（不超过10件）以内。'],
    ['upper bound at risk', ceiling, '信访投诉', [qty('2025-03-01', 9)], '2025-06-30', 'at_risk|“信访投诉”目前共计9件，按当前趋势将突破目标上限（不超过10件），需加强管控。'],
    ['upper bound broken', ceiling, '信访投诉', [qty('2025-03-01', 12)], '2025-09-30', 'missed|“信访投诉”已达12件，突破目标上限（不超过10件）。'],
    ['upper bound kept to the end', ceiling, '信访投诉', [qty('2025-03-01', 3)], '2026-01-05', 'achieved|“信访投诉”全年共计3件，控制在目标（不超过10件）以内。'],
    ['percent change under way', { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 100, unit: '件' }, '工作效率', [measure('2025-06-01', 120)], '2025-09-30', 'at_risk|“工作效率”较基期提升20%，目标（较基期提升30%以上）完成67%，落后序时进度8个百分点。'],
    ['level behind', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }, '专家库专家数量', [measure('2025-06-01', 38)], '2025-09-30', 'behind|“专家库专家数量”目前为38人，目标（由32人达到50人以上）完成33%，落后序时进度42个百分点。'],
    ['level without measurement', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: null }, '专家库专家数量', [], '2025-09-30', 'behind|“专家库专家数量”尚无测量数据（目标达到50人以上）。'],
    ['ratio achieved', { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }, '考核占比', [measure('2025-06-01', 22)], '2025-09-30', 'achieved|“考核占比”目前为22%，已实现目标（不低于20%），完成率110%。'],
    ['recurring behind', { kind: 'recurring', period: 'month', minimum: 1, unit: '次' }, '集中学习交流', [qty('2025-01-05', 1), qty('2025-02-05', 1), qty('2025-04-05', 1)], '2025-05-15', 'behind|“集中学习交流”已有3个周期达标（共12个），落后序时进度8个百分点。'],
    ['milestone done', { kind: 'milestone', stages: [{ id: 's1', title: '建成', dueDate: null }] }, '建立专家库', [{ id: 'm1', commitmentIds: ['c1'], date: '2025-04-01', note: '', participants: '', place: '', evidenceUrl: '', type: 'milestone', stageId: 's1' }], '2025-09-30', 'achieved|“建立专家库”已全部完成（共1个节点）。'],
  ])('%s', (_name, target, title, entries, asOf, expected) => {
    const { status, text: sentence } = text(target, title, entries, asOf)
    expect(`${status}|${sentence}`).toBe(expected)
  })

  it('says the same in English', () => {
    expect(text(count, 'Study sessions', [qty('2025-03-01', 12)], '2025-09-30', 'en').text).toBe('“Study sessions”: 12次 done, 80% of the target (at least 15次), 5 points ahead of schedule.')
    expect(text(ceiling, 'Complaints', [qty('2025-03-01', 12)], '2025-09-30', 'en').text).toBe('“Complaints”: 12件 so far, over the limit (no more than 10件).')
  })
})

describe('summaryText and numbers as Chinese readers expect them', () => {
  const counts = { achieved: 12, on_track: 14, at_risk: 0, behind: 6, not_started: 0, missed: 0 }
  it('summarises the plan, leaving out empty statuses', () => {
    expect(summaryText('2025年工作谋划', '2025-09-30', counts, 'zh-CN')).toBe('截至2025年9月30日，2025年工作谋划共有目标任务32项，已完成12项，序时推进14项，滞后6项。')
    expect(summaryText('Plan 2025', '2025-09-30', counts, 'en')).toBe('As of 30 September 2025, Plan 2025 has 32 commitments: 12 achieved, 14 on track, 6 behind.')
  })

  it.each([
    [12, '12'],
    [12.5, '12.5'],
    [12345, '1.23万'],
    [100_000, '10万'],
    [250_000_000, '2.5亿'],
  ])('reportNumber(%s) is %s', (value, expected) => expect(reportNumber(value, 'zh-CN')).toBe(expected))

  it.each([
    [80, '80%'],
    [106.67, '107%'],
    [7.55, '7.6%'],
    [0, '0%'],
  ])('reportPercent(%s) is %s', (value, expected) => expect(reportPercent(value)).toBe(expected))

  it('writes dates and requirements in each language', () => {
    expect(reportDate('2025-09-30', 'zh-CN')).toBe('2025年9月30日')
    expect(reportDate('2025-09-30', 'en')).toBe('30 September 2025')
    expect(requirementText({ kind: 'recurring', period: 'month', minimum: 1, unit: '次' }, 'zh-CN')).toBe('每月不少于1次')
    expect(requirementText(count, 'en')).toBe('at least 15次')
  })

  it.each<[Target, string, string]>([
    [{ kind: 'milestone', stages: [{ id: 'a', title: '一楼大厅展示区', dueDate: null }, { id: 'b', title: '三楼走廊展示区', dueDate: null }] }, '完成一楼大厅展示区、三楼走廊展示区', 'Complete 一楼大厅展示区; 三楼走廊展示区'],
    [{ kind: 'milestone', stages: [{ id: 'a', title: '建成专家库', dueDate: null }] }, '完成建成专家库', 'Complete 建成专家库'],
    [{ kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }, '由32人达到50人以上', 'reach at least 50人 (from 32人)'],
    [{ kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }, '不低于20%', 'at least 20%'],
  ])('requirementText(%o) names the stages or the figure without the title', (target, zh, en) => {
    expect(requirementText(target, 'zh-CN')).toBe(zh)
    expect(requirementText(target, 'en')).toBe(en)
  })
})
