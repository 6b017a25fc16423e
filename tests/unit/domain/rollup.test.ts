import { describe, expect, it } from 'vitest'
import { evaluatePlan, planProgress, rollUp, summarise, type Commitment, type Section } from '@/domain'
import { YEAR_2025, commitment, qty } from './fixtures'

const count = (value: number) => ({ kind: 'count' as const, value, direction: 'at_least' as const, unit: '次' })

// 一、 (top) with (一) and (二) under it; 二、 on its own.
const sections: Section[] = [
  { id: 'one', planId: 'p1', parentId: null, title: '一、2025年工作谋划', order: 0 },
  { id: 'one-a', planId: 'p1', parentId: 'one', title: '(一)法治学习', order: 0 },
  { id: 'one-b', planId: 'p1', parentId: 'one', title: '(二)制度建设', order: 1 },
  { id: 'two', planId: 'p1', parentId: null, title: '二、其他', order: 1 },
]
const commitments: Commitment[] = [
  commitment(count(10), { id: 'a', sectionId: 'one-a', leadDepartmentId: 'office', ownerId: 'wang' }),
  commitment(count(10), { id: 'b', sectionId: 'one-b', leadDepartmentId: 'office', ownerId: 'li' }),
  commitment(count(10), { id: 'c', sectionId: 'two', leadDepartmentId: 'research', ownerId: 'wang' }),
  commitment(count(10), { id: 'd', sectionId: null, leadDepartmentId: null, ownerId: null }),
]
const entries = [qty('2025-02-01', 10, ['a']), qty('2025-02-01', 5, ['b']), qty('2025-02-01', 2, ['c'])]
const asOf = '2025-07-02' // 183 of 365 days
const evaluations = evaluatePlan(YEAR_2025, commitments, entries, asOf)

describe('rollUp', () => {
  it('summarises by lead department, with a group for commitments without one', () => {
    const byDepartment = rollUp(commitments, evaluations, 'leadDepartment')
    expect(byDepartment.get('office')).toMatchObject({ total: 2, byStatus: { achieved: 1, on_track: 1 }, achievedShare: 0.5 })
    expect(byDepartment.get('research')).toMatchObject({ total: 1, byStatus: { behind: 1 } })
    expect(byDepartment.get(null)).toMatchObject({ total: 1, byStatus: { behind: 1 } })
  })

  it('summarises by responsible person', () => {
    expect(rollUp(commitments, evaluations, 'owner').get('wang')).toMatchObject({ total: 2, progress: 0.6 })
  })

  it('rolls sub-sections up into their top-level section', () => {
    const bySection = rollUp(commitments, evaluations, 'section', sections)
    expect([...bySection.keys()]).toEqual(['one-a', 'one-b', 'two', null])
    const byTop = rollUp(commitments, evaluations, 'topSection', sections)
    expect(byTop.get('one')).toMatchObject({ total: 2, progress: 0.75 })
    expect(byTop.get('two')).toMatchObject({ total: 1, progress: 0.2 })
  })

  it('survives a section tree with a cycle', () => {
    const cyclic: Section[] = [
      { id: 'x', planId: 'p1', parentId: 'y', title: 'x', order: 0 },
      { id: 'y', planId: 'p1', parentId: 'x', title: 'y', order: 0 },
    ]
    const only = [commitment(count(10), { id: 'a', sectionId: 'x' })]
    expect(rollUp(only, evaluations, 'topSection', cyclic).size).toBe(1)
  })
})

describe('summarise', () => {
  it('caps each overshoot at 100 % so it cannot hide another commitment lagging', () => {
    const over = evaluatePlan(YEAR_2025, [commitment(count(10), { id: 'x' }), commitment(count(10), { id: 'y' })], [qty('2025-02-01', 30, ['x'])], asOf)
    expect(summarise(over.values()).progress).toBe(0.5)
  })

  it('is all zeros for no commitments', () => {
    expect(summarise([])).toMatchObject({ total: 0, progress: 0, expected: 0, gapPoints: 0, achievedShare: 0 })
  })
})

describe('planProgress', () => {
  it('compares task progress with time: 时间过半、任务过半', () => {
    const progress = planProgress(YEAR_2025, evaluations.values(), asOf)
    expect(progress.time).toBeCloseTo(183 / 365, 10)
    expect(progress.progress).toBeCloseTo((1 + 0.5 + 0.2 + 0) / 4, 10)
    expect(progress.keepingPace).toBe(false)
    expect(progress.gapPoints).toBeCloseTo((0.425 - 183 / 365) * 100, 10)
  })
})
