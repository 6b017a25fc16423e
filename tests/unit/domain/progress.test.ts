import { describe, expect, it } from 'vitest'
import {
  evaluateCommitment,
  evaluatePlan,
  type Commitment,
  type DateWindow,
  type Entry,
  type Evaluation,
  type Target,
} from '@/domain'
import { YEAR_2025, commitment, measure, monthly, qty, stageDone } from './fixtures'

/** Numbers in an expectation match to 6 decimals; everything else exactly. */
function approx(expected: object): object {
  return Object.fromEntries(
    Object.entries(expected).map(([key, value]) => [
      key,
      typeof value === 'number'
        ? expect.closeTo(value, 6)
        : value && typeof value === 'object' && !Array.isArray(value)
          ? expect.objectContaining(approx(value))
          : value,
    ]),
  )
}

interface Case {
  given: {
    target: Target
    entries?: Entry[]
    asOf: string
    window?: DateWindow
    commitment?: Partial<Commitment>
  }
  expected: Partial<Record<keyof Evaluation, unknown>>
}

const count15: Target = { kind: 'count', value: 15, direction: 'at_least', unit: '次' }
const count20: Target = { kind: 'count', value: 20, direction: 'at_least', unit: '次' }
const atMost10: Target = { kind: 'count', value: 10, direction: 'at_most', unit: '件' }
const atMost0: Target = { kind: 'count', value: 0, direction: 'at_most', unit: '起' }
const level50: Target = { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 }
const level50NoBase: Target = { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: null }
const levelDown5: Target = { kind: 'level', value: 5, direction: 'at_most', unit: '天', baseline: 12 }
const levelDown5NoBase: Target = { kind: 'level', value: 5, direction: 'at_most', unit: '天', baseline: null }
const up30: Target = { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 20, unit: '件' }
const down20: Target = { kind: 'percent_change', percent: 20, direction: 'decrease', baseline: 50, unit: '起' }
const ratio20: Target = { kind: 'ratio', percent: 20, direction: 'at_least', baseline: null }
const ratio100: Target = { kind: 'ratio', percent: 100, direction: 'at_least', baseline: null }
const ratioMax5: Target = { kind: 'ratio', percent: 5, direction: 'at_most', baseline: null }
const ratio20From10: Target = { kind: 'ratio', percent: 20, direction: 'at_least', baseline: 10 }
const monthly1: Target = { kind: 'recurring', period: 'month', minimum: 1, unit: '次' }
const quarterly2: Target = { kind: 'recurring', period: 'quarter', minimum: 2, unit: '次' }
const yearly2: Target = { kind: 'recurring', period: 'year', minimum: 2, unit: '次' }
const halfYearly1: Target = { kind: 'recurring', period: 'half_year', minimum: 1, unit: '次' }
const weekly1: Target = { kind: 'recurring', period: 'week', minimum: 1, unit: '次' }
const oneStage: Target = { kind: 'milestone', stages: [{ id: 's1', title: '建立专家库', dueDate: null }] }
const threeStages: Target = {
  kind: 'milestone',
  stages: [
    { id: 's1', title: '展示区一', dueDate: '2025-03-31' },
    { id: 's2', title: '展示区二', dueDate: '2025-06-30' },
    { id: 's3', title: '展示区三', dueDate: '2025-09-30' },
  ],
}

const MID = '2025-07-02' // 183rd of 365 days
const HALF = 183 / 365
const WINDOW_20 = { start: '2025-01-01', end: '2025-01-20' } // asOf 2025-01-10 is exactly half
const QUARTERS = { unit: 'quarter' as const, cumulative: [20, 50, 75, 100] }

const cases: [string, Case][] = [
  // count, at least
  ['count: no entries mid-year is behind', { given: { target: count15, asOf: MID }, expected: { status: 'behind', actual: 0, progress: 0, expected: HALF, hasEntries: false, forecast: { value: 0, meetsTarget: false } } }],
  ['count: ahead of 序时进度 is on track', { given: { target: count15, asOf: MID, entries: [qty('2025-03-12', 3), qty('2025-06-01', 5)] }, expected: { status: 'on_track', actual: 8, progress: 8 / 15, gapPoints: (8 / 15 - HALF) * 100, expectedValue: 15 * HALF } }],
  ['count: slightly behind is at risk', { given: { target: count15, asOf: MID, entries: [qty('2025-03-12', 7)] }, expected: { status: 'at_risk', actual: 7 } }],
  ['count: well behind is behind', { given: { target: count15, asOf: MID, entries: [qty('2025-03-12', 6)] }, expected: { status: 'behind', actual: 6 } }],
  ['count: exactly 95 % of expected is on track', { given: { target: count20, window: WINDOW_20, asOf: '2025-01-10', entries: [qty('2025-01-05', 9.5)] }, expected: { status: 'on_track', expected: 0.5 } }],
  ['count: just under 95 % is at risk', { given: { target: count20, window: WINDOW_20, asOf: '2025-01-10', entries: [qty('2025-01-05', 9.4)] }, expected: { status: 'at_risk' } }],
  ['count: exactly 85 % of expected is at risk', { given: { target: count20, window: WINDOW_20, asOf: '2025-01-10', entries: [qty('2025-01-05', 8.5)] }, expected: { status: 'at_risk' } }],
  ['count: just under 85 % is behind', { given: { target: count20, window: WINDOW_20, asOf: '2025-01-10', entries: [qty('2025-01-05', 8.4)] }, expected: { status: 'behind' } }],
  ['count: reaching the target early is achieved', { given: { target: count15, asOf: '2025-09-30', entries: [qty('2025-04-01', 15)] }, expected: { status: 'achieved', progress: 1, deadline: 'none' } }],
  ['count: overshoot keeps its true percentage', { given: { target: count15, asOf: '2025-09-30', entries: [qty('2025-04-01', 18)] }, expected: { status: 'achieved', progress: 1.2, actual: 18 } }],
  ['count: entries outside the window do not count', { given: { target: count15, asOf: '2026-01-05', entries: [qty('2024-12-31', 5), qty('2026-01-01', 5)] }, expected: { status: 'missed', actual: 0, hasEntries: false } }],
  ['count: entries after the "as of" date do not count', { given: { target: count15, asOf: '2025-03-31', entries: [qty('2025-04-15', 10)] }, expected: { actual: 0, status: 'behind' } }],
  ['count: a future plan has not started', { given: { target: count15, asOf: '2024-12-01' }, expected: { status: 'not_started', expected: 0, gapPoints: 0, forecast: { value: null, meetsTarget: null } } }],
  ['count: a finished plan short of the target is missed', { given: { target: count15, asOf: '2026-01-10', entries: [qty('2025-05-01', 12)] }, expected: { status: 'missed', expected: 1, deadline: 'overdue', forecast: { value: 12, meetsTarget: false } } }],
  ['count: a finished plan that met the target is achieved', { given: { target: count15, asOf: '2026-01-10', entries: [qty('2025-05-01', 15)] }, expected: { status: 'achieved', deadline: 'none' } }],
  ['count: on the last day the whole target is expected', { given: { target: count15, asOf: '2025-12-31', entries: [qty('2025-05-01', 14)] }, expected: { status: 'at_risk', expected: 1, deadline: 'due_soon' } }],
  ['count: forecast by run rate', { given: { target: count15, asOf: MID, entries: [qty('2025-02-01', 10)] }, expected: { forecast: { value: (10 / 183) * 365, meetsTarget: true } } }],
  ['count: quarterly phasing at the end of Q1', { given: { target: count15, asOf: '2025-03-31', entries: [qty('2025-02-01', 3)], commitment: { phasing: QUARTERS } }, expected: { expected: 0.2, status: 'on_track', gapPoints: 0 } }],
  ['count: quarterly phasing is linear inside Q2', { given: { target: count15, asOf: '2025-05-16', commitment: { phasing: QUARTERS } }, expected: { expected: 0.2 + (0.3 * 46) / 91 } }],
  ['count: monthly phasing', { given: { target: count15, asOf: '2025-02-28', commitment: { phasing: { unit: 'month', cumulative: [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100] } } }, expected: { expected: 0.1 } }],
  ['count: leap year counts 29 February', { given: { target: count15, window: { start: '2024-01-01', end: '2024-12-31' }, asOf: '2024-02-29' }, expected: { expected: 60 / 366 } }],
  ['count: due within 7 days lights yellow', { given: { target: count15, asOf: '2025-06-23', commitment: { dueDate: '2025-06-30' } }, expected: { deadline: 'due_soon' } }],
  ['count: due in 8 days has no light', { given: { target: count15, asOf: '2025-06-22', commitment: { dueDate: '2025-06-30' } }, expected: { deadline: 'none' } }],
  ['count: past its due date lights red', { given: { target: count15, asOf: '2025-07-01', commitment: { dueDate: '2025-06-30' } }, expected: { deadline: 'overdue', status: 'behind' } }],

  // count, upper bound
  // A limit has no 完成率, 序时进度 or gap: it is kept or broken.
  ['upper bound: low run rate is on track', { given: { target: atMost10, asOf: MID, entries: [qty('2025-03-01', 3)] }, expected: { status: 'on_track', actual: 3, progress: null, expected: null, expectedValue: null, gapPoints: null, forecast: { value: (3 / 183) * 365, meetsTarget: true } } }],
  ['upper bound: run rate past the bound is at risk', { given: { target: atMost10, asOf: MID, entries: [qty('2025-03-01', 6)] }, expected: { status: 'at_risk', forecast: { meetsTarget: false } } }],
  ['upper bound: exactly at the bound on the last day is kept', { given: { target: atMost10, asOf: '2025-12-31', entries: [qty('2025-03-01', 10)] }, expected: { status: 'on_track', progress: null } }],
  ['upper bound: at the bound with days left is at risk by run rate', { given: { target: atMost10, asOf: '2025-12-20', entries: [qty('2025-03-01', 10)] }, expected: { status: 'at_risk' } }],
  ['upper bound: broken is missed at once', { given: { target: atMost10, asOf: MID, entries: [qty('2025-03-01', 11)] }, expected: { status: 'missed' } }],
  ['upper bound: kept to the end is achieved', { given: { target: atMost10, asOf: '2026-01-05', entries: [qty('2025-03-01', 9)] }, expected: { status: 'achieved', deadline: 'none' } }],
  ['upper bound: before the window has not started', { given: { target: atMost10, asOf: '2024-11-01' }, expected: { status: 'not_started' } }],
  ['upper bound of zero: none so far is on track', { given: { target: atMost0, asOf: MID }, expected: { status: 'on_track', actual: 0, progress: null } }],
  ['upper bound of zero: one incident misses it', { given: { target: atMost0, asOf: MID, entries: [qty('2025-04-01', 1)] }, expected: { status: 'missed', actual: 1, progress: null } }],

  // level
  ['level: no measurement stays at the baseline', { given: { target: level50, asOf: MID }, expected: { status: 'behind', actual: 32, progress: 0, hasEntries: false, expectedValue: 32 + 18 * HALF } }],
  ['level: halfway at mid-year is on track', { given: { target: level50, asOf: MID, entries: [measure('2025-06-30', 41)] }, expected: { status: 'on_track', actual: 41, progress: 0.5, gapPoints: (0.5 - HALF) * 100 } }],
  ['level: reaching the level is achieved', { given: { target: level50, asOf: MID, entries: [measure('2025-06-30', 50)] }, expected: { status: 'achieved', progress: 1 } }],
  ['level: the latest measurement counts, not the highest', { given: { target: level50, asOf: MID, entries: [measure('2025-05-01', 45), measure('2025-06-30', 40)] }, expected: { actual: 40 } }],
  ['level: same-day measurements resolve by id, not arrival', { given: { target: level50, asOf: MID, entries: [measure('2025-06-30', 44, null, 'm-b'), measure('2025-06-30', 40, null, 'm-a')] }, expected: { actual: 44 } }],
  ['level: forecast by the trend from the baseline', { given: { target: level50, asOf: MID, entries: [measure('2025-06-30', 41)] }, expected: { forecast: { value: 32 + (9 * 365) / 181, meetsTarget: true } } }],
  ['level: without a baseline the path starts at 0', { given: { target: level50NoBase, asOf: MID, entries: [measure('2025-06-30', 30)] }, expected: { status: 'on_track', progress: 0.6, expectedValue: 50 * HALF } }],
  ['level: without a baseline or measurement there is no actual', { given: { target: level50NoBase, asOf: MID }, expected: { actual: null, progress: 0, status: 'behind', forecast: { value: null, meetsTarget: null } } }],
  ['level, ceiling: coming down from the baseline is on track', { given: { target: levelDown5, asOf: MID, entries: [measure('2025-06-01', 8)] }, expected: { status: 'on_track', progress: 4 / 7 } }],
  ['level, ceiling: at the ceiling is achieved', { given: { target: levelDown5, asOf: MID, entries: [measure('2025-06-01', 5)] }, expected: { status: 'achieved' } }],
  // Without a baseline above it, an upper bound is a limit.
  ['level limit: above it at the end is missed', { given: { target: levelDown5NoBase, asOf: '2026-01-02', entries: [measure('2025-11-01', 6)] }, expected: { status: 'missed', progress: null, expected: null, gapPoints: null } }],
  ['level limit: within it at the end is achieved', { given: { target: levelDown5NoBase, asOf: '2026-01-02', entries: [measure('2025-11-01', 4)] }, expected: { status: 'achieved', actual: 4 } }],
  ['level limit: a baseline already within it is a limit, standing at the baseline', { given: { target: { ...levelDown5NoBase, baseline: 4 }, asOf: MID }, expected: { status: 'on_track', actual: 4, progress: null } }],
  ['level: before the window has not started even if met', { given: { target: { ...level50, baseline: 55 }, asOf: '2024-12-01' }, expected: { status: 'not_started' } }],
  ['level: short at the end of the window is missed', { given: { target: level50, asOf: '2026-01-02', entries: [measure('2025-12-01', 45)] }, expected: { status: 'missed', actual: 45 } }],

  // percent change
  ['increase: +30 % reached is achieved', { given: { target: up30, asOf: MID, entries: [measure('2025-06-01', 26)] }, expected: { status: 'achieved', actual: 30, target: 30 } }],
  ['increase: +15 % at mid-year is on track', { given: { target: up30, asOf: MID, entries: [measure('2025-06-01', 23)] }, expected: { status: 'on_track', actual: 15, progress: 0.5 } }],
  ['increase: no measurement is no change', { given: { target: up30, asOf: MID }, expected: { status: 'behind', actual: 0, progress: 0 } }],
  ['decrease: −10 % at mid-year is on track', { given: { target: down20, asOf: MID, entries: [measure('2025-06-01', 45)] }, expected: { status: 'on_track', actual: -10, target: -20, progress: 0.5, expectedValue: -20 * HALF } }],
  ['decrease: −20 % reached is achieved', { given: { target: down20, asOf: MID, entries: [measure('2025-06-01', 40)] }, expected: { status: 'achieved' } }],
  ['decrease: going up instead is behind', { given: { target: down20, asOf: MID, entries: [measure('2025-06-01', 55)] }, expected: { status: 'behind', progress: -0.5 } }],

  // ratio
  ['ratio: 41 of 180 is 22.8 %, above 20 %', { given: { target: ratio20, asOf: MID, entries: [measure('2025-06-01', 41, 180)] }, expected: { status: 'achieved', actual: (41 / 180) * 100 } }],
  ['ratio: a percent entered directly', { given: { target: ratio20, asOf: MID, entries: [measure('2025-06-01', 15)] }, expected: { status: 'on_track', actual: 15, progress: 0.75 } }],
  ['ratio: 90 % of 100 % on the last day is at risk', { given: { target: ratio100, asOf: '2025-12-31', entries: [measure('2025-12-01', 90, 100)] }, expected: { status: 'at_risk', progress: 0.9 } }],
  ['ratio: 90 % of 100 % after the window is missed', { given: { target: ratio100, asOf: '2026-01-01', entries: [measure('2025-12-01', 90, 100)] }, expected: { status: 'missed' } }],
  // 行政复议纠错率不高于5%: achieved only when the window closes within it.
  ['ratio limit: no reading yet has nothing to judge', { given: { target: ratioMax5, asOf: MID }, expected: { status: 'not_started', actual: null, progress: null, expected: null } }],
  ['ratio limit: within it mid-year is on track, not yet achieved', { given: { target: ratioMax5, asOf: MID, entries: [measure('2025-06-01', 3, 100)] }, expected: { status: 'on_track', actual: 3, progress: null, gapPoints: null } }],
  ['ratio limit: 4.4 % and rising past 5 % is at risk', { given: { target: ratioMax5, asOf: MID, entries: [measure('2025-03-01', 2), measure('2025-06-01', 4.4)] }, expected: { status: 'at_risk', actual: 4.4 } }],
  ['ratio limit: above it mid-year is behind, it can still come down', { given: { target: ratioMax5, asOf: MID, entries: [measure('2025-06-01', 6)] }, expected: { status: 'behind', actual: 6 } }],
  ['ratio limit: within it when the window closes is achieved', { given: { target: ratioMax5, asOf: '2026-01-02', entries: [measure('2025-12-01', 4.4)] }, expected: { status: 'achieved' } }],
  ['ratio limit: above it when the window closes is missed', { given: { target: ratioMax5, asOf: '2026-01-02', entries: [measure('2025-12-01', 5.5)] }, expected: { status: 'missed' } }],
  ['ratio: from a baseline of 10 % halfway to 20 %', { given: { target: ratio20From10, asOf: MID, entries: [measure('2025-06-01', 15)] }, expected: { status: 'on_track', progress: 0.5 } }],
  ['ratio: a zero denominator is ignored, never a division by zero', { given: { target: ratio20, asOf: MID, entries: [measure('2025-06-01', 5, 0)] }, expected: { actual: null, hasEntries: false, progress: 0 } }],

  // recurring
  ['monthly: both elapsed months met is on track', { given: { target: monthly1, asOf: '2025-03-15', entries: monthly([1, 2]) }, expected: { status: 'on_track', actual: 2, target: 12, expected: 2 / 12 } }],
  ['monthly: a missed month is behind', { given: { target: monthly1, asOf: '2025-03-15', entries: monthly([1]) }, expected: { status: 'behind', actual: 1 } }],
  ['monthly: every month met is achieved', { given: { target: monthly1, asOf: '2025-12-20', entries: monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) }, expected: { status: 'achieved', actual: 12, progress: 1 } }],
  ['monthly: eleven of twelve after the window is missed', { given: { target: monthly1, asOf: '2026-01-05', entries: monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) }, expected: { status: 'missed', actual: 11 } }],
  ['monthly: during the first month nothing is late yet', { given: { target: monthly1, asOf: '2025-01-15' }, expected: { status: 'on_track', expected: 0, forecast: { value: null, meetsTarget: null } } }],
  ['monthly: forecast by the share of months met', { given: { target: monthly1, asOf: '2025-07-15', entries: monthly([1, 2, 3, 5, 6]) }, expected: { status: 'behind', forecast: { value: 10, meetsTarget: false } } }],
  ['monthly: the forecast never falls below the months already met', { given: { target: monthly1, asOf: '2025-11-24', entries: monthly([11]) }, expected: { actual: 1, forecast: { value: 1, meetsTarget: false } } }],
  ['quarterly minimum 2: Q1 met', { given: { target: quarterly2, asOf: '2025-04-10', entries: [qty('2025-01-10', 1), qty('2025-03-10', 1)] }, expected: { status: 'on_track', actual: 1, target: 4 } }],
  ['yearly minimum 2: one so far is on track', { given: { target: yearly2, asOf: MID, entries: [qty('2025-05-10', 1)] }, expected: { status: 'on_track', actual: 0, target: 1 } }],
  ['yearly minimum 2: two is achieved', { given: { target: yearly2, asOf: MID, entries: [qty('2025-05-10', 1), qty('2025-06-10', 1)] }, expected: { status: 'achieved' } }],
  ['half-yearly: a missed first half is behind', { given: { target: halfYearly1, asOf: '2025-07-10' }, expected: { status: 'behind', target: 2 } }],
  ['weekly: every week of a four-week window', { given: { target: weekly1, window: { start: '2025-01-06', end: '2025-02-02' }, asOf: '2025-02-02', entries: [qty('2025-01-06', 1), qty('2025-01-19', 1), qty('2025-01-20', 1), qty('2025-02-02', 1)] }, expected: { status: 'achieved', actual: 4, target: 4 } }],
  ['weekly: a Sunday belongs to the week that began on Monday', { given: { target: weekly1, window: { start: '2025-01-06', end: '2025-02-02' }, asOf: '2025-01-27', entries: [qty('2025-01-12', 1), qty('2025-01-13', 1)] }, expected: { status: 'behind', actual: 2, expected: 3 / 4 } }],

  // milestone
  ['milestone: one stage not yet due is on track', { given: { target: oneStage, asOf: MID }, expected: { status: 'on_track', expected: 0, forecast: { value: null, meetsTarget: null } } }],
  ['milestone: one stage done is achieved', { given: { target: oneStage, asOf: MID, entries: [stageDone('2025-05-20', 's1')] }, expected: { status: 'achieved', actual: 1, progress: 1, forecast: { value: 1, meetsTarget: true } } }],
  ['milestone: one of two stages due is behind', { given: { target: threeStages, asOf: MID, entries: [stageDone('2025-03-20', 's1')] }, expected: { status: 'behind', actual: 1, target: 3, expected: 2 / 3, progress: 1 / 3 } }],
  ['milestone: both due stages done is on track', { given: { target: threeStages, asOf: MID, entries: [stageDone('2025-03-20', 's1'), stageDone('2025-06-20', 's2')] }, expected: { status: 'on_track' } }],
  ['milestone: a stage falls due with the commitment', { given: { target: oneStage, asOf: '2025-07-01', commitment: { dueDate: '2025-06-30' } }, expected: { status: 'behind', deadline: 'overdue', expected: 1 } }],
  ['milestone: an unknown stage is ignored', { given: { target: oneStage, asOf: MID, entries: [stageDone('2025-05-20', 'other')] }, expected: { actual: 0, hasEntries: false } }],
  ['milestone: undone after the window is missed', { given: { target: threeStages, asOf: '2026-01-02', entries: [stageDone('2025-03-20', 's1')] }, expected: { status: 'missed', forecast: { value: 1, meetsTarget: false } } }],
  ['milestone: entries of another type are ignored', { given: { target: oneStage, asOf: MID, entries: [qty('2025-05-20', 3)] }, expected: { actual: 0, hasEntries: false } }],
]

describe('evaluateCommitment', () => {
  it.each(cases)('%s', (_name, { given, expected }) => {
    const evaluation = evaluateCommitment(
      given.window ?? YEAR_2025,
      commitment(given.target, given.commitment),
      given.entries ?? [],
      given.asOf,
    )
    expect(evaluation).toMatchObject(approx(expected))
  })

  it('has at least 60 given/expected cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it('reports each calendar period of a recurring target', () => {
    const evaluation = evaluateCommitment(YEAR_2025, commitment(quarterly2), [qty('2025-02-01', 2), qty('2025-05-01', 1)], '2025-05-15')
    expect(evaluation.periods?.map(({ value, met, elapsed }) => ({ value, met, elapsed }))).toEqual([
      { value: 2, met: true, elapsed: true },
      { value: 1, met: false, elapsed: false },
      { value: 0, met: false, elapsed: false },
      { value: 0, met: false, elapsed: false },
    ])
  })

  it('honours configured bands', () => {
    const evaluation = evaluateCommitment(YEAR_2025, commitment(count15), [qty('2025-03-12', 7)], MID, {
      onTrackAt: 0.9,
      atRiskAt: 0.8,
      dueSoonDays: 7,
    })
    expect(evaluation.status).toBe('on_track')
  })
})

describe('evaluatePlan', () => {
  it('counts one activity toward every commitment it names', () => {
    const study = commitment(count15, { id: 'study' })
    const monthlyStudy = commitment(monthly1, { id: 'monthly' })
    const entries = [qty('2025-01-10', 2, ['study', 'monthly']), qty('2025-02-10', 1, ['study', 'unknown'])]
    const evaluations = evaluatePlan(YEAR_2025, [study, monthlyStudy], entries, '2025-03-01')
    expect(evaluations.get('study')?.actual).toBe(3)
    expect(evaluations.get('monthly')?.actual).toBe(1)
    expect(evaluations.size).toBe(2)
  })
})
