import { createDatabase, createStorage, type Writer } from '@/db'
import type { Commitment, Entry, Plan, Review } from '@/domain'
import { commitment } from '../domain/fixtures'

let counter = 0

/** A fresh, empty database under fake-indexeddb, as every test starts from. */
export function freshStorage() {
  return createStorage(createDatabase(`pace-test-${++counter}`))
}

/** A fresh database holding the 2025 plan and its study commitment, which entries of the tests count toward. */
export async function storageWithStudy() {
  const storage = freshStorage()
  await storage.write({ writes: [{ table: 'plans', row: plan() }, { table: 'commitments', row: studyCommitment() }] }, writerAt('setup'))
  return storage
}

/** A writer with a controllable clock (after the 2025 plan's dates, which entries must not pass): each write is one second after the last. */
export function writerAt(actor: string, start = '2026-01-05T08:00:00.000Z'): Writer & { tick(): void } {
  let now = new Date(start).getTime()
  return {
    actor,
    now: () => new Date(now),
    tick: () => {
      now += 1000
    },
  }
}

export const plan = (overrides: Partial<Plan> = {}): Plan => ({
  id: 'plan-2025',
  name: '2025年工作谋划',
  organisation: '市委政研室',
  window: { start: '2025-01-01', end: '2025-12-31' },
  ...overrides,
})

export const studyCommitment = (overrides: Partial<Commitment> = {}): Commitment =>
  commitment({ kind: 'count', value: 15, direction: 'at_least', unit: '次' }, { id: 'study', planId: 'plan-2025', ...overrides })

export const activity = (id: string, date: string, quantity: number): Entry & { departmentId: string | null; personId: string | null; loggedOn: string } => ({
  id,
  commitmentIds: ['study'],
  date,
  note: '',
  participants: '',
  place: '',
  evidenceUrl: '',
  type: 'quantity',
  quantity,
  departmentId: 'office',
  personId: null,
  loggedOn: date,
})

/** The 2025 plan's Q3 review meeting, unfrozen and with nothing recorded yet. */
export const q3Review = (overrides: Partial<Review> = {}): Review => ({
  id: 'r-q3',
  planId: 'plan-2025',
  title: '2025年第三季度调度会',
  period: { unit: 'quarter', year: 2025, index: 3 },
  periodEnd: '2025-09-30',
  meetingDate: '2025-10-10',
  attendees: '局领导班子成员',
  decisions: '',
  notes: [],
  snapshot: null,
  ...overrides,
})
