import { describe, expect, it } from 'vitest'
import {
  ISSUE_CODES,
  describeIssue,
  isWholeUnit,
  validateCommitment,
  validateEntry,
  validateNewEntry,
  validatePlan,
  validateSettings,
  type Target,
  type ValidationIssue,
} from '@/domain'
import { YEAR_2025, commitment, measure, qty } from './fixtures'

const issuesOf = (result: { ok: true } | { ok: false; issues: ValidationIssue[] }) => (result.ok ? [] : result.issues)

describe('validateCommitment', () => {
  it.each<[string, Target | Record<string, unknown>, ValidationIssue[]]>([
    ['a count target', { kind: 'count', value: 15, direction: 'at_least', unit: '次' }, []],
    ['an upper bound of zero', { kind: 'count', value: 0, direction: 'at_most', unit: '起' }, []],
    ['at least zero', { kind: 'count', value: 0, direction: 'at_least', unit: '次' }, [{ path: 'target.value', code: 'notPositive' }]],
    ['a negative count', { kind: 'count', value: -3, direction: 'at_least', unit: '次' }, [{ path: 'target.value', code: 'negative' }]],
    ['a count that is not a number', { kind: 'count', value: Number.NaN, direction: 'at_least', unit: '次' }, [{ path: 'target.value', code: 'notANumber' }]],
    ['an infinite count', { kind: 'count', value: Number.POSITIVE_INFINITY, direction: 'at_least', unit: '次' }, [{ path: 'target.value', code: 'notANumber' }]],
    ['a percent change from zero', { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 0, unit: '件' }, [{ path: 'target.baseline', code: 'zeroBaseline' }]],
    ['a percent change of zero', { kind: 'percent_change', percent: 0, direction: 'increase', baseline: 10, unit: '件' }, [{ path: 'target.percent', code: 'notPositive' }]],
    ['a ratio above 100 %', { kind: 'ratio', percent: 120, direction: 'at_least', baseline: null }, [{ path: 'target.percent', code: 'percentOutOfRange' }]],
    ['a level with a baseline', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }, []],
    ['a recurring minimum of zero', { kind: 'recurring', period: 'month', minimum: 0, unit: '次' }, [{ path: 'target.minimum', code: 'notPositive' }]],
    ['a recurring period we do not know', { kind: 'recurring', period: 'fortnight', minimum: 1, unit: '次' }, [{ path: 'target.period', code: 'invalid' }]],
    ['a milestone without stages', { kind: 'milestone', stages: [] }, [{ path: 'target.stages', code: 'noStages' }]],
    ['a milestone with a stage twice', { kind: 'milestone', stages: [{ id: 's', title: 'a', dueDate: null }, { id: 's', title: 'b', dueDate: null }] }, [{ path: 'target.stages', code: 'duplicateStage' }]],
    ['a stage due on a date that does not exist', { kind: 'milestone', stages: [{ id: 's', title: 'a', dueDate: '2025-02-30' }] }, [{ path: 'target.stages.0.dueDate', code: 'notADate' }]],
    ['a kind we do not know', { kind: 'vibes', value: 1 }, [{ path: 'target.kind', code: 'invalid' }]],
    ['a count of ten hundred million', { kind: 'count', value: 1_000_000_000, direction: 'at_least', unit: '元' }, []],
    ['a count past ten hundred million', { kind: 'count', value: 1_000_000_001, direction: 'at_least', unit: '元' }, [{ path: 'target.value', code: 'tooLarge', limit: 1_000_000_000 }]],
    ['a baseline of 1e308', { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 1e308, unit: '件' }, [{ path: 'target.baseline', code: 'tooLarge', limit: 1_000_000_000 }]],
    ['a unit that is a sentence', { kind: 'count', value: 3, direction: 'at_least', unit: '次'.repeat(21) }, [{ path: 'target.unit', code: 'tooLong', limit: 20, found: 21 }]],
  ])('%s', (_name, target, expected) => {
    expect(issuesOf(validateCommitment(commitment(target as Target), YEAR_2025))).toEqual(expected)
  })

  it.each([
    ['quarterly phasing', { unit: 'quarter', cumulative: [20, 50, 75, 100] }, []],
    ['phasing with a quarter missing', { unit: 'quarter', cumulative: [50, 75, 100] }, [{ path: 'phasing.cumulative', code: 'phasingLength' }]],
    ['phasing that goes down', { unit: 'quarter', cumulative: [20, 60, 50, 100] }, [{ path: 'phasing.cumulative', code: 'phasingNotIncreasing' }]],
    ['phasing short of 100 %', { unit: 'quarter', cumulative: [20, 50, 75, 90] }, [{ path: 'phasing.cumulative', code: 'phasingNotEndingAt100' }]],
  ] as const)('%s', (_name, phasing, expected) => {
    const input = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { phasing: { unit: phasing.unit, cumulative: [...phasing.cumulative] } })
    expect(issuesOf(validateCommitment(input, YEAR_2025))).toEqual(expected)
  })

  it.each([
    ['500 characters', 500, []],
    ['a pasted document of 100,000 characters', 100_000, [{ path: 'title', code: 'tooLong', limit: 500, found: 100_000 }]],
  ])('a title of %s', (_name, length, expected) => {
    const input = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { title: '学'.repeat(length) })
    expect(issuesOf(validateCommitment(input, YEAR_2025))).toEqual(expected)
  })

  it('rejects an empty title', () => {
    const input = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { title: '   ' })
    expect(issuesOf(validateCommitment(input, YEAR_2025))).toEqual([{ path: 'title', code: 'required' }])
  })
})

describe('validatePlan', () => {
  it.each([
    ['a year plan', { start: '2025-01-01', end: '2025-12-31' }, []],
    ['a window that ends before it starts', { start: '2025-12-31', end: '2025-01-01' }, [{ path: 'window.end', code: 'windowEndsBeforeStart' }]],
    ['a start that is no date', { start: '2025/01/01', end: '2025-12-31' }, [{ path: 'window.start', code: 'notADate' }]],
  ])('%s', (_name, window, expected) => {
    expect(issuesOf(validatePlan({ id: 'p1', name: '2025年工作谋划', organisation: '市委政研室', window }))).toEqual(expected)
  })
})

describe('validateEntry', () => {
  it.each([
    ['a quantity', qty('2025-03-12', 3), []],
    ['a negative quantity', qty('2025-03-12', -1), [{ path: 'quantity', code: 'negative' }]],
    ['a quantity on no commitment', qty('2025-03-12', 1, []), [{ path: 'commitmentIds', code: 'noCommitments' }]],
    ['a measurement of 41 of 180', measure('2025-03-12', 41, 180), []],
    ['a zero denominator', measure('2025-03-12', 5, 0), [{ path: 'denominator', code: 'zeroDenominator' }]],
    ['a numerator above its denominator', measure('2025-03-12', 200, 180), [{ path: 'value', code: 'numeratorExceedsDenominator' }]],
    ['a date that does not exist', qty('2025-02-29', 1), [{ path: 'date', code: 'notADate' }]],
    ['the 13th month', qty('2025-13-01', 1), [{ path: 'date', code: 'notADate' }]],
    ['a quantity of 1e308', qty('2025-03-12', 1e308), [{ path: 'quantity', code: 'tooLarge', limit: 1_000_000_000 }]],
    ['a quantity clamped to the largest safe integer', qty('2025-03-12', Number.MAX_SAFE_INTEGER), [{ path: 'quantity', code: 'tooLarge', limit: 1_000_000_000 }]],
    ['a measurement of 1e12', measure('2025-03-12', 1e12), [{ path: 'value', code: 'tooLarge', limit: 1_000_000_000 }]],
    ['a note of 5,001 characters', { ...qty('2025-03-12', 1), note: '记'.repeat(5001) }, [{ path: 'note', code: 'tooLong', limit: 5000, found: 5001 }]],
  ])('%s', (_name, entry, expected) => {
    expect(issuesOf(validateEntry(entry))).toEqual(expected)
  })
})

describe('whole units', () => {
  const count = (unit: string) => commitment({ kind: 'count', value: 15, direction: 'at_least', unit })
  const monthly = (unit: string) => commitment({ kind: 'recurring', period: 'month', minimum: 1, unit })
  const level = commitment({ kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 })
  it.each([
    ['2.5次', [count('次')], 2.5, [{ path: 'quantity', code: 'notWhole' }]],
    ['2.5场 of a monthly commitment', [monthly('场')], 2.5, [{ path: 'quantity', code: 'notWhole' }]],
    ['2.5人次', [count('人次')], 2.5, [{ path: 'quantity', code: 'notWhole' }]],
    ['3次', [count('次')], 3, []],
    ['2.5学时', [count('学时')], 2.5, []],
    ['2.5小时', [count('小时')], 2.5, []],
    ['2.5万元', [count('万元')], 2.5, []],
    ['2.5 of a unit Pace does not know', [count('标准件当量')], 2.5, []],
    ['2.5 counted toward 学时 and 次 at once', [count('学时'), count('次')], 2.5, [{ path: 'quantity', code: 'notWhole' }]],
    ['2.5 sessions', [count('sessions')], 2.5, [{ path: 'quantity', code: 'notWhole' }]],
  ])('%s', (_name, counted, quantity, expected) => {
    expect(issuesOf(validateNewEntry(qty('2025-03-12', quantity), YEAR_2025, '2025-12-31', counted))).toEqual(expected)
  })

  it('leaves measurements alone: a level of 44.5人 is an average, not a count', () => {
    expect(issuesOf(validateNewEntry(measure('2025-03-12', 44.5), YEAR_2025, '2025-12-31', [level]))).toEqual([])
  })

  it.each([['次', true], [' 人 ', true], ['Sessions', true], ['学时', false], ['万元', false], ['', false]])('%s counts whole things: %s', (unit, whole) => {
    expect(isWholeUnit(unit)).toBe(whole)
  })
})

describe('validateSettings', () => {
  it.each([
    ['the defaults', { onTrackAt: 0.95, atRiskAt: 0.85, dueSoonDays: 7 }, []],
    ['bands in the wrong order', { onTrackAt: 0.8, atRiskAt: 0.9, dueSoonDays: 7 }, [{ path: 'atRiskAt', code: 'bandsOrder' }]],
    ['a band above 100 %', { onTrackAt: 1.2, atRiskAt: 0.9, dueSoonDays: 7 }, [{ path: 'onTrackAt', code: 'bandsOrder' }]],
    ['negative days', { onTrackAt: 0.95, atRiskAt: 0.85, dueSoonDays: -1 }, [{ path: 'dueSoonDays', code: 'negative' }]],
  ])('%s', (_name, settings, expected) => {
    expect(issuesOf(validateSettings(settings))).toEqual(expected)
  })
})

describe('describeIssue', () => {
  it.each(ISSUE_CODES)('%s reads as a sentence in both languages', (code) => {
    const zh = describeIssue({ path: '', code }, 'zh-CN')
    const en = describeIssue({ path: '', code }, 'en')
    expect(zh).toMatch(/[\u4e00-\u9fff]/)
    expect(en).toMatch(/^[A-Z]/)
  })

  it.each([
    [{ path: 'title', code: 'tooLong', limit: 500, found: 100_000 } as const, '不能超过500字（现为100,000字）', 'Keep this to 500 characters (it has 100,000)'],
    [{ path: 'quantity', code: 'tooLarge', limit: 1_000_000_000 } as const, '数值过大，不能超过1,000,000,000', 'This number is too large: at most 1,000,000,000'],
  ])('names the bound passed: %o', (issue, zh, en) => {
    expect([describeIssue(issue, 'zh-CN'), describeIssue(issue, 'en')]).toEqual([zh, en])
  })

  it('explains a zero baseline', () => {
    expect(describeIssue({ path: 'target.baseline', code: 'zeroBaseline' }, 'zh-CN')).toBe('基期值不能为0：无法计算提升或降低的百分比')
  })
})
