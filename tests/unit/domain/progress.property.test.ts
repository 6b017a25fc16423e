import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, dayTotals, evaluateCommitment, evaluateTotals, isLimit, shownFigures, type Entry, type Evaluation, type MilestoneStage, type Target } from '@/domain'
import { YEAR_2025, commitment } from './fixtures'

const day = fc.integer({ min: -30, max: 395 }).map((offset) => addDays('2025-01-01', offset))
// Quantities as people log them (whole numbers or halves: 1.5学时) are exact in binary, so sums are too.
const amount = fc.integer({ min: 0, max: 40 }).map((halves) => halves / 2)
const direction = fc.constantFrom('at_least' as const, 'at_most' as const)

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), value: fc.integer({ min: 1, max: 60 }), direction, unit: fc.constant('次') }),
  fc.record({ kind: fc.constant('level' as const), value: fc.integer({ min: 0, max: 20 }), direction, unit: fc.constant('人'), baseline: fc.option(fc.integer({ min: 0, max: 20 })) }),
  fc.record({ kind: fc.constant('percent_change' as const), percent: fc.integer({ min: 1, max: 90 }), direction: fc.constantFrom('increase' as const, 'decrease' as const), baseline: fc.integer({ min: 1, max: 20 }), unit: fc.constant('件') }),
  fc.record({ kind: fc.constant('ratio' as const), percent: fc.integer({ min: 0, max: 40 }), direction, baseline: fc.option(fc.integer({ min: 0, max: 40 })) }),
  fc.record({ kind: fc.constant('recurring' as const), period: fc.constantFrom('week' as const, 'month' as const, 'quarter' as const, 'half_year' as const, 'year' as const), minimum: fc.integer({ min: 1, max: 3 }), unit: fc.constant('次') }),
  fc.record({ kind: fc.constant('milestone' as const), stages: fc.constant<MilestoneStage[]>([{ id: 's1', title: '一', dueDate: '2025-06-30' }, { id: 's2', title: '二', dueDate: null }]) }),
)

/** Entries on `date`s; few distinct dates make same-day ties common, which order independence must survive. */
const entryOn = (date: fc.Arbitrary<string>): fc.Arbitrary<Entry> => fc.oneof(
  fc.record({ id: fc.uuid(), commitmentIds: fc.constant<string[]>(['c1']), date, note: fc.constant(''), participants: fc.constant(''), place: fc.constant(''), evidenceUrl: fc.constant(''), type: fc.constant('quantity' as const), quantity: amount }),
  fc.record({ id: fc.uuid(), commitmentIds: fc.constant<string[]>(['c1']), date, note: fc.constant(''), participants: fc.constant(''), place: fc.constant(''), evidenceUrl: fc.constant(''), type: fc.constant('measurement' as const), value: amount, denominator: fc.option(fc.integer({ min: 20, max: 80 })) }),
  fc.record({ id: fc.uuid(), commitmentIds: fc.constant<string[]>(['c1']), date, note: fc.constant(''), participants: fc.constant(''), place: fc.constant(''), evidenceUrl: fc.constant(''), type: fc.constant('milestone' as const), stageId: fc.constantFrom('s1', 's2', 'other') }),
)
const entry = entryOn(day)
const tiedEntry = entryOn(fc.constantFrom('2025-03-01', '2025-06-30', '2025-09-30'))

/** Rounds every number to 12 significant digits: trend sums may differ in the last bit with the order of addition. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12))
  if (Array.isArray(value)) return value.map(rounded)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]))
  return value
}

const NUMERIC_FIELDS = ['actual', 'target', 'expectedValue', 'progress', 'expected', 'gapPoints'] as const

function meetsTarget(t: Target, e: Evaluation): boolean {
  const value = e.actual ?? Number.NaN
  switch (t.kind) {
    case 'count':
    case 'level':
      return t.direction === 'at_least' ? value >= t.value : value <= t.value
    case 'ratio':
      return t.direction === 'at_least' ? value >= t.percent : value <= t.percent
    case 'percent_change':
      return t.direction === 'increase' ? value >= t.percent : value <= -t.percent
    case 'recurring':
    case 'milestone':
      return value === e.target
  }
}

describe('progress engine properties', () => {
  fc.configureGlobal({ numRuns: 300 })

  it('adding a quantity never lowers a count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.array(entry), entry, day, (value, entries, extra, asOf) => {
        const c = commitment({ kind: 'count', value, direction: 'at_least', unit: '次' })
        const before = evaluateCommitment(YEAR_2025, c, entries, asOf).actual ?? 0
        const after = evaluateCommitment(YEAR_2025, c, [...entries, extra], asOf).actual ?? 0
        expect(after).toBeGreaterThanOrEqual(before)
      }),
    )
  })

  it('never says achieved when the target is not met', () => {
    fc.assert(
      fc.property(target, fc.array(entry, { maxLength: 30 }), day, (t, entries, asOf) => {
        const evaluation = evaluateCommitment(YEAR_2025, commitment(t), entries, asOf)
        if (evaluation.status === 'achieved') expect(meetsTarget(t, evaluation)).toBe(true)
      }),
    )
  })

  it('calls a count achieved exactly when it reaches its target', () => {
    const small = fc.record({ id: fc.uuid(), commitmentIds: fc.constant<string[]>(['c1']), date: day, note: fc.constant(''), participants: fc.constant(''), place: fc.constant(''), evidenceUrl: fc.constant(''), type: fc.constant('quantity' as const), quantity: fc.integer({ min: 0, max: 5 }) })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(small, { maxLength: 12 }), day, (value, entries, asOf) => {
        const evaluation = evaluateCommitment(YEAR_2025, commitment({ kind: 'count', value, direction: 'at_least', unit: '次' }), entries, asOf)
        expect(evaluation.status === 'achieved').toBe((evaluation.actual ?? 0) >= value)
      }),
    )
  })

  it('does not depend on the order entries arrive in', () => {
    fc.assert(
      fc.property(target, fc.array(fc.oneof(entry, tiedEntry), { maxLength: 30 }), day, fc.integer(), (t, entries, asOf, seed) => {
        const shuffled = [...entries].sort((a, b) => ((a.id.charCodeAt(seed & 7) ^ seed) % 13) - ((b.id.charCodeAt(seed & 7) ^ seed) % 13))
        const reversed = [...entries].reverse()
        const reference = rounded(evaluateCommitment(YEAR_2025, commitment(t), entries, asOf))
        expect(rounded(evaluateCommitment(YEAR_2025, commitment(t), shuffled, asOf))).toEqual(reference)
        expect(rounded(evaluateCommitment(YEAR_2025, commitment(t), reversed, asOf))).toEqual(reference)
      }),
    )
  })

  it('has a 完成率, 序时进度 and gap exactly when the target is a path, and shows the gap as the difference of the shown figures', () => {
    fc.assert(
      fc.property(target, fc.array(entry, { maxLength: 30 }), day, (t, entries, asOf) => {
        const evaluation = evaluateCommitment(YEAR_2025, commitment(t), entries, asOf)
        const limit = isLimit(t)
        for (const field of ['progress', 'expected', 'gapPoints', 'expectedValue'] as const) expect(evaluation[field] === null, field).toBe(limit)
        const shown = shownFigures(evaluation)
        if (shown.completion !== null && shown.expected !== null) expect(shown.gap).toBeCloseTo(shown.completion - shown.expected, 9)
        else expect(shown.gap).toBeNull()
      }),
    )
  })

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(target, fc.array(entry, { maxLength: 30 }), day, (t, entries, asOf) => {
        const evaluation = evaluateCommitment(YEAR_2025, commitment(t), entries, asOf)
        for (const field of NUMERIC_FIELDS) {
          const value = evaluation[field]
          if (value !== null) expect(Number.isFinite(value), field).toBe(true)
        }
        if (evaluation.forecast.value !== null) expect(Number.isFinite(evaluation.forecast.value)).toBe(true)
      }),
    )
  })

  it('judges a past date by the entries dated up to it: later entries change nothing', () => {
    fc.assert(
      fc.property(target, fc.array(entry, { maxLength: 30 }), day, (t, entries, asOf) => {
        const upToAsOf = entries.filter((e) => e.date <= asOf)
        expect(evaluateCommitment(YEAR_2025, commitment(t), entries, asOf)).toEqual(evaluateCommitment(YEAR_2025, commitment(t), upToAsOf, asOf))
      }),
    )
  })

  it('keeps one column value per day with entries, whatever the number of entries that day', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, tiedEntry), { maxLength: 30 }), (entries) => {
        const totals = dayTotals(entries).get('c1')
        expect(totals?.days.length ?? 0).toBe(new Set(entries.map((e) => e.date)).size)
        expect(totals?.days ?? []).toEqual([...(totals?.days ?? [])].sort((a, b) => a - b))
        const counted = (totals?.quantityEntries ?? []).concat(totals?.measurements ?? [], totals?.milestoneEntries ?? [])
        expect(counted.reduce((a, b) => a + b, 0)).toBe(entries.length)
      }),
    )
  })

  it('judges a commitment in a plan as alone: entries that also count toward another, or toward it twice, change nothing', () => {
    fc.assert(
      fc.property(target, fc.array(fc.oneof(entry, tiedEntry), { maxLength: 30 }), day, fc.array(fc.boolean(), { maxLength: 30 }), (t, entries, asOf, shared) => {
        const c = commitment(t)
        const other = commitment({ kind: 'count', value: 3, direction: 'at_least', unit: '次' }, { id: 'c2' })
        const inPlan = entries.map((e, i) => (shared[i] ? { ...e, commitmentIds: i % 2 ? ['c2', 'c1'] : ['c1', 'c1', 'c2'] } : e))
        const plan = evaluateTotals(YEAR_2025, [c, other], dayTotals(inPlan), asOf).get(c.id)
        expect(rounded(plan)).toEqual(rounded(evaluateCommitment(YEAR_2025, c, entries, asOf)))
      }),
    )
  })
})
