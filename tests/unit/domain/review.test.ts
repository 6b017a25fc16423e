import { describe, expect, it } from 'vitest'
import {
  compareReviews,
  evaluateCommitment,
  figureChange,
  figuresDate,
  freezeFigures,
  lateChanges,
  noteOf,
  periodName,
  periodOf,
  periodWindow,
  previousReview,
  reviewPeriodEnd,
  reviewFigures,
  reviewPeriods,
  reviewNarrative,
  snapshotFigures,
  suggestedPeriod,
  withNote,
  type Commitment,
  type Entry,
  type Evaluation,
  type Review,
  type ReviewFigures,
  type ReviewPeriod,
  type ReviewPeriodUnit,
} from '@/domain'
import { YEAR_2025, commitment, qty } from './fixtures'

const q = (unit: ReviewPeriodUnit, year: number, index: number): ReviewPeriod => ({ unit, year, index })

describe('review periods', () => {
  it.each<[ReviewPeriod, string, string]>([
    [q('month', 2025, 2), '2025-02-01', '2025-02-28'],
    [q('month', 2024, 2), '2024-02-01', '2024-02-29'],
    [q('month', 2025, 12), '2025-12-01', '2025-12-31'],
    [q('quarter', 2025, 1), '2025-01-01', '2025-03-31'],
    [q('quarter', 2025, 3), '2025-07-01', '2025-09-30'],
    [q('half_year', 2025, 2), '2025-07-01', '2025-12-31'],
    [q('year', 2025, 1), '2025-01-01', '2025-12-31'],
  ])('%o spans %s..%s', (period, start, end) => {
    expect(periodWindow(period)).toEqual({ start, end })
  })

  it.each<[ReviewPeriodUnit, string, number]>([
    ['month', '2025-09-30', 9],
    ['quarter', '2025-09-30', 3],
    ['quarter', '2025-10-01', 4],
    ['half_year', '2025-06-30', 1],
    ['half_year', '2025-07-01', 2],
    ['year', '2025-07-01', 1],
  ])('the %s containing %s is number %i', (unit, date, index) => {
    expect(periodOf(unit, date)).toEqual({ unit, year: 2025, index })
  })

  it('lists the periods a window overlaps, across a year end', () => {
    expect(reviewPeriods(YEAR_2025, 'quarter').map((p) => p.index)).toEqual([1, 2, 3, 4])
    expect(reviewPeriods({ start: '2025-07-01', end: '2026-06-30' }, 'half_year')).toEqual([q('half_year', 2025, 2), q('half_year', 2026, 1)])
    expect(reviewPeriods({ start: '2025-11-15', end: '2026-01-10' }, 'month').map((p) => `${p.year}-${p.index}`)).toEqual(['2025-11', '2025-12', '2026-1'])
  })

  it.each<[ReviewPeriod, { start: string; end: string }, string]>([
    [q('quarter', 2025, 3), YEAR_2025, '2025-09-30'],
    [q('year', 2025, 1), { start: '2025-01-01', end: '2025-06-30' }, '2025-06-30'],
    [q('quarter', 2024, 4), YEAR_2025, '2025-01-01'],
  ])('a review of %o is taken at its end within the window', (period, window, asOf) => {
    expect(reviewPeriodEnd(period, window)).toBe(asOf)
  })

  it.each<[string, ReviewPeriodUnit, ReviewPeriod]>([
    ['2025-10-15', 'quarter', q('quarter', 2025, 3)],
    ['2025-10-01', 'quarter', q('quarter', 2025, 3)],
    ['2025-09-30', 'quarter', q('quarter', 2025, 2)],
    ['2025-02-10', 'quarter', q('quarter', 2025, 1)],
    ['2026-05-01', 'half_year', q('half_year', 2025, 2)],
    ['2025-07-02', 'month', q('month', 2025, 6)],
  ])('on %s a new %s review suggests %o', (today, unit, expected) => {
    expect(suggestedPeriod(YEAR_2025, unit, today)).toEqual(expected)
  })

  it.each<[ReviewPeriod, string, string]>([
    [q('quarter', 2025, 3), '2025年第三季度', 'Q3 2025'],
    [q('half_year', 2025, 1), '2025年上半年', 'H1 2025'],
    [q('half_year', 2025, 2), '2025年下半年', 'H2 2025'],
    [q('month', 2025, 9), '2025年9月', 'September 2025'],
    [q('year', 2025, 1), '2025年度', '2025'],
  ])('%o is called %s / %s', (period, zh, en) => {
    expect(periodName(period, 'zh-CN')).toBe(zh)
    expect(periodName(period, 'en')).toBe(en)
  })
})

const count = commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { id: 'c1', title: '组织集中学习', leadDepartmentId: 'd1', ownerId: 'u1' })
const evaluate = (c: Commitment, entries: Entry[], asOf: string) => evaluateCommitment(YEAR_2025, c, entries, asOf)

function figures(commitments: Commitment[], evaluations: Evaluation[]): ReviewFigures {
  return {
    plan: { name: '2025年工作谋划', organisation: '司法局', window: YEAR_2025 },
    sections: [],
    commitments,
    departments: [{ id: 'd1', name: '办公室' }, { id: 'd2', name: '法规科' }],
    people: [{ id: 'u1', name: '张三', departmentId: 'd1' }, { id: 'u2', name: '李四', departmentId: 'd2' }],
    evaluations: new Map(evaluations.map((e) => [e.commitmentId, e])),
  }
}

function review(overrides: Partial<Review> = {}): Review {
  return { id: 'r1', planId: 'p1', title: '三季度调度', period: q('quarter', 2025, 3), periodEnd: '2025-09-30', meetingDate: null, attendees: '', decisions: '', notes: [], snapshot: null, ...overrides }
}

describe('freezing a review', () => {
  const at930 = evaluate(count, [qty('2025-03-01', 12)], '2025-09-30')
  const snapshot = freezeFigures(figures([count], [at930]), '2025-10-10T02:00:00.000Z', '2025-09-30')

  it.each<[string, Partial<Review>, string, string]>([
    ['an ended period: its end', {}, '2025-10-10', '2025-09-30'],
    ['a period still running: today', {}, '2025-09-25', '2025-09-25'],
    ['a frozen review: its snapshot\'s date, whatever today is', { snapshot: { ...snapshot, asOf: '2025-09-25' } }, '2026-01-01', '2025-09-25'],
  ])('takes its figures at the right date: %s', (_name, overrides, today, expected) => {
    expect(figuresDate(review(overrides), today)).toBe(expected)
  })

  it('keeps the figures and only the names its commitments use', () => {
    expect(snapshot.evaluations).toEqual([at930])
    expect(snapshot.departments).toEqual([{ id: 'd1', name: '办公室' }])
    expect(snapshot.people).toEqual([{ id: 'u1', name: '张三', departmentId: 'd1' }])
    expect(snapshot.plan).toEqual({ name: '2025年工作谋划', organisation: '司法局', window: YEAR_2025 })
  })

  it('shows the snapshot once frozen and never asks for live figures', () => {
    const shown = reviewFigures(review({ snapshot }), '2025-10-10', () => {
      throw new Error('live figures read for a frozen review')
    })
    expect(shown?.evaluations.get('c1')?.actual).toBe(12)
    const asked: string[] = []
    expect(reviewFigures(review(), '2025-09-25', (asOf) => (asked.push(asOf), null))).toBeNull()
    expect(asked).toEqual(['2025-09-25'])
    expect(snapshotFigures(snapshot).commitments).toEqual([count])
  })

  it.each<[string, Entry[], Commitment | null, string]>([
    ['nothing new', [qty('2025-03-01', 12)], count, '{}'],
    ['a late entry dated in the period', [qty('2025-03-01', 12), qty('2025-09-20', 1)], count, '{"c1":{"kind":"changed","actual":13,"status":"on_track"}}'],
    ['an entry after the period does not count', [qty('2025-03-01', 12), qty('2025-10-02', 5)], count, '{}'],
    ['a target raised later', [qty('2025-03-01', 12)], { ...count, target: { kind: 'count', value: 30, direction: 'at_least', unit: '次' } }, '{"c1":{"kind":"changed","actual":12,"status":"behind"}}'],
    ['a deleted commitment', [], null, '{"c1":{"kind":"removed"}}'],
  ])('flags what changed since: %s', (_name, entries, live, expected) => {
    const now = new Map(live ? [[live.id, evaluate(live, entries, '2025-09-30')]] : [])
    expect(JSON.stringify(Object.fromEntries(lateChanges(snapshot, now).changes))).toBe(expected)
  })

  it('lists commitments added since', () => {
    const added = commitment(count.target, { id: 'c9' })
    const now = new Map([count, added].map((c) => [c.id, evaluate(c, [qty('2025-03-01', 12, [c.id])], '2025-09-30')]))
    expect(lateChanges(snapshot, now).added).toEqual(['c9'])
  })
})

describe('change since the previous review', () => {
  it.each<[string, Evaluation | undefined, Evaluation | undefined, number | null]>([
    ['count grew', evaluate(count, [qty('2025-03-01', 12)], '2025-09-30'), evaluate(count, [qty('2025-03-01', 12)], '2025-02-28'), 12],
    ['no previous review', evaluate(count, [qty('2025-03-01', 12)], '2025-09-30'), undefined, null],
    [
      'a measured target with no measurement',
      evaluate(commitment({ kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: null }), [], '2025-09-30'),
      evaluate(commitment({ kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: null }), [], '2025-06-30'),
      null,
    ],
  ])('%s', (_name, current, previous, expected) => {
    expect(figureChange(current, previous)).toBe(expected)
  })

  it('is measured against the latest earlier review of the same plan, frozen first on the same date', () => {
    const q1 = review({ id: 'q1', periodEnd: '2025-03-31' })
    const q2 = review({ id: 'q2', periodEnd: '2025-06-30' })
    const q2frozen = review({ id: 'q2f', periodEnd: '2025-06-30', snapshot: freezeFigures(figures([], []), 'x', '2025-06-30') })
    const other = review({ id: 'o', planId: 'p2', periodEnd: '2025-08-31' })
    const q3 = review({ id: 'q3' })
    expect(previousReview([q1, q2, q2frozen, other, q3], q3)?.id).toBe('q2f')
    expect(previousReview([q1, q2, q3], q3)?.id).toBe('q2')
    expect(previousReview([q1, q2, q3], q1)).toBeNull()
  })
})

describe('notes', () => {
  const at930 = evaluate(count, [qty('2025-03-01', 12)], '2025-09-30')

  it('reads an empty note when nothing was recorded, and prefills 进展情况 from the figures', () => {
    const note = noteOf(review(), 'c1')
    expect(note).toEqual({ commitmentId: 'c1', narrative: null, problems: '', nextSteps: '' })
    expect(reviewNarrative(note, count, at930, 'zh-CN')).toBe('“组织集中学习”累计完成12次，完成年度目标（不少于15次）的80%，超序时进度5个百分点。')
    expect(reviewNarrative({ ...note, narrative: '已开展12次。' }, count, at930, 'zh-CN')).toBe('已开展12次。')
  })

  it.each<[string, Review['notes'], Review['notes'][number], string[]]>([
    ['adds a note', [], { commitmentId: 'c1', narrative: null, problems: '人手不足', nextSteps: '' }, ['c1:人手不足']],
    ['replaces in place', [{ commitmentId: 'c1', narrative: null, problems: 'a', nextSteps: '' }, { commitmentId: 'c2', narrative: null, problems: 'b', nextSteps: '' }], { commitmentId: 'c1', narrative: null, problems: 'c', nextSteps: '' }, ['c1:c', 'c2:b']],
    ['drops a note that says nothing', [{ commitmentId: 'c1', narrative: null, problems: 'a', nextSteps: '' }], { commitmentId: 'c1', narrative: null, problems: ' ', nextSteps: '' }, []],
    ['keeps an edited 进展情况 even if empty of problems', [], { commitmentId: 'c1', narrative: '', problems: '', nextSteps: '' }, ['c1:']],
  ])('%s', (_name, notes, note, expected) => {
    expect(withNote(notes, note).map((n) => `${n.commitmentId}:${n.problems}`)).toEqual(expected)
  })
})

describe('comparing two reviews', () => {
  it('puts every commitment of either side in the later order, with the change', () => {
    const gone = commitment(count.target, { id: 'c0', title: '已删除的任务' })
    const added = commitment(count.target, { id: 'c2', title: '新增任务' })
    const before = figures([gone, count], [evaluate(gone, [], '2025-06-30'), evaluate(count, [qty('2025-03-01', 6)], '2025-06-30')])
    const after = figures([count, added], [evaluate(count, [qty('2025-03-01', 6), qty('2025-08-01', 6)], '2025-09-30'), evaluate(added, [], '2025-09-30')])
    expect(compareReviews(before, after).map((r) => [r.commitment.id, r.before?.actual ?? null, r.after?.actual ?? null, r.change])).toEqual([
      ['c1', 6, 12, 6],
      ['c2', null, 0, null],
      ['c0', 0, null, null],
    ])
  })
})
