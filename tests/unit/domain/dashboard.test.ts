import { describe, expect, it } from 'vitest'
import {
  dayTotals,
  evaluatePlan,
  filtersToQuery,
  NO_FILTERS,
  parseFilters,
  planTree,
  quarterMatrix,
  selectCommitments,
  supervisionList,
  worstFirst,
  type Commitment,
  type DashboardFilters,
  type Section,
} from '@/domain'
import { YEAR_2025, commitment, qty } from './fixtures'

const count = (value: number) => ({ kind: 'count' as const, value, direction: 'at_least' as const, unit: '次' })

const sections: Section[] = [
  { id: 's1', planId: 'p1', parentId: null, title: '理论学习', order: 0 },
  { id: 's1a', planId: 'p1', parentId: 's1', title: '集中学习', order: 0 },
  { id: 's2', planId: 'p1', parentId: null, title: '调查研究', order: 1 },
]
const commitments: Commitment[] = [
  commitment(count(12), { id: 'study', title: '组织集中学习', sectionId: 's1a', leadDepartmentId: 'office', ownerId: 'wang' }),
  commitment(count(8), { id: 'talks', title: '开展专题宣讲', sectionId: 's1', leadDepartmentId: 'research', coDepartmentIds: ['office'], leaderId: 'li' }),
  commitment(count(10), { id: 'survey', title: '开展专题调研', sectionId: 's2', leadDepartmentId: 'research', ownerId: 'li', dueDate: '2025-04-10' }),
]
// As of 2025-04-05: study has 12 (achieved), talks 1 of 8 (behind), survey 2 of 10 due in five days (behind, due soon).
const entries = [qty('2025-02-01', 12, ['study']), qty('2025-03-01', 1, ['talks']), qty('2025-03-02', 2, ['survey'])]
const asOf = '2025-04-05'
const evaluations = evaluatePlan(YEAR_2025, commitments, entries, asOf)

describe('dashboard filters', () => {
  it.each<[string, Record<string, string | string[]>, Partial<DashboardFilters>]>([
    ['nothing', {}, {}],
    ['every filter', { plan: 'p1', asOf: '2025-06-30', section: 's1', department: 'office', person: 'wang', status: 'behind' }, { planId: 'p1', asOf: '2025-06-30', sectionId: 's1', departmentId: 'office', personId: 'wang', status: 'behind' }],
    ['a malformed date and an unknown status', { asOf: '2025-13-40', status: 'great' }, {}],
    ['repeated keys (the first counts) and blanks', { plan: ['p2', 'p3'], section: '  ' }, { planId: 'p2' }],
  ])('parse %s', (_name, query, expected) => {
    expect(parseFilters(query)).toEqual({ ...NO_FILTERS, ...expected })
  })

  it('write only the filters that narrow, and read back what they wrote', () => {
    const filters: DashboardFilters = { ...NO_FILTERS, planId: 'p1', status: 'at_risk' }
    expect(filtersToQuery(filters)).toEqual({ plan: 'p1', status: 'at_risk' })
    expect(parseFilters(filtersToQuery(filters))).toEqual(filters)
  })

  it.each<[string, Partial<DashboardFilters>, string[]]>([
    ['no filter', {}, ['study', 'talks', 'survey']],
    ['a section with its sub-sections', { sectionId: 's1' }, ['study', 'talks']],
    ['a sub-section', { sectionId: 's1a' }, ['study']],
    ['a department, leading or co-operating', { departmentId: 'office' }, ['study', 'talks']],
    ['a person, responsible or leader', { personId: 'li' }, ['talks', 'survey']],
    ['a status', { status: 'achieved' }, ['study']],
    ['several at once', { departmentId: 'research', status: 'behind' }, ['talks', 'survey']],
  ])('select by %s', (_name, filters, expected) => {
    expect(selectCommitments(commitments, evaluations, sections, { ...NO_FILTERS, ...filters }).map((c) => c.id)).toEqual(expected)
  })

  it('sort worst first: by status, then furthest behind 序时进度 (talks −13.5 points, survey −6.0)', () => {
    expect(worstFirst(commitments, evaluations).map((c) => [c.id, evaluations.get(c.id)?.status])).toEqual([
      ['talks', 'behind'],
      ['survey', 'behind'],
      ['study', 'achieved'],
    ])
  })
})

describe('督办 list', () => {
  it('lists overdue, then due soon, leaving out achieved and distant deadlines', () => {
    expect(supervisionList(YEAR_2025, commitments, evaluations, asOf)).toEqual([{ commitmentId: 'survey', deadline: 'due_soon', dueDate: '2025-04-10', daysLeft: 5 }])
    const later = evaluatePlan(YEAR_2025, commitments, entries, '2025-12-28')
    expect(supervisionList(YEAR_2025, commitments, later, '2025-12-28')).toEqual([
      { commitmentId: 'survey', deadline: 'overdue', dueDate: '2025-04-10', daysLeft: -262 },
      { commitmentId: 'talks', deadline: 'due_soon', dueDate: '2025-12-31', daysLeft: 3 },
    ])
  })
})

describe('quarter matrix', () => {
  it('judges each quarter at its end, the current one as of the date, and leaves later ones empty', () => {
    const matrix = quarterMatrix(YEAR_2025, commitments, dayTotals(entries), asOf)
    expect(matrix.quarters).toEqual([
      { index: 1, judgedOn: '2025-03-31', partial: false, begun: true },
      { index: 2, judgedOn: '2025-04-05', partial: true, begun: true },
      { index: 3, judgedOn: '2025-09-30', partial: false, begun: false },
      { index: 4, judgedOn: '2025-12-31', partial: false, begun: false },
    ])
    expect(matrix.statuses.get('study')).toEqual(['achieved', 'achieved', null, null])
    expect(matrix.statuses.get('talks')).toEqual(['behind', 'behind', null, null])
    // 序时进度 runs over the whole window whatever the due date: 2 of 10 is 0.2 against 0.25 at 03-31.
    expect(matrix.statuses.get('survey')).toEqual(['behind', 'behind', null, null])
  })
})

describe('plan tree', () => {
  it('nests commitments under their numbered sections, drops empty sections and gathers the unsectioned', () => {
    const loose = commitment(count(1), { id: 'loose', title: '其他任务', sectionId: null })
    const tree = planTree([...sections, { id: 's3', planId: 'p1', parentId: null, title: '空板块', order: 2 }], [...commitments, loose], evaluations, '未分板块')
    expect(tree).toEqual([
      {
        name: '一、理论学习',
        value: 2,
        children: [
          { name: '（一）集中学习', value: 1, children: [{ name: '组织集中学习', value: 1, id: 'study', status: 'achieved' }] },
          { name: '开展专题宣讲', value: 1, id: 'talks', status: 'behind' },
        ],
      },
      { name: '二、调查研究', value: 1, children: [{ name: '开展专题调研', value: 1, id: 'survey', status: 'behind' }] },
      { name: '未分板块', value: 1, children: [{ name: '其他任务', value: 1, id: 'loose' }] },
    ])
  })
})
