// The progress engine over a big plan: 500 commitments of every kind and 200,000 entries, as of mid-year.
// Every screen evaluates from the stored day totals (evaluateTotals); goal (issue 3): under 50 ms here. Also
// prints building the totals from the entries (what evaluatePlan, an upgrade or a restore does) and the naive
// per-commitment scan, measured in the same run, as ratios.
import { performance } from 'node:perf_hooks'
import { loadSource, median } from './load-ts.mjs'

export const name = 'Plan evaluation (500 commitments, 200,000 entries)'

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function random(seed) {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function makePlan(addDays) {
  const rand = random(42)
  const kinds = ['count', 'count', 'recurring', 'level', 'ratio', 'percent_change', 'milestone']
  const commitments = Array.from({ length: 500 }, (_, i) => {
    const kind = kinds[i % kinds.length]
    const target =
      kind === 'count' ? { kind, value: 50 + (i % 100), direction: i % 9 === 0 ? 'at_most' : 'at_least', unit: '次' }
      : kind === 'recurring' ? { kind, period: ['month', 'quarter', 'week'][i % 3], minimum: 1, unit: '次' }
      : kind === 'level' ? { kind, value: 80, direction: 'at_least', unit: '人', baseline: 30 }
      : kind === 'ratio' ? { kind, percent: 90, direction: 'at_least', baseline: null }
      : kind === 'percent_change' ? { kind, percent: 30, direction: 'increase', baseline: 100, unit: '件' }
      : { kind, stages: [{ id: 's1', title: '一', dueDate: '2025-06-30' }, { id: 's2', title: '二', dueDate: null }] }
    return {
      id: `c${String(i).padStart(4, '0')}`, planId: 'p', sectionId: null, title: `任务${i}`, target,
      leadDepartmentId: null, coDepartmentIds: [], leaderId: null, ownerId: null, dueDate: null, phasing: null, order: i,
    }
  })
  const entries = Array.from({ length: 200_000 }, (_, i) => {
    const first = commitments[Math.floor(rand() * commitments.length)]
    // One in ten activities counts toward a second commitment.
    const ids = rand() < 0.1 ? [first.id, commitments[Math.floor(rand() * commitments.length)].id] : [first.id]
    const date = addDays('2025-01-01', Math.floor(rand() * 365))
    const id = `e${String(i).padStart(7, '0')}`
    // Plain literals in the stored field order, like the objects IndexedDB hands back.
    const kind = first.target.kind
    if (kind === 'milestone') return { id, commitmentIds: ids, date, note: '', participants: '', place: '', evidenceUrl: '', type: 'milestone', stageId: rand() < 0.5 ? 's1' : 's2' }
    if (kind === 'count' || kind === 'recurring') return { id, commitmentIds: ids, date, note: '', participants: '', place: '', evidenceUrl: '', type: 'quantity', quantity: 1 + Math.floor(rand() * 3) }
    return { id, commitmentIds: ids, date, note: '', participants: '', place: '', evidenceUrl: '', type: 'measurement', value: Math.floor(rand() * 100), denominator: kind === 'ratio' ? 100 : null }
  })
  return { commitments, entries }
}

function time(fn, runs) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return samples
}

export async function run() {
  const domain = await loadSource('src/domain/index.ts')
  const window = { start: '2025-01-01', end: '2025-12-31' }
  const { commitments, entries } = makePlan(domain.addDays)
  const totals = domain.dayTotals(entries)
  const fromTotals = () => domain.evaluateTotals(window, commitments, totals, '2025-07-02')
  const fromEntries = () => domain.evaluatePlan(window, commitments, entries, '2025-07-02')
  // What the engine avoids: every commitment filtering the whole entry list.
  const perCommitment = () => commitments.map((c) => domain.evaluateCommitment(window, c, entries.filter((e) => e.commitmentIds.includes(c.id)), '2025-07-02'))
  time(fromTotals, 5) // warm up the JIT
  time(fromEntries, 3)
  const stored = time(fromTotals, 21)
  const built = time(fromEntries, 11)
  const naive = time(perCommitment, 1)
  const ms = (v) => `${v.toFixed(1)} ms`
  const line = (label, samples) => console.log(`${label} median ${ms(median(samples))} of ${samples.length} runs (min ${ms(Math.min(...samples))}, max ${ms(Math.max(...samples))})`)
  line('evaluateTotals (stored day totals):', stored)
  line('evaluatePlan (totals built first): ', built)
  console.log(`per-commitment scan (naive):        median ${ms(median(naive))} of ${naive.length} runs`)
  console.log(`ratio built / stored:               ${(median(built) / median(stored)).toFixed(1)}×`)
  console.log(`ratio naive / built:                ${(median(naive) / median(built)).toFixed(1)}×`)
  console.log(`goal: a screen's evaluation under 50 ms — ${median(stored) < 50 ? 'met' : 'NOT met'}`)
}
