import { describe, expect, it } from 'vitest'
import { buildExample, evaluatePlan, EXAMPLE_DEFAULT_AS_OF, exampleAsOf, EXAMPLE_SECTIONS, isLateEntry, validateCommitment, validateEntry, type Status } from '@/domain'

const ids = () => {
  let n = 0
  return () => `id-${String(++n).padStart(4, '0')}`
}
const roles = EXAMPLE_SECTIONS.flatMap((s) => s.children.flatMap((c) => c.commitments.map((x) => x.role)))

function statuses(asOf: string) {
  const example = buildExample(asOf, ids())
  const evaluations = evaluatePlan(example.plan.window, example.commitments, example.entries, asOf)
  return example.commitments.map((c) => evaluations.get(c.id)!.status)
}

describe('the example plan', () => {
  const example = buildExample(EXAMPLE_DEFAULT_AS_OF, ids())

  it('has the 2025 sections and commitments of the report', () => {
    expect(example.plan.name).toBe('2025年工作谋划')
    expect(example.sections.filter((s) => s.parentId === null).map((s) => s.title)).toEqual([
      '固法治根本，强化思想与制度建设',
      '优法治服务，提升决策与研究水平',
      '强法治保障，打造队伍与文化环境',
    ])
    expect(example.sections).toHaveLength(12)
    expect(example.commitments).toHaveLength(16)
    expect(new Set(example.commitments.map((c) => c.target.kind))).toEqual(new Set(['count', 'ratio', 'milestone', 'percent_change', 'level']))
  })

  it('is valid everywhere: every commitment and entry passes the checks a form applies', () => {
    for (const c of example.commitments) expect(validateCommitment(c, example.plan.window).ok).toBe(true)
    for (const e of example.entries) expect(validateEntry(e, EXAMPLE_DEFAULT_AS_OF)).toMatchObject({ ok: true })
  })

  it('is the same every time for the same date', () => {
    expect(buildExample(EXAMPLE_DEFAULT_AS_OF, ids())).toEqual(buildExample(EXAMPLE_DEFAULT_AS_OF, ids()))
  })

  it.each(['2025-06-30', '2025-09-30'])('at %s each commitment stands exactly as its role says', (asOf) => {
    expect(statuses(asOf)).toEqual(roles)
  })

  // Whole activities cannot hit every ratio on every day (4.93 expected of 20 leaves no whole number in the
  // at-risk band), so on other dates a commitment may land one band over; all four statuses still appear.
  it.each(['2025-02-15', '2025-03-31', '2025-05-20', '2025-08-08', '2025-11-15', '2025-12-20'])('at %s shows achieved, on track, at risk and behind', (asOf) => {
    expect(new Set<Status>(statuses(asOf))).toEqual(new Set(['achieved', 'on_track', 'at_risk', 'behind']))
  })

  it('logs nothing after the chosen date or before the window, and marks some entries late', () => {
    for (const e of example.entries) {
      expect(e.date >= '2025-01-01' && e.date <= EXAMPLE_DEFAULT_AS_OF).toBe(true)
      expect(e.loggedOn >= e.date && e.loggedOn <= EXAMPLE_DEFAULT_AS_OF).toBe(true)
    }
    const late = example.entries.filter((e) => isLateEntry(e.date, e.loggedOn)).length
    expect(late).toBeGreaterThan(0)
    expect(late).toBeLessThan(example.entries.length / 4)
  })

  it('after the year has closed, what was not achieved is missed', () => {
    expect(new Set(statuses('2026-03-01'))).toEqual(new Set(['achieved', 'missed']))
  })

  it('gives every row its own id', () => {
    const all = [example.plan, ...example.sections, ...example.commitments, ...example.departments, ...example.people, ...example.entries].map((r) => r.id)
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('the date the example runs up to', () => {
  it.each([
    ['2026-12-02', '2025-09-30'], // after the plan: the end of the third quarter
    ['2025-09-30', '2025-09-30'],
    ['2025-10-01', '2025-09-30'],
    ['2025-09-29', '2025-09-29'], // during it: today, since entries after today are refused
    ['2025-06-16', '2025-06-16'],
    ['2025-01-01', '2025-01-01'],
    ['2024-12-31', '2025-01-01'], // before it: its first day
  ])('on %s: %s', (today, expected) => {
    expect(exampleAsOf(today)).toBe(expected)
  })
})
