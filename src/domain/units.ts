import type { Commitment, Entry } from './model'
import type { ValidationIssue } from './validation'

/**
 * Units that count whole things: sessions, events, people, items, cases (次, 场, 人, 项, 件, 起 …). A count in
 * one of them is a whole number; 2.5次 is a slip. Units that divide (学时, 小时, 天, 万元, 公里 …) and any unit not
 * listed take fractions: a unit Pace does not know is never refused for it.
 */
const WHOLE_UNITS = new Set([
  ...'次场期项个件人名位家户所本篇份条起批堂轮座处幅部套台辆册张届组支队村校'.split(''),
  '人次',
  '场次',
  '户次',
  '家次',
  '批次',
  '期次',
  '个次',
  '件次',
  '课',
  '门',
  '节',
  'times',
  'sessions',
  'events',
  'people',
  'persons',
  'items',
  'cases',
])

/** Whether a unit counts whole things (次, 人, 项), so a count in it cannot be 2.5. */
export function isWholeUnit(unit: string): boolean {
  return WHOLE_UNITS.has(unit.trim().toLowerCase())
}

/**
 * A logged quantity must be whole when a commitment it counts toward counts in whole units (2.5次 is refused;
 * 2.5学时 or 2.5万元 is not).
 */
export function entryQuantityIssues(entry: Entry, counted: readonly Pick<Commitment, 'target'>[]): ValidationIssue[] {
  if (entry.type !== 'quantity' || Number.isInteger(entry.quantity)) return []
  const whole = counted.some(({ target }) => (target.kind === 'count' || target.kind === 'recurring') && isWholeUnit(target.unit))
  return whole ? [{ path: 'quantity', code: 'notWhole' }] : []
}
