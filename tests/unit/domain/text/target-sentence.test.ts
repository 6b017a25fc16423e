import { describe, expect, it } from 'vitest'
import { evaluationUnit, plainNumber, targetSentence, type Target } from '@/domain'

const stage = (id: string, title: string) => ({ id, title, dueDate: null })

describe('targetSentence', () => {
  it.each<[string, string, Target, string, string]>([
    ['组织集中学习', 'Study sessions', { kind: 'count', value: 15, direction: 'at_least', unit: '次' }, '组织集中学习不少于15次', 'Study sessions: at least 15次'],
    ['信访投诉', 'Complaints', { kind: 'count', value: 10, direction: 'at_most', unit: 'cases' }, '信访投诉不超过10 cases', 'Complaints: no more than 10 cases'],
    ['专家库专家数量', 'Expert pool', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }, '专家库专家数量由32人达到50人以上', 'Expert pool: reach at least 50人 (from 32人)'],
    ['专家库专家数量', 'Expert pool', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: null }, '专家库专家数量达到50人以上', 'Expert pool: reach at least 50人'],
    ['办件平均时长', 'Average days', { kind: 'level', value: 5, direction: 'at_most', unit: '天', baseline: null }, '办件平均时长控制在5天以内', 'Average days: keep within 5天'],
    ['工作效率', 'Efficiency', { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 120, unit: '件' }, '工作效率较基期提升30%以上', 'Efficiency: up at least 30% on the baseline'],
    ['法治风险', 'Legal risk', { kind: 'percent_change', percent: 20, direction: 'decrease', baseline: 40, unit: '项' }, '法治风险较基期降低20%以上', 'Legal risk: down at least 20% on the baseline'],
    ['考核占比', 'Assessment share', { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }, '考核占比不低于20%', 'Assessment share: at least 20%'],
    ['参学率', 'Attendance', { kind: 'ratio', percent: 100, direction: 'at_least', baseline: null }, '参学率达到100%', 'Attendance: 100%'],
    ['差错率', 'Error rate', { kind: 'ratio', percent: 2.5, direction: 'at_most', baseline: null }, '差错率不高于2.5%', 'Error rate: no more than 2.5%'],
    ['集中学习交流', 'Study exchanges', { kind: 'recurring', period: 'month', minimum: 1, unit: '次' }, '每月集中学习交流不少于1次', 'Study exchanges: at least 1次 every month'],
    ['回头看活动', 'Follow-up reviews', { kind: 'recurring', period: 'half_year', minimum: 2, unit: '' }, '每半年回头看活动不少于2', 'Follow-up reviews: at least 2 every half-year'],
    ['建立法治决策咨询专家库', 'Set up the panel', { kind: 'milestone', stages: [stage('a', '建立法治决策咨询专家库')] }, '完成建立法治决策咨询专家库', 'Complete Set up the panel (建立法治决策咨询专家库)'],
    ['新增法治文化展示区', 'New exhibition areas', { kind: 'milestone', stages: [stage('a', '一楼'), stage('b', '三楼'), stage('c', '')] }, '完成新增法治文化展示区（一楼、三楼、…）', 'Complete New exhibition areas (一楼; 三楼; …)'],
  ])('%s', (zhTitle, enTitle, target, zh, en) => {
    expect(targetSentence(zhTitle, target, 'zh-CN')).toBe(zh)
    expect(targetSentence(enTitle, target, 'en')).toBe(en)
  })

  it.each<[string, Target]>([
    ['组织不少于15次集中学习', { kind: 'count', value: 15, direction: 'at_least', unit: '次' }],
    ['开展十五次专题调研', { kind: 'count', value: 15, direction: 'at_least', unit: '次' }],
    ['工作效率提升30%以上', { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 120, unit: '件' }],
    ['专家库扩充至50人以上', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }],
    ['考核占比不低于20%', { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }],
    ['每月集中学习交流不少于一次', { kind: 'recurring', period: 'month', minimum: 1, unit: '次' }],
  ])('a title that already states its target is the sentence as typed: %s', (title, target) => {
    expect(targetSentence(title, target, 'zh-CN')).toBe(title)
  })

  it('still adds the target when the title names another number, and never says it twice', () => {
    expect(targetSentence('开展15次专题调研', { kind: 'count', value: 20, direction: 'at_least', unit: '次' }, 'zh-CN')).toBe('开展15次专题调研不少于20次')
    // A recurring title with its minimum but not its period gets the period, and the minimum once.
    expect(targetSentence('集中学习交流不少于1次', { kind: 'recurring', period: 'month', minimum: 1, unit: '次' }, 'zh-CN')).toBe('每月集中学习交流不少于1次')
  })

  it('says so when the title is still empty', () => {
    const target: Target = { kind: 'count', value: 3, direction: 'at_least', unit: '次' }
    expect(targetSentence('  ', target, 'zh-CN')).toBe('（未填写任务名称）不少于3次')
    expect(targetSentence('', target, 'en')).toBe('(untitled): at least 3次')
  })
})

describe('plainNumber', () => {
  it.each([
    [15, '15'],
    [2.5, '2.5'],
    [12345, '12345'],
    [1 / 3, '0.33'],
    [0, '0'],
  ])('%d → %s', (value, text) => {
    expect(plainNumber(value)).toBe(text)
  })
})

describe('evaluationUnit', () => {
  it.each<[Target, string]>([
    [{ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, '次'],
    [{ kind: 'level', value: 50, direction: 'at_least', unit: ' 人 ', baseline: 32 }, '人'],
    [{ kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }, '%'],
    [{ kind: 'percent_change', percent: 30, direction: 'increase', baseline: 20, unit: '件' }, '%'],
    // Periods met of periods, not sessions: "3 / 12", never "3 / 12次".
    [{ kind: 'recurring', period: 'month', minimum: 1, unit: '次' }, ''],
    [{ kind: 'milestone', stages: [stage('a', '建库')] }, ''],
  ])('%j → %s', (target, unit) => expect(evaluationUnit(target)).toBe(unit))
})
