import { toDayNumber, type CalendarDate, type DateWindow } from './calendar'
import type { Commitment, Direction, Id, MilestoneStage, Phasing, Target, TargetKind } from './model'
import { periodsInWindow, type PeriodUnit } from './periods'

/**
 * What the commitment form edits: every kind's fields at once, so switching the kind back and forth keeps what
 * was typed. Empty numeric inputs are null; validation says which are needed for the chosen kind.
 */
export interface CommitmentDraft {
  title: string
  sectionId: Id | null
  kind: TargetKind
  /** count and level: the number promised; ratio and percent_change: the percent. */
  value: number | null
  unit: string
  direction: Direction
  changeDirection: 'increase' | 'decrease'
  baseline: number | null
  period: PeriodUnit
  minimum: number | null
  stages: MilestoneStage[]
  leadDepartmentId: Id | null
  coDepartmentIds: Id[]
  leaderId: Id | null
  ownerId: Id | null
  dueDate: CalendarDate | null
  /** 形象进度: the cumulative percent at each quarter's or month's end, or null for linear 序时进度. */
  phasing: PhasingDraft | null
}

/** Phasing as typed: a phase left empty is null, so validation can say which. */
export interface PhasingDraft {
  unit: Phasing['unit']
  cumulative: (number | null)[]
}

/** How many phases of `unit` a plan's window has (a calendar year: 4 quarters, 12 months). */
export function phaseCount(window: DateWindow, unit: Phasing['unit']): number {
  return periodsInWindow(toDayNumber(window.start), toDayNumber(window.end), unit).length
}

/** Even phasing over `count` phases (a quarter each: 25, 50, 75, 100), in whole percents ending at 100. */
export function evenPhasing(unit: Phasing['unit'], count: number): Phasing {
  return { unit, cumulative: Array.from({ length: count }, (_, i) => Math.round((100 * (i + 1)) / count)) }
}

export function emptyDraft(sectionId: Id | null = null): CommitmentDraft {
  return {
    title: '',
    sectionId,
    kind: 'count',
    value: null,
    unit: '次',
    direction: 'at_least',
    changeDirection: 'increase',
    baseline: null,
    period: 'month',
    minimum: 1,
    stages: [],
    leadDepartmentId: null,
    coDepartmentIds: [],
    leaderId: null,
    ownerId: null,
    dueDate: null,
    phasing: null,
  }
}

export function draftFromCommitment(commitment: Commitment): CommitmentDraft {
  const draft: CommitmentDraft = {
    ...emptyDraft(commitment.sectionId),
    title: commitment.title,
    kind: commitment.target.kind,
    leadDepartmentId: commitment.leadDepartmentId,
    coDepartmentIds: [...commitment.coDepartmentIds],
    leaderId: commitment.leaderId,
    ownerId: commitment.ownerId,
    dueDate: commitment.dueDate,
    phasing: commitment.phasing ? { unit: commitment.phasing.unit, cumulative: [...commitment.phasing.cumulative] } : null,
  }
  const t = commitment.target
  switch (t.kind) {
    case 'count':
      return { ...draft, value: t.value, unit: t.unit, direction: t.direction }
    case 'level':
      return { ...draft, value: t.value, unit: t.unit, direction: t.direction, baseline: t.baseline }
    case 'percent_change':
      return { ...draft, value: t.percent, unit: t.unit, changeDirection: t.direction, baseline: t.baseline }
    case 'ratio':
      return { ...draft, value: t.percent, direction: t.direction, baseline: t.baseline, unit: '' }
    case 'recurring':
      return { ...draft, period: t.period, minimum: t.minimum, unit: t.unit }
    case 'milestone':
      return { ...draft, stages: t.stages.map((s) => ({ ...s })) }
  }
}

/** The target the draft describes, for its kind. Empty numbers stay null, so validation reports them. */
export function targetFromDraft(d: CommitmentDraft): Target {
  const value = d.value as number
  switch (d.kind) {
    case 'count':
      return { kind: 'count', value, direction: d.direction, unit: d.unit.trim() }
    case 'level':
      return { kind: 'level', value, direction: d.direction, unit: d.unit.trim(), baseline: d.baseline }
    case 'percent_change':
      return { kind: 'percent_change', percent: value, direction: d.changeDirection, baseline: d.baseline as number, unit: d.unit.trim() }
    case 'ratio':
      return { kind: 'ratio', percent: value, direction: d.direction, baseline: d.baseline }
    case 'recurring':
      return { kind: 'recurring', period: d.period, minimum: d.minimum as number, unit: d.unit.trim() }
    case 'milestone':
      return { kind: 'milestone', stages: d.stages.map((s) => ({ ...s, title: s.title.trim() })) }
  }
}

/** The commitment the draft describes; ids, plan and order come from the caller. */
export function commitmentFromDraft(d: CommitmentDraft, base: Pick<Commitment, 'id' | 'planId' | 'order'>): Commitment {
  return {
    ...base,
    sectionId: d.sectionId,
    title: d.title.trim(),
    target: targetFromDraft(d),
    leadDepartmentId: d.leadDepartmentId,
    coDepartmentIds: d.coDepartmentIds.filter((id) => id !== d.leadDepartmentId),
    leaderId: d.leaderId,
    ownerId: d.ownerId,
    dueDate: d.dueDate,
    phasing: d.phasing ? { unit: d.phasing.unit, cumulative: d.phasing.cumulative as number[] } : null,
  }
}
