import { describe, expect, it } from 'vitest'
import { commitmentFromDraft, draftFromCommitment, emptyDraft, evenPhasing, entryDateIssues, validateCommitment, validateNewEntry, type Commitment, type Target } from '@/domain'
import { YEAR_2025, commitment } from './fixtures'

const base = { id: 'c1', planId: 'p1', order: 0 }

describe('commitment drafts', () => {
  it.each<[string, Target]>([
    ['count', { kind: 'count', value: 15, direction: 'at_least', unit: '次' }],
    ['level', { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }],
    ['percent change', { kind: 'percent_change', percent: 20, direction: 'decrease', baseline: 25, unit: '个' }],
    ['ratio', { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }],
    ['recurring', { kind: 'recurring', period: 'quarter', minimum: 2, unit: '次' }],
    ['milestone', { kind: 'milestone', stages: [{ id: 's1', title: '制定方案', dueDate: '2025-06-30' }] }],
  ])('a %s commitment survives the form unchanged', (_name, target) => {
    const original: Commitment = commitment(target, { ...base, sectionId: 'sec', leadDepartmentId: 'd1', coDepartmentIds: ['d2'], leaderId: 'p1', ownerId: 'p2', dueDate: '2025-11-30', phasing: { unit: 'quarter', cumulative: [10, 40, 70, 100] } })
    expect(commitmentFromDraft(draftFromCommitment(original), base)).toEqual(original)
  })

  it('keeps monthly phasing through the form (an edit of another field must not drop it)', () => {
    const monthly = { unit: 'month' as const, cumulative: [5, 10, 20, 30, 40, 50, 55, 60, 70, 80, 90, 100] }
    const original: Commitment = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { ...base, phasing: monthly })
    const edited = commitmentFromDraft({ ...draftFromCommitment(original), title: '组织集中学习不少于15次' }, base)
    expect(edited.phasing).toEqual(monthly)
  })

  it.each([
    ['quarter', 4, [25, 50, 75, 100]],
    ['month', 12, [8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100]],
    ['quarter', 3, [33, 67, 100]],
  ] as const)('evens out %s phasing over %i phases, ending at 100', (unit, count, cumulative) => {
    expect(evenPhasing(unit, count)).toEqual({ unit, cumulative })
  })

  it('keeps what was typed when the kind changes and changes back', () => {
    const draft = { ...emptyDraft(), title: '组织集中学习', value: 15 }
    const back = { ...draft, kind: 'milestone' as const }
    expect(commitmentFromDraft({ ...back, kind: 'count' }, base).target).toEqual({ kind: 'count', value: 15, direction: 'at_least', unit: '次' })
  })

  it('drops a co-department that is also the lead, and trims text', () => {
    const c = commitmentFromDraft({ ...emptyDraft(), title: '  修订制度 ', value: 10, unit: ' 项 ', leadDepartmentId: 'd1', coDepartmentIds: ['d1', 'd2'] }, base)
    expect(c).toMatchObject({ title: '修订制度', coDepartmentIds: ['d2'], target: { unit: '项' } })
  })

  it.each<[string, Partial<ReturnType<typeof emptyDraft>>, { path: string; code: string }[]]>([
    ['an empty form', {}, [{ path: 'title', code: 'required' }, { path: 'target.value', code: 'notANumber' }]],
    ['a negative count', { title: 'a', value: -1 }, [{ path: 'target.value', code: 'negative' }]],
    ['a percent change without a baseline', { title: 'a', kind: 'percent_change', value: 30 }, [{ path: 'target.baseline', code: 'notANumber' }]],
    ['a ratio over 100', { title: 'a', kind: 'ratio', value: 120 }, [{ path: 'target.percent', code: 'percentOutOfRange' }]],
    ['a recurring target without a minimum', { title: 'a', kind: 'recurring', minimum: null }, [{ path: 'target.minimum', code: 'notANumber' }]],
    ['a milestone without stages', { title: 'a', kind: 'milestone' }, [{ path: 'target.stages', code: 'noStages' }]],
    ['a stage without a title', { title: 'a', kind: 'milestone', stages: [{ id: 's', title: ' ', dueDate: null }] }, [{ path: 'target.stages.0.title', code: 'required' }]],
    ['a due date after the plan', { title: 'a', value: 3, dueDate: '2026-01-15' }, [{ path: 'dueDate', code: 'dateOutsideWindow' }]],
    ['a stage due before the plan', { title: 'a', kind: 'milestone', stages: [{ id: 's', title: 'x', dueDate: '2024-12-31' }] }, [{ path: 'target.stages.0.dueDate', code: 'dateOutsideWindow' }]],
    ['a due date with a typo in the year', { title: 'a', value: 3, dueDate: '0205-06-30' }, [{ path: 'dueDate', code: 'dateOutOfRange' }]],
    ['phasing that goes down', { title: 'a', value: 3, phasing: { unit: 'quarter', cumulative: [30, 20, 75, 100] } }, [{ path: 'phasing.cumulative', code: 'phasingNotIncreasing' }]],
    ['phasing with a quarter left empty', { title: 'a', value: 3, phasing: { unit: 'quarter', cumulative: [25, null, 75, 100] } }, [{ path: 'phasing.cumulative.1', code: 'notANumber' }]],
  ])('refuses %s, at the field', (_name, patch, issues) => {
    const result = validateCommitment(commitmentFromDraft({ ...emptyDraft(), ...patch }, base), YEAR_2025)
    expect(result.ok ? [] : result.issues).toEqual(issues)
  })
})

describe('entryDateIssues', () => {
  it.each([
    ['a day in the plan, before today', '2025-03-12', []],
    ['today', '2025-06-30', []],
    ['tomorrow', '2025-07-01', [{ path: 'date', code: 'dateInFuture' }]],
    ['before the plan', '2024-12-31', [{ path: 'date', code: 'dateOutsideWindow' }]],
    ['not a date', '2025-02-30', [{ path: 'date', code: 'notADate' }]],
  ])('%s', (_name, date, issues) => {
    expect(entryDateIssues(date, YEAR_2025, '2025-06-30')).toEqual(issues)
  })
})

describe('validateNewEntry', () => {
  const entry = (patch: Record<string, unknown>) => ({ id: 'e', commitmentIds: ['c1'], date: '2025-03-12', note: '', participants: '', place: '', evidenceUrl: '', type: 'quantity', quantity: 1, ...patch })
  it.each<[string, Record<string, unknown>, { path: string; code: string }[]]>([
    ['a plain activity', {}, []],
    ['zero', { quantity: 0 }, [{ path: 'quantity', code: 'notPositive' }]],
    ['a negative quantity', { quantity: -2 }, [{ path: 'quantity', code: 'negative' }]],
    ['no quantity', { quantity: null }, [{ path: 'quantity', code: 'notANumber' }]],
    ['a future date', { date: '2025-07-01' }, [{ path: 'date', code: 'dateInFuture' }]],
    ['a date before the plan', { date: '2024-12-01' }, [{ path: 'date', code: 'dateOutsideWindow' }]],
    ['no date', { date: null }, [{ path: 'date', code: 'notADate' }]],
    ['a javascript: link', { evidenceUrl: 'javascript:alert(1)' }, [{ path: 'evidenceUrl', code: 'notAUrl' }]],
    ['a web link', { evidenceUrl: 'https://oa.example.gov.cn/doc?id=12' }, []],
    ['an intranet link', { evidenceUrl: 'http://10.1.2.3/files/纪要.pdf' }, []],
    ['a link with a space', { evidenceUrl: 'https://a b' }, [{ path: 'evidenceUrl', code: 'notAUrl' }]],
    ['a numerator above its denominator', { type: 'measurement', value: 12, denominator: 10 }, [{ path: 'value', code: 'numeratorExceedsDenominator' }]],
    ['a zero denominator', { type: 'measurement', value: 0, denominator: 0 }, [{ path: 'denominator', code: 'zeroDenominator' }]],
    ['a milestone without a stage', { type: 'milestone', stageId: '' }, [{ path: 'stageId', code: 'required' }]],
    ['any Unicode in the note', { note: '<img src=x onerror=alert(1)> 🎉 ‮' }, []],
  ])('%s', (_name, patch, issues) => {
    const result = validateNewEntry(entry(patch), YEAR_2025, '2025-06-30')
    expect(result.ok ? [] : result.issues).toEqual(issues)
  })
})
