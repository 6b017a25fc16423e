import { toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import { commitmentFromDraft, emptyDraft, type CommitmentDraft } from '../commitment-draft'
import type { Commitment, Entry, Id, Plan, Section } from '../model'
import { nextOrder } from '../outline'
import type { PeriodUnit } from '../periods'
import type { Statement } from './index'

/**
 * Turning found statements into a plan's rows: commitments become commitment drafts (to fix and accept together),
 * outcomes become entries of the commitments they are matched to. Nothing here writes; the import screen shows
 * the result and stores it in one batch when the user accepts.
 */

/** An entry without its id, kind by kind. */
export type NewEntry = { [K in Entry['type']]: Omit<Extract<Entry, { type: K }>, 'id'> }[Entry['type']]

const PERIODS: Record<NonNullable<Statement['period']>, PeriodUnit | null> = {
  year: 'year',
  half_year: 'half_year',
  quarter: 'quarter',
  two_months: 'two_months',
  month: 'month',
  week: 'week',
  day: null,
}

/**
 * A statement read as the other kind, when the user says so: a commitment's floor (不少于) becomes an outcome's
 * "more than about" and back; everything else it says stays.
 */
export function asKind(s: Statement, kind: Statement['kind']): Statement {
  if (s.kind === kind) return s
  const comparator = kind === 'outcome' && s.comparator === '>=' ? '~>' : kind === 'commitment' && s.comparator === '~>' ? '>=' : s.comparator
  return { ...s, kind, comparator }
}

/** A title or note with a bracketed requirement of it written in: 组织网络培训 + 不少于40学时 → 组织网络培训（不少于40学时）. */
export function withRequirement(text: string, requirement: string): string {
  const inner = requirement.trim().replace(/^[(（]|[)）]$/g, '')
  return inner ? `${text.trimEnd()}（${inner}）` : text
}

/**
 * The row a bracketed requirement (the statement of `rows[index]`) belongs to: the nearest row before it, not
 * bracketed itself, in the same sentence of `text`; null when there is none (the clause before holds no number).
 */
export function rowBefore<R extends { statement: Statement | null }>(rows: readonly R[], index: number, text: string): R | null {
  const at = rows[index]?.statement
  if (!at?.bracketed) return null
  let best: R | null = null
  for (const row of rows) {
    const s = row.statement
    if (!s || s.bracketed || s.end > at.start) continue
    if (!best || s.start > best.statement!.start) best = row
  }
  const between = best ? text.slice(best.statement!.end, at.start) : ''
  return best && !/[。；;！!？?\n]/.test(between) ? best : null
}

/** The section's title without its number: (一)持法治之尺 → 持法治之尺. */
export function sectionTitle(section: string): string {
  return section.replace(/^[\s\u3000]*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[.、．])\s*/, '').trim()
}

/** A commitment draft from a commitment statement, its target kind read from the statement's type. */
export function draftFromStatement(s: Statement): CommitmentDraft {
  const draft: CommitmentDraft = { ...emptyDraft(null), title: s.metric || s.quote, unit: s.unit === '%' ? '' : s.unit }
  const direction = s.comparator === '<=' ? 'at_most' : 'at_least'
  switch (s.targetType) {
    case 'ratio':
      return { ...draft, kind: 'ratio', value: s.value, direction }
    case 'percent_change':
    case 'reduction':
      return { ...draft, kind: 'percent_change', value: s.value, changeDirection: s.targetType === 'reduction' ? 'decrease' : 'increase' }
    case 'level':
      return { ...draft, kind: 'level', value: s.value, direction }
    case 'per_period': {
      const period = s.period ? PERIODS[s.period] : null
      // A daily minimum has no calendar period in Pace: it becomes a yearly count the user can adjust.
      if (period) return { ...draft, kind: 'recurring', period, minimum: s.value }
      return { ...draft, kind: 'count', value: s.value, direction }
    }
    default:
      return { ...draft, kind: 'count', value: s.value, direction }
  }
}

function bigrams(text: string): string[] {
  const chars = [...text.replace(/[\s\p{P}\d]/gu, '')]
  if (chars.length < 2) return chars
  return chars.slice(1).map((c, i) => chars[i]! + c)
}

/** How alike two labels are (0..1): the Dice coefficient of their character pairs, the usual measure for Chinese. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  if (x.length === 0 || y.length === 0) return 0
  const counts = new Map<string, number>()
  for (const g of y) counts.set(g, (counts.get(g) ?? 0) + 1)
  let shared = 0
  for (const g of x) {
    const n = counts.get(g) ?? 0
    if (n > 0) {
      shared++
      counts.set(g, n - 1)
    }
  }
  return (2 * shared) / (x.length + y.length)
}

/** The commitment an outcome most likely reports on, when one is alike enough (≥ `threshold`); the user confirms. */
export function suggestCommitment<C extends Pick<Commitment, 'id' | 'title'>>(outcome: Statement, commitments: readonly C[], threshold = 0.3): C | null {
  let best: C | null = null
  let bestScore = threshold
  for (const c of commitments) {
    const score = Math.max(similarity(outcome.metric, c.title), similarity(outcome.quote, c.title) * 0.9)
    if (score >= bestScore) [best, bestScore] = [c, score]
  }
  return best
}

/** The day an outcome is logged on: its year's last day, kept inside the plan's window and not after today. */
export function outcomeDate(outcome: Statement, window: DateWindow, today: CalendarDate): CalendarDate {
  const yearEnd = outcome.year !== null ? `${outcome.year}-12-31` : window.end
  let date = yearEnd < window.start || yearEnd > window.end ? window.end : yearEnd
  if (date > today) date = today
  return toDayNumber(date) < toDayNumber(window.start) ? window.start : date
}

/**
 * The entry an outcome makes for a commitment, or null when it cannot be one (a milestone; a change without a
 * baseline). A change of 25% is logged as the measured value it implies: baseline × 1.25.
 */
export function entryFromOutcome(outcome: Statement, commitment: Commitment, date: CalendarDate): NewEntry | null {
  const base = { commitmentIds: [commitment.id], date, note: outcome.quote, participants: '', place: '', evidenceUrl: '' }
  const t = commitment.target
  switch (t.kind) {
    case 'count':
    case 'recurring':
      return { ...base, type: 'quantity', quantity: outcome.value }
    case 'level':
    case 'ratio':
      return { ...base, type: 'measurement', value: outcome.value, denominator: null }
    case 'percent_change': {
      if (!t.baseline) return null
      const sign = outcome.targetType === 'reduction' ? -1 : 1
      return { ...base, type: 'measurement', value: Math.round(t.baseline * (1 + (sign * outcome.value) / 100) * 100) / 100, denominator: null }
    }
    case 'milestone':
      return null
  }
}

/** The year most statements are about: the plan an import fills. */
export function mainYear(statements: readonly Statement[]): number | null {
  const counts = new Map<number, number>()
  for (const s of statements) if (s.year !== null) counts.set(s.year, (counts.get(s.year) ?? 0) + 1)
  let best: number | null = null
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year
  return best
}

/** What the user accepted on the import screen: drafts with their section titles, results with their commitment. */
export interface ImportChoice {
  /** The plan filled: an existing one with its live sections and commitments, or a new one (with none). */
  plan: Plan
  sections: readonly Section[]
  commitments: readonly Commitment[]
  drafts: readonly { key: string; section: string; draft: CommitmentDraft }[]
  /** Each result and what it counts toward: a commitment of the plan by id, or a draft by its key. */
  outcomes: readonly { statement: Statement; countsToward: { commitmentId: Id } | { draftKey: string } }[]
  /** Today in China: a result's entry is never dated after it. */
  today: CalendarDate
}

/**
 * The rows an import adds: sections by title (an existing one of the same title is reused, a new one goes after the
 * plan's top-level sections), commitments after the plan's, and an entry for each result that can be one. `newId`
 * names each new row.
 */
export function importRows(choice: ImportChoice, newId: () => Id): { sections: Section[]; commitments: Commitment[]; entries: NewEntry[] } {
  const { plan } = choice
  const sectionIds = new Map(choice.sections.map((s) => [s.title, s.id]))
  let sectionOrder = nextOrder(choice.sections.filter((s) => s.parentId === null))
  let order = nextOrder(choice.commitments)
  const sections: Section[] = []
  const commitments: Commitment[] = []
  const byDraft = new Map<string, Commitment>()
  for (const row of choice.drafts) {
    const title = row.section.trim()
    let sectionId: Id | null = title ? (sectionIds.get(title) ?? null) : null
    if (title && !sectionId) {
      sectionId = newId()
      sectionIds.set(title, sectionId)
      sections.push({ id: sectionId, planId: plan.id, parentId: null, title, order: sectionOrder++ })
    }
    const commitment = commitmentFromDraft({ ...row.draft, sectionId }, { id: newId(), planId: plan.id, order: order++ })
    byDraft.set(row.key, commitment)
    commitments.push(commitment)
  }
  const existing = new Map(choice.commitments.map((c) => [c.id, c]))
  const entries = choice.outcomes.flatMap(({ statement, countsToward }) => {
    const commitment = 'draftKey' in countsToward ? byDraft.get(countsToward.draftKey) : existing.get(countsToward.commitmentId)
    const entry = commitment && entryFromOutcome(statement, commitment, outcomeDate(statement, plan.window, choice.today))
    return entry ? [entry] : []
  })
  return { sections, commitments, entries }
}
