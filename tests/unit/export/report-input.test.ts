import { describe, expect, it } from 'vitest'
import { ledgerInput, type LedgerSource } from '@/export/ledger-input'
import { reportInput } from '@/export/report-input'
import { evaluateCommitment, type Commitment, type Review, type Section } from '@/domain'
import { createAppI18n } from '@/i18n'
import en from '@/i18n/en'
import { ensureNamespace, REVIEW_MESSAGES } from '@/i18n/namespaces'
import { REVIEW_LEDGER_COLUMNS, LEDGER_COLUMNS } from '@/export/ledger-xlsx'
import { YEAR_2025, commitment, qty } from '../domain/fixtures'
import { LEDGER_HEADINGS_ZH } from './ledger-headings'

const sections: Section[] = [
  { id: 's1', planId: 'p1', parentId: null, title: '固法治根本', order: 0 },
  { id: 's2', planId: 'p1', parentId: null, title: '优法治服务', order: 1 },
]
const study = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { id: 'c1', sectionId: 's1', title: '组织集中学习', leadDepartmentId: 'd1' })
const survey = commitment({ kind: 'count', value: 12, direction: 'at_least', unit: '次' }, { id: 'c2', sectionId: 's2', title: '开展法治调研', order: 1 })
const commitments: Commitment[] = [study, survey]
const evaluations = new Map(commitments.map((c) => [c.id, evaluateCommitment(YEAR_2025, c, [qty('2025-03-01', 12, [c.id])], '2025-09-30')]))
const review: Pick<Review, 'title' | 'period' | 'meetingDate' | 'attendees' | 'decisions' | 'notes'> = {
  title: '2025年第三季度工作调度会',
  period: { unit: 'quarter', year: 2025, index: 3 },
  meetingDate: '2025-10-10',
  attendees: '局领导班子成员',
  decisions: '加强督办\n\n10月底前补齐短板',
  notes: [{ commitmentId: 'c1', narrative: '已开展集中学习12次。', problems: '参学不够主动', nextSteps: '' }],
}

function source(withReview: boolean, selected = commitments): LedgerSource {
  return {
    data: { plan: { name: '2025年工作谋划', window: YEAR_2025 }, sections },
    evaluations,
    selected,
    departments: [{ id: 'd1', name: '办公室' }],
    people: [],
    asOf: '2025-09-30',
    ...(withReview ? { review } : {}),
  }
}
const i18n = createAppI18n('zh-CN', { en })
await ensureNamespace(i18n.global, REVIEW_MESSAGES)
const translate = (locale: 'zh-CN' | 'en') => ((key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {}, { locale }))
const outline = (input: ReturnType<typeof reportInput>) => input.sections.map((s) => `${s.level ?? 1}|${s.heading}|${s.paragraphs.length}`)

describe('the report of a review', () => {
  it('reads as a meeting\'s summary: progress by section, problems, decisions; chapters with nothing are left out', () => {
    const input = reportInput(source(true), [], translate('zh-CN'), 'zh-CN')
    expect(input.title).toBe('关于2025年第三季度工作推进情况的报告')
    expect(input.summary).toBe('截至2025年9月30日，2025年工作谋划共有目标任务2项，已完成1项，序时推进1项。')
    expect(outline(input)).toEqual(['1||1', '1|一、工作进展情况|0', '2|（一）固法治根本|1', '2|（二）优法治服务|1', '1|二、存在的问题|1', '1|三、会议议定事项|2'])
    expect(input.sections[0]!.paragraphs).toEqual(['会议时间：2025年10月10日。参会人员：局领导班子成员。'])
    expect(input.sections[2]!.paragraphs).toEqual(['已开展集中学习12次。'])
    expect(input.sections[4]!.paragraphs).toEqual(['“组织集中学习”：参学不够主动。'])
    expect(input.sections[5]!.paragraphs).toEqual(['加强督办。', '10月底前补齐短板。'])
    expect(input.figuresHeading).toBe('四、统计图表')
  })

  it('keeps a section\'s number in the plan when others are filtered out, and numbers in English as 1. and (1)', () => {
    expect(outline(reportInput(source(true, [survey]), [], translate('zh-CN'), 'zh-CN'))).toContain('2|（二）优法治服务|1')
    const english = reportInput(source(true), [], translate('en'), 'en')
    expect(english.title).toBe('Progress report, Q3 2025')
    expect(outline(english).slice(1, 3)).toEqual(['1|1. Progress|0', '2|(1) 固法治根本|1'])
  })

  it('lists commitments in plan order under their sub-sections, whatever order the screen shows, and signs with the organisation and date', () => {
    const subSections: Section[] = [...sections, { id: 's1a', planId: 'p1', parentId: 's1', title: '理论武装', order: 0 }, { id: 's1b', planId: 'p1', parentId: 's1', title: '制度建设', order: 1 }]
    const first = { ...study, sectionId: 's1a', order: 0 }
    const second = commitment({ kind: 'count', value: 10, direction: 'at_least', unit: '项' }, { id: 'c6', sectionId: 's1b', title: '修订完善制度', order: 0 })
    const third = commitment({ kind: 'count', value: 4, direction: 'at_least', unit: '次' }, { id: 'c7', sectionId: 's1a', title: '开展专题研讨', order: 1 })
    const all = [first, second, third, survey]
    const evaluated = new Map(all.map((c) => [c.id, evaluateCommitment(YEAR_2025, c, [], '2025-09-30')]))
    const worstFirst = [survey, third, second, first]
    const base = source(false, worstFirst)
    const input = reportInput({ ...base, data: { plan: { name: '2025年工作谋划', organisation: '某市司法局', window: YEAR_2025 }, sections: subSections }, evaluations: evaluated }, [], translate('zh-CN'), 'zh-CN')
    expect(outline(input)).toEqual(['1|一、固法治根本|0', '2|（一）理论武装|2', '2|（二）制度建设|1', '1|二、优法治服务|1'])
    expect(input.sections[1]!.paragraphs.map((p) => p.slice(0, 8))).toEqual(['“组织集中学习”', '“开展专题研讨”'])
    expect(input.signature).toEqual({ organisation: '某市司法局', date: '2025年9月30日' })
    // Under a review's 一、工作进展情况 chapter every level moves down one: sections are （一）, sub-sections 1．.
    const review = reportInput({ ...source(true, worstFirst), data: { plan: { name: '2025年工作谋划', window: YEAR_2025 }, sections: subSections }, evaluations: evaluated }, [], translate('zh-CN'), 'zh-CN')
    expect(outline(review).slice(1, 6)).toEqual(['1|一、工作进展情况|0', '2|（一）固法治根本|0', '3|1．理论武装|2', '3|2．制度建设|1', '2|（二）优法治服务|1'])
    expect(review.signature).toEqual({ organisation: '', date: '2025年10月10日' })
  })

  it('leaves the dashboard\'s report as it was: plan sections as 一、 headings, generated text', () => {
    const input = reportInput(source(false), [], translate('zh-CN'), 'zh-CN')
    expect(input.title).toBe('2025年工作谋划落实情况报告')
    expect(outline(input)).toEqual(['1|一、固法治根本|1', '1|二、优法治服务|1'])
    expect(input.sections[0]!.paragraphs[0]).toMatch(/^“组织集中学习”累计完成12次/)
  })
})

describe('the ledger of a review', () => {
  it('adds problems and next steps and uses the meeting\'s own 进展情况', () => {
    const input = ledgerInput(source(true), translate('zh-CN'), 'zh-CN')
    expect(input.columns).toEqual(REVIEW_LEDGER_COLUMNS)
    expect(input.headings).toEqual(LEDGER_HEADINGS_ZH)
    expect(input.title).toBe('2025年第三季度工作调度会工作台账（截至2025年9月30日）')
    const row = input.sections[0]!.rows[0]!
    expect([row.title, row.narrative, row.problems, row.lead, row.actual]).toEqual(['组织集中学习', '已开展集中学习12次。', '参学不够主动', '办公室', '12次'])
    expect(ledgerInput(source(false), translate('zh-CN'), 'zh-CN').columns).toEqual(LEDGER_COLUMNS)
  })

  it('numbers rows in the order they are shown: section by section, commitments without a section last', () => {
    const loose = commitment({ kind: 'count', value: 5, direction: 'at_least', unit: '次' }, { id: 'c3', sectionId: null, title: '其他工作', order: -1 })
    const looseEvaluations = new Map([...evaluations, ['c3', evaluateCommitment(YEAR_2025, loose, [], '2025-09-30')]])
    const input = ledgerInput({ ...source(false, [loose, survey, study]), evaluations: looseEvaluations }, translate('zh-CN'), 'zh-CN')
    expect(input.sections.map((s) => [s.title, s.rows.map((r) => `${r.number}${r.title}`)])).toEqual([
      ['一、固法治根本', ['1组织集中学习']],
      ['二、优法治服务', ['2开展法治调研']],
      ['', ['3其他工作']],
    ])
  })

  it('keeps sub-sections as rows of their own, and writes the figures as the screens show them', () => {
    const subSections: Section[] = [...sections, { id: 's1a', planId: 'p1', parentId: 's1', title: '理论武装', order: 0 }]
    const nested = { ...study, sectionId: 's1a' }
    const monthly = commitment({ kind: 'recurring', period: 'month', minimum: 1, unit: '次' }, { id: 'c4', sectionId: 's1a', title: '集中学习交流', order: 1 })
    const limit = commitment({ kind: 'ratio', percent: 5, direction: 'at_most', baseline: null }, { id: 'c5', sectionId: 's2', title: '行政复议纠错率', order: 2 })
    const evaluated = new Map([
      ['c1', evaluateCommitment(YEAR_2025, nested, [qty('2025-03-01', 5, ['c1'])], '2025-09-30')],
      ['c4', evaluateCommitment(YEAR_2025, monthly, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => qty(`2025-${String(m).padStart(2, '0')}-10`, 1, ['c4'])), '2025-12-20')],
      ['c5', evaluateCommitment(YEAR_2025, limit, [{ ...qty('2025-06-01', 0, ['c5']), type: 'measurement', value: 4.4, denominator: null } as never], '2025-09-30')],
    ])
    const input = ledgerInput({ ...source(false, [nested, monthly, limit]), data: { plan: { name: '2025年工作谋划', window: YEAR_2025 }, sections: subSections }, evaluations: evaluated }, translate('zh-CN'), 'zh-CN')
    expect(input.sections.map((s) => [s.level, s.title, s.rows.map((r) => r.title)])).toEqual([
      [0, '一、固法治根本', []],
      [1, '（一）理论武装', ['组织集中学习', '集中学习交流']],
      [0, '二、优法治服务', ['行政复议纠错率']],
    ])
    const [study5, monthly11] = input.sections[1]!.rows
    // 5 of 15 is 33.3% as shown, not 0.33299…; the gap is the difference of the shown figures.
    expect([study5!.percent, study5!.gap, study5!.completion]).toEqual([33, 33 - 75, '完成率33%，落后序时进度42个百分点'])
    expect(monthly11!.actual).toBe('11/12')
    const row = input.sections[2]!.rows[0]!
    expect([row.percent, row.gap, row.completion, row.actual]).toEqual([null, null, '目前4.4%，控制在5%以内', '4.4%'])
  })
})

