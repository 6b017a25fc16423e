import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dayTotals, emptyTotals, mergeTotals, toDayNumber, withoutDays, type Entry } from '@/domain'

// Quantities and values in halves, denominators powers of two: their sums and ratios are exact in floating point,
// so totals compare with toEqual whatever order they were added in. (Ratios such as 0.5/12 are not: summed in
// another order their sum can differ in the last bit, far below the precision any figure is shown at.)
const amount = fc.integer({ min: 0, max: 40 }).map((halves) => halves / 2)
const denominator = fc.option(fc.constantFrom(0, 1, 2, 4, 8, 16, 32, 64))
const date = fc.constantFrom('2025-03-01', '2025-03-02', '2025-06-30', '2025-09-30', '2025-12-31')
const base = { commitmentIds: fc.constant<string[]>(['c1']), date, note: fc.constant(''), participants: fc.constant(''), place: fc.constant(''), evidenceUrl: fc.constant('') }
const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc.record({ id: fc.uuid(), ...base, type: fc.constant('quantity' as const), quantity: amount }),
  fc.record({ id: fc.uuid(), ...base, type: fc.constant('measurement' as const), value: amount, denominator }),
  fc.record({ id: fc.uuid(), ...base, type: fc.constant('milestone' as const), stageId: fc.constantFrom('s1', 's2', 's3') }),
)
const entries = fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 30 })
const totalsOf = (list: readonly Entry[]) => dayTotals(list).get('c1') ?? emptyTotals()

describe('day totals updated from a change equal totals summed afresh', () => {
  it('adding entries to stored totals (mergeTotals)', () => {
    fc.assert(
      fc.property(entries, fc.nat(), (all, cut) => {
        const at = all.length === 0 ? 0 : cut % (all.length + 1)
        expect(mergeTotals(totalsOf(all.slice(0, at)), totalsOf(all.slice(at)))).toEqual(totalsOf(all))
      }),
      { numRuns: 500 },
    )
  })

  it('summing the touched days again after an edit or removal (withoutDays, then mergeTotals)', () => {
    fc.assert(
      fc.property(entries, entries, (before, after) => {
        // The days the change touched are summed again from their entries after it; the others are kept.
        const touched = new Set([...before, ...after].map((e) => e.date))
        const untouched = before.filter((e) => !touched.has(e.date))
        const again = after.filter((e) => touched.has(e.date))
        const updated = mergeTotals(withoutDays(totalsOf(before), new Set([...touched].map(toDayNumber))), totalsOf(again))
        expect(updated).toEqual(totalsOf([...untouched, ...again]))
      }),
      { numRuns: 500 },
    )
  })

  it.each([
    ['a later measurement on the same day replaces the latest value', [['m-1', 10]], [['m-2', 20]], 20],
    ['an earlier id added later does not', [['m-2', 20]], [['m-1', 10]], 20],
  ] as const)('%s', (_, stored, added, latest) => {
    const measurement = ([id, value]: readonly [string, number]): Entry => ({ id, commitmentIds: ['c1'], date: '2025-03-01', note: '', participants: '', place: '', evidenceUrl: '', type: 'measurement', value, denominator: null })
    const merged = mergeTotals(totalsOf(stored.map(measurement)), totalsOf(added.map(measurement)))
    expect(merged.latestValue).toEqual([latest])
    expect(merged.measurements).toEqual([2])
    expect(merged.valueSum).toEqual([30])
  })
})
