import { describe, expect, it } from 'vitest'
import { StorageError } from '@/db'
import { removePlan } from '@/db/plans'
import { planReviews } from '@/db/plan-rows'
import { evaluateCommitment, freezeFigures, type Review } from '@/domain'
import { activity, freshStorage, plan, q3Review, studyCommitment, writerAt } from './helpers'

const q3 = q3Review

async function withPlan() {
  const storage = freshStorage()
  const writer = writerAt('王芳')
  await storage.plans.save(plan(), writer)
  await storage.commitments.save(studyCommitment(), writer)
  await storage.entries.save(activity('e1', '2025-03-12', 12), writer)
  return { storage, writer }
}

function snapshot(frozenAt: string) {
  const c = studyCommitment()
  const evaluation = evaluateCommitment(plan().window, c, [activity('e1', '2025-03-12', 12)], '2025-09-30')
  return freezeFigures({ plan: plan(), sections: [], commitments: [c], departments: [], people: [], evaluations: new Map([[c.id, evaluation]]) }, frozenAt, '2025-09-30')
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(StorageError)
  return (error as StorageError).issues
}

describe('reviews in storage', () => {
  it('stores a review with its notes, and a frozen one with its snapshot, stripped of the rows\' stamps', async () => {
    const { storage, writer } = await withPlan()
    await storage.reviews.save(q3({ notes: [{ commitmentId: 'study', narrative: null, problems: '人手不足', nextSteps: '' }] }), writer)
    const frozen = snapshot('2025-10-10T02:00:00.000Z')
    const stamped = { ...frozen, commitments: frozen.commitments.map((c) => ({ ...c, updatedAt: 'x', updatedBy: 'y', deletedAt: null })) }
    const saved = await storage.reviews.save(q3({ snapshot: stamped }), writer)
    expect(saved.snapshot?.commitments[0]).not.toHaveProperty('updatedAt')
    expect((await storage.reviews.get('r-q3'))?.snapshot?.evaluations[0]?.actual).toBe(12)
  })

  it.each<[string, Partial<Review>, string]>([
    ['a period outside the plan', { period: { unit: 'quarter', year: 2026, index: 1 }, periodEnd: '2026-03-31' }, 'period:periodOutsidePlan'],
    ['a date that is not the period end', { periodEnd: '2025-09-15' }, 'periodEnd:invalid'],
    ['a fifth quarter', { period: { unit: 'quarter', year: 2025, index: 5 } }, 'period.index:invalid'],
    ['a bad meeting date', { meetingDate: '2025-02-30' }, 'meetingDate:notADate'],
    ['a snapshot whose figure is text', { snapshot: { ...snapshot('2025-10-10T02:00:00.000Z'), evaluations: [{ ...snapshot('x').evaluations[0]!, actual: '12' as unknown as number }] } }, 'snapshot.evaluations.0.actual:notANumber'],
    ['a snapshot without its time', { snapshot: { ...snapshot('yesterday') } }, 'snapshot.frozenAt:invalid'],
  ])('refuses %s and stores nothing', async (_name, overrides, issue) => {
    const { storage, writer } = await withPlan()
    const issues = await refusal(storage.reviews.save(q3(overrides), writer))
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([issue])
    expect(await storage.reviews.list()).toEqual([])
  })

  it('keeps a frozen snapshot: notes may change, the figures may not', async () => {
    const { storage, writer } = await withPlan()
    const frozen = snapshot('2025-10-10T02:00:00.000Z')
    await storage.reviews.save(q3({ snapshot: frozen }), writer)
    writer.tick()
    await storage.reviews.save(q3({ snapshot: frozen, decisions: '加强督办' }), writer)
    expect((await storage.reviews.get('r-q3'))?.decisions).toBe('加强督办')
    for (const change of [null, snapshot('2025-10-11T02:00:00.000Z')]) {
      const issues = await refusal(storage.reviews.save(q3({ snapshot: change }), writer))
      expect(issues).toEqual([{ path: 'snapshot', code: 'reviewFrozen' }])
    }
    expect((await storage.reviews.get('r-q3'))?.snapshot?.frozenAt).toBe('2025-10-10T02:00:00.000Z')
  })

  it('refuses any change to a frozen snapshot, its figures, its period or its date, even with the same freeze time', async () => {
    const { storage, writer } = await withPlan()
    const frozen = snapshot('2025-10-10T02:00:00.000Z')
    await storage.reviews.save(q3({ snapshot: frozen }), writer)
    const [first] = frozen.evaluations
    const rewritten = { ...frozen, evaluations: [{ ...first!, actual: 999 }] }
    for (const change of [{ snapshot: rewritten }, { snapshot: frozen, period: { unit: 'quarter' as const, year: 2025, index: 2 }, periodEnd: '2025-06-30' }, { snapshot: { ...frozen, asOf: '2025-09-01' } }]) {
      const issues = await refusal(storage.reviews.save(q3(change), writer))
      expect(issues).toEqual([{ path: 'snapshot', code: 'reviewFrozen' }])
    }
    expect((await storage.reviews.get('r-q3'))?.snapshot).toEqual(frozen)
  })

  it('undoes a freeze through the audit trail', async () => {
    const { storage, writer } = await withPlan()
    await storage.reviews.save(q3(), writer)
    writer.tick()
    await storage.reviews.save(q3({ snapshot: snapshot('2025-10-10T02:00:00.000Z') }), writer)
    const [, freeze] = await storage.reviews.history('r-q3')
    writer.tick()
    await storage.undo(freeze!.batch!, writer)
    expect((await storage.reviews.get('r-q3'))?.snapshot).toBeNull()
  })

  it('lists a plan\'s live reviews, the latest period first', async () => {
    const { storage, writer } = await withPlan()
    await storage.reviews.save(q3({ id: 'q1', title: '一季度', period: { unit: 'quarter', year: 2025, index: 1 }, periodEnd: '2025-03-31' }), writer)
    await storage.reviews.save(q3(), writer)
    await storage.reviews.save(q3({ id: 'h1', title: '上半年', period: { unit: 'half_year', year: 2025, index: 1 }, periodEnd: '2025-06-30' }), writer)
    await storage.reviews.remove('h1', writer)
    expect((await planReviews(storage.db, 'plan-2025')).map((r) => r.id)).toEqual(['r-q3', 'q1'])
  })

  it('goes with its plan when the plan is removed', async () => {
    const { storage, writer } = await withPlan()
    await storage.reviews.save(q3(), writer)
    await removePlan(storage, 'plan-2025', writer)
    expect(await storage.reviews.list()).toEqual([])
  })
})
