// A plan as big as a large office's: 300 commitments of every kind in 12 sections, 20 departments, 60 people,
// and `entryCount` entries spread over the commitments and the year up to 2025-09-30. Plain rows in the backup
// file's shape, so the benchmark loads them the way a user restores a backup.

const stamp = { updatedAt: '2025-10-01T00:00:00.000Z', updatedBy: '基准', deletedAt: null }
const pad = (n, width) => String(n).padStart(width, '0')
const COMMITMENTS = 300

/** Day `i` of 2025 as a calendar date (0 = 01-01), up to 09-30. */
function dateOf(i) {
  const day = new Date(Date.UTC(2025, 0, 1 + (i % 273)))
  return day.toISOString().slice(0, 10)
}

function target(i) {
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return { kind: 'count', value: 20 + (i % 50), direction: 'at_least', unit: '次' }
    case 4:
      return { kind: 'recurring', period: i % 20 === 4 ? 'week' : 'month', minimum: 1, unit: '次' }
    case 5:
      return { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 30 }
    case 6:
      return { kind: 'ratio', percent: 20, direction: 'at_least', baseline: 5 }
    case 7:
      return { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 100, unit: '件' }
    case 8:
      return { kind: 'count', value: 10, direction: 'at_most', unit: '件' }
    default:
      return { kind: 'milestone', stages: [1, 2, 3].map((n) => ({ id: `c${pad(i, 3)}-s${n}`, title: `第${n}阶段`, dueDate: `2025-${pad(n * 3 + 1, 2)}-30` })) }
  }
}

function entryFor(n, commitment) {
  const base = {
    id: `e${pad(n, 7)}`,
    commitmentIds: [commitment.id],
    date: dateOf(n * 7 + commitment.order),
    note: n % 10 === 0 ? '集中学习宪法和党内法规' : '',
    participants: '',
    place: '',
    evidenceUrl: '',
    departmentId: commitment.leadDepartmentId,
    personId: commitment.ownerId,
    loggedOn: '2025-10-01',
    ...stamp,
  }
  const t = commitment.target
  switch (t.kind) {
    case 'count':
    case 'recurring':
      return { ...base, type: 'quantity', quantity: 1 + (n % 2) }
    case 'level':
      return { ...base, type: 'measurement', value: 30 + (n % 25), denominator: null }
    case 'ratio':
      return { ...base, type: 'measurement', value: 10 + (n % 30), denominator: 180 }
    case 'percent_change':
      return { ...base, type: 'measurement', value: 100 + (n % 40), denominator: null }
    case 'milestone':
      return { ...base, type: 'milestone', stageId: t.stages[n % t.stages.length].id }
  }
}

/**
 * The rows of every table, as a backup file holds them: `commitmentCount` commitments (300 unless given), the plan
 * over 2025 unless `window` says otherwise (to the end of this year, so that "+1", which logs today, counts).
 */
export function dashboardData(entryCount, commitmentCount = COMMITMENTS, window = { start: '2025-01-01', end: '2025-12-31' }) {
  const plan = { id: 'plan-bench', name: '2025年工作谋划（基准）', organisation: '基准单位', window, ...stamp }
  const departments = Array.from({ length: 20 }, (_, i) => ({ id: `d${pad(i, 2)}`, name: `部门${i + 1}`, ...stamp }))
  const people = Array.from({ length: 60 }, (_, i) => ({ id: `p${pad(i, 2)}`, name: `人员${i + 1}`, departmentId: departments[i % 20].id, ...stamp }))
  const sections = Array.from({ length: 12 }, (_, i) => ({ id: `s${pad(i, 2)}`, planId: plan.id, parentId: i < 4 ? null : `s${pad(i % 4, 2)}`, title: `板块${i + 1}`, order: i, ...stamp }))
  const commitments = Array.from({ length: commitmentCount }, (_, i) => ({
    id: `c${pad(i, 3)}`,
    planId: plan.id,
    sectionId: sections[i % 12].id,
    title: `目标任务${i + 1}`,
    target: target(i),
    leadDepartmentId: departments[i % 20].id,
    coDepartmentIds: [],
    leaderId: null,
    ownerId: people[i % 60].id,
    dueDate: null,
    phasing: null,
    order: i,
    ...stamp,
  }))
  const entries = Array.from({ length: entryCount }, (_, n) => entryFor(n, commitments[n % commitmentCount]))
  // Two quarterly review meetings, not frozen: the review and compare screens evaluate them live.
  const review = (quarter) => ({
    id: `r-q${quarter}`,
    planId: plan.id,
    title: `2025年第${'一二三四'[quarter - 1]}季度工作调度会`,
    period: { unit: 'quarter', year: 2025, index: quarter },
    periodEnd: `2025-${pad(quarter * 3, 2)}-30`,
    meetingDate: `2025-${pad(quarter * 3 + 1, 2)}-10`,
    attendees: '',
    decisions: '',
    notes: [],
    snapshot: null,
    ...stamp,
  })
  return { plans: [plan], sections, commitments, entries, departments, people, reviews: [review(2), review(3)], attachments: [] }
}
