import { describe, expect, it } from 'vitest'
import { copyPlan, nextPlanName, shiftYears, type Commitment, type Plan, type Section } from '@/domain'
import { commitment } from './fixtures'

describe('shiftYears', () => {
  it.each([
    ['2025-06-30', 1, '2026-06-30'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2023-02-28', 1, '2024-02-28'],
    ['2025-12-31', 2, '2027-12-31'],
  ])('%s + %d years → %s', (date, years, expected) => expect(shiftYears(date, years)).toBe(expected))
})

describe('nextPlanName', () => {
  it.each([
    ['2025年工作谋划', '2026年工作谋划'],
    ['市委政研室2025年法治建设计划', '市委政研室2026年法治建设计划'],
    ['法治建设计划', '2026年 法治建设计划'],
  ])('%s → %s', (name, expected) => expect(nextPlanName(name, 2025, 2026)).toBe(expected))
})

describe('copyPlan', () => {
  const plan: Plan = { id: 'p25', name: '2025年工作谋划', organisation: '市委政研室', window: { start: '2025-01-01', end: '2025-12-31' } }
  const sections: Section[] = [
    { id: 's1', planId: 'p25', parentId: null, title: '固法治根本', order: 0 },
    { id: 's2', planId: 'p25', parentId: 's1', title: '思维重塑铸魂', order: 0 },
  ]
  const commitments: Commitment[] = [
    commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { id: 'c1', planId: 'p25', sectionId: 's2', dueDate: '2025-11-30', leadDepartmentId: 'office', coDepartmentIds: ['research'], phasing: { unit: 'quarter', cumulative: [20, 50, 75, 100] } }),
    commitment({ kind: 'milestone', stages: [{ id: 'st', title: '建库', dueDate: '2025-06-30' }] }, { id: 'c2', planId: 'p25', sectionId: null }),
  ]
  let n = 0
  const copy = copyPlan({ plan, sections, commitments }, { start: '2026-01-01', end: '2026-12-31' }, () => `new-${++n}`)

  it('makes a new plan for the new window, named for its year', () => {
    expect(copy.plan).toEqual({ id: 'new-1', name: '2026年工作谋划', organisation: '市委政研室', window: { start: '2026-01-01', end: '2026-12-31' } })
  })

  it('keeps the section tree under new ids', () => {
    expect(copy.sections.map((s) => [s.title, s.planId, s.parentId === null ? null : copy.sections.find((p) => p.id === s.parentId)?.title])).toEqual([
      ['固法治根本', 'new-1', null],
      ['思维重塑铸魂', 'new-1', '固法治根本'],
    ])
    expect(copy.sections.map((s) => s.id)).not.toContain('s1')
  })

  it('keeps targets, owners and phasing, and moves dates by a year', () => {
    const [study, milestone] = copy.commitments
    expect(study).toMatchObject({ planId: 'new-1', sectionId: copy.sections[1]!.id, target: commitments[0]!.target, dueDate: '2026-11-30', leadDepartmentId: 'office', coDepartmentIds: ['research'], phasing: { unit: 'quarter', cumulative: [20, 50, 75, 100] } })
    expect(milestone!.target).toMatchObject({ kind: 'milestone', stages: [{ title: '建库', dueDate: '2026-06-30' }] })
    expect(milestone!.target.kind === 'milestone' && milestone!.target.stages[0]!.id).not.toBe('st')
  })

  it('shares no arrays with the source', () => {
    copy.commitments[0]!.coDepartmentIds.push('x')
    expect(commitments[0]!.coDepartmentIds).toEqual(['research'])
  })
})
