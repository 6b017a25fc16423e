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


export { makePlan }
