import { describe, expect, it } from 'vitest'
import { changeText, evaluateCommitment, figureText, reportPercent, shownFigures, shownPercent, signedPoints, type Target } from '@/domain'
import { YEAR_2025, commitment, qty, stageDone } from '../fixtures'

const count: Target = { kind: 'count', value: 15, direction: 'at_least', unit: '次' }
const milestone: Target = { kind: 'milestone', stages: [{ id: 's1', title: '方案', dueDate: null }, { id: 's2', title: '建成', dueDate: null }, { id: 's3', title: '验收', dueDate: null }] }

describe('a review\'s figures as text', () => {
  it.each<[string, Target, number | null, string | null]>([
    ['a count with its unit', count, 12, '12次'],
    ['a large count in 万', { ...count, value: 50_000 }, 12_345, '1.23万次'],
    ['stages done of all', milestone, 1, '1/3'],
    ['no figure', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: null }, null, null],
  ])('%s', (_name, target, value, expected) => {
    const c = commitment(target)
    const evaluation = evaluateCommitment(YEAR_2025, c, target.kind === 'milestone' ? [stageDone('2025-03-01', 's1')] : [qty('2025-03-01', 1)], '2025-09-30')
    expect(figureText(c, value, evaluation, 'zh-CN')).toBe(expected)
  })

  it.each<[Target, number, string]>([
    [count, 4, '+4次'],
    [count, -2, '−2次'],
    [count, 0, '0'],
    [milestone, 1, '+1'],
    [{ kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }, 2.6, '+2.6个百分点'],
    [{ kind: 'percent_change', percent: 20, direction: 'decrease', baseline: 100, unit: '个' }, -3.2, '−3.2个百分点'],
  ])('the change %#', (target, change, expected) => {
    expect(changeText(commitment(target), change, 'zh-CN')).toBe(expected)
  })

  it.each<[number, number, string]>([
    [0.8, 0.748, '+5'],
    [0.33, 0.752, '−42'],
    [0.0504, 0.0468, '+0.3'],
    [0.75, 0.7504, '0'],
    [0.17, 0.065, '+10.5'],
  ])('a gap reads as the difference of the shown figures (%s against %s: %s)', (progress, expected, text) => {
    expect(signedPoints(shownFigures({ progress, expected }).gap!)).toBe(text)
  })

  it('never shows −0: an unchanged figure reads 0%', () => {
    expect(Object.is(shownPercent(-0.04), 0)).toBe(true)
    expect(reportPercent(-0.04)).toBe('0%')
    expect(Object.is(shownFigures({ progress: 0.5, expected: 0.5004 }).gap, 0)).toBe(true)
  })
})

