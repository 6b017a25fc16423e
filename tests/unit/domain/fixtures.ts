import type { Commitment, Entry, Target } from '@/domain'

export const YEAR_2025 = { start: '2025-01-01', end: '2025-12-31' }

let sequence = 0
const nextId = (prefix: string) => `${prefix}-${String(++sequence).padStart(6, '0')}`

export function commitment(target: Target, overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: 'c1',
    planId: 'p1',
    sectionId: null,
    title: '组织集中学习',
    target,
    leadDepartmentId: null,
    coDepartmentIds: [],
    leaderId: null,
    ownerId: null,
    dueDate: null,
    phasing: null,
    order: 0,
    ...overrides,
  }
}

export function qty(date: string, quantity: number, commitmentIds = ['c1'], id = nextId('q')): Entry {
  return { id, commitmentIds, date, note: '', participants: '', place: '', evidenceUrl: '', type: 'quantity', quantity }
}

export function measure(date: string, value: number, denominator: number | null = null, id = nextId('m')): Entry {
  return { id, commitmentIds: ['c1'], date, note: '', participants: '', place: '', evidenceUrl: '', type: 'measurement', value, denominator }
}

export function stageDone(date: string, stageId: string, id = nextId('s')): Entry {
  return { id, commitmentIds: ['c1'], date, note: '', participants: '', place: '', evidenceUrl: '', type: 'milestone', stageId }
}

/** Quantity 1 on the 5th of each listed month of 2025. */
export function monthly(months: number[]): Entry[] {
  return months.map((month) => qty(`2025-${String(month).padStart(2, '0')}-05`, 1))
}
