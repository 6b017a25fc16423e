import { addDays, dayParts, fromDayNumber, toDayNumber, type CalendarDate, type DayNumber } from '../calendar'
import type { Commitment, Department, Entry, Id, Person, Plan, Section, Target } from '../model'
import { evaluateCommitment } from '../progress/evaluate'
import type { Status } from '../progress/types'
import { EXAMPLE_DEPARTMENTS, EXAMPLE_PEOPLE, EXAMPLE_PLAN, EXAMPLE_SECTIONS, type ExampleCommitment, type ExampleRole } from './example-plan'

/** An entry as the example logs it: who logged it, and on which day (some after their month closed: 补录). */
export type ExampleEntry = Entry & { departmentId: Id | null; personId: Id | null; loggedOn: CalendarDate }

export interface ExampleData {
  plan: Plan
  sections: Section[]
  commitments: Commitment[]
  departments: Department[]
  people: Person[]
  entries: ExampleEntry[]
}

/** Small, fast, seeded generator (mulberry32): the same date always gives the same example. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A working day (Monday to Friday) on or before `day`, not before `first`. */
function workingDay(day: DayNumber, first: DayNumber): DayNumber {
  let d = day
  // 1970-01-01 was a Thursday: day % 7 gives 2 for Saturday, 3 for Sunday.
  while (d > first && [2, 3].includes(((d % 7) + 7) % 7)) d--
  return d
}

interface Span {
  first: DayNumber
  last: DayNumber
}

/** Month ends (the 25th, when offices take their monthly figures) from the window's start up to `last`. */
function monthlyDays(span: Span): DayNumber[] {
  const days: DayNumber[] = []
  let { year, month } = dayParts(span.first)
  for (;;) {
    const day = toDayNumber(`${year}-${String(month).padStart(2, '0')}-25`)
    if (day > span.last) break
    if (day >= span.first) days.push(day)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return days
}

type Draft = Omit<Entry, 'id' | 'commitmentIds' | 'note' | 'participants' | 'place' | 'evidenceUrl'> & { stageIndex?: number }

/** The entries that take a commitment `level` of the way (0..1) from its start to its target by `span.last`. */
function drafts(target: Target, level: number, span: Span, next: () => number): Draft[] {
  switch (target.kind) {
    case 'count':
    case 'recurring': {
      const total = target.kind === 'count' ? target.value : 0
      const n = Math.round(level * total)
      const width = span.last - span.first + 1
      return Array.from({ length: n }, (_, i) => {
        // One activity in each of n equal slices of the span, at a random day within its slice.
        const day = span.first + Math.floor(((i + next()) * width) / n)
        return { type: 'quantity' as const, date: fromDayNumber(workingDay(Math.min(day, span.last), span.first)), quantity: 1 }
      })
    }
    case 'level':
    case 'ratio':
    case 'percent_change': {
      const days = monthlyDays(span)
      const base = target.kind === 'percent_change' ? target.baseline : (target.baseline ?? 0)
      const goal =
        target.kind === 'level'
          ? target.value
          : target.kind === 'ratio'
            ? target.percent
            : target.baseline * (1 + ((target.direction === 'increase' ? 1 : -1) * target.percent) / 100)
      return days.map((day, i) => {
        const share = ((i + 1) / days.length) * level
        const wobble = i === days.length - 1 ? 0 : (next() - 0.5) * 0.04 * Math.abs(goal - base)
        const value = Math.max(0, Math.round((base + (goal - base) * share + wobble) * 10) / 10)
        const whole = target.kind === 'level' ? Math.round(value) : value
        return target.kind === 'ratio'
          ? { type: 'measurement' as const, date: fromDayNumber(day), value: Math.min(whole, 100), denominator: 100 }
          : { type: 'measurement' as const, date: fromDayNumber(day), value: whole, denominator: null }
      })
    }
    case 'milestone': {
      const done = Math.round(level * target.stages.length)
      return target.stages.slice(0, done).map((stage, i) => {
        const due = stage.dueDate ? toDayNumber(stage.dueDate) : span.last
        const day = Math.max(span.first, Math.min(span.last, due - Math.floor(next() * 20)))
        return { type: 'milestone' as const, date: fromDayNumber(workingDay(day, span.first)), stageId: stage.id, stageIndex: i }
      })
    }
  }
}

/** progress ÷ expected the example aims for, per role; achieved simply reaches the target. */
const AIM: Record<ExampleRole, number> = { achieved: Infinity, on_track: 1.04, at_risk: 0.9, behind: 0.6 }

/**
 * The share of the way to the target that makes the commitment stand as its role says at `asOf`, found by asking
 * the progress engine itself (whole activities and stages cannot hit every ratio, so candidates are tried).
 */
function chooseLevel(example: ExampleCommitment, commitment: Commitment, span: Span, asOf: CalendarDate, seed: number): number {
  if (example.role === 'achieved') return 1
  let best = { level: 0, score: Infinity }
  for (let step = 0; step <= 100; step++) {
    const level = step / 100
    const entries = drafts(commitment.target, level, span, random(seed)).map(
      (d, i) => ({ ...d, id: `probe-${i}`, commitmentIds: [commitment.id], note: '', participants: '', place: '', evidenceUrl: '' }) as Entry,
    )
    const evaluation = evaluateCommitment(EXAMPLE_PLAN.window, commitment, entries, asOf)
    const { progress, expected } = evaluation
    const ratio = progress !== null && expected !== null && expected > 0 ? progress / expected : 1
    const wrongStatus: Status = evaluation.status
    const score = Math.abs(ratio - AIM[example.role]) + (wrongStatus === example.role ? 0 : 10)
    if (score < best.score) best = { level, score }
  }
  return best.level
}

/**
 * The example plan with departments, people and entries up to `asOf` (clamped to the plan's window). The same
 * `asOf` always gives the same entries; `newId` supplies the ids.
 */
export function buildExample(asOf: CalendarDate, newId: () => Id): ExampleData {
  const { window } = EXAMPLE_PLAN
  const span: Span = { first: toDayNumber(window.start), last: Math.min(toDayNumber(asOf), toDayNumber(window.end)) }
  const plan: Plan = { id: newId(), ...EXAMPLE_PLAN, window: { ...window } }
  const departments = EXAMPLE_DEPARTMENTS.map((name) => ({ id: newId(), name }))
  const departmentId = (name: string) => departments.find((d) => d.name === name)?.id ?? null
  const people = EXAMPLE_PEOPLE.map((p) => ({ id: newId(), name: p.name, departmentId: departmentId(p.department) }))
  const personId = (name: string) => people.find((p) => p.name === name)?.id ?? null
  const sections: Section[] = []
  const commitments: Commitment[] = []
  const entries: ExampleEntry[] = []
  let index = 0

  EXAMPLE_SECTIONS.forEach((top, topOrder) => {
    const topSection: Section = { id: newId(), planId: plan.id, parentId: null, title: top.title, order: topOrder }
    sections.push(topSection)
    top.children.forEach((child, childOrder) => {
      const section: Section = { id: newId(), planId: plan.id, parentId: topSection.id, title: child.title, order: childOrder }
      sections.push(section)
      child.commitments.forEach((example, order) => {
        const target: Target =
          example.target.kind === 'milestone' ? { kind: 'milestone', stages: example.target.stages.map((s) => ({ ...s, id: newId() })) } : { ...example.target }
        const commitment: Commitment = {
          id: newId(),
          planId: plan.id,
          sectionId: section.id,
          title: example.title,
          target,
          leadDepartmentId: departmentId(example.lead),
          coDepartmentIds: example.co.map(departmentId).filter((id): id is Id => id !== null),
          leaderId: personId(example.leader),
          ownerId: personId(example.owner),
          dueDate: null,
          phasing: null,
          order,
        }
        commitments.push(commitment)
        const seed = 2025 * 100 + ++index
        if (span.last < span.first) return
        const level = chooseLevel(example, commitment, span, fromDayNumber(span.last), seed)
        const next = random(seed)
        const late = random(seed * 7)
        drafts(target, level, span, next).forEach(({ stageIndex: _stage, ...draft }, i) => {
          // About one entry in eight is logged a few days into the next month (补录); none after the chosen date.
          const nextMonth = addDays(draft.date, 32 - dayParts(toDayNumber(draft.date)).day + 2)
          const logged = late() < 0.12 ? nextMonth : addDays(draft.date, Math.floor(late() * 3))
          const loggedOn = logged > fromDayNumber(span.last) ? draft.date : logged
          entries.push({
            ...draft,
            id: newId(),
            commitmentIds: [commitment.id],
            note: example.notes[i % example.notes.length] ?? '',
            participants: draft.type === 'quantity' ? example.participants : '',
            place: draft.type === 'quantity' ? example.place : '',
            evidenceUrl: '',
            departmentId: commitment.leadDepartmentId,
            personId: commitment.ownerId,
            loggedOn,
          } as ExampleEntry)
        })
      })
    })
  })
  return { plan, sections, commitments, departments, people, entries: entries.sort((a, b) => a.date.localeCompare(b.date)) }
}
