import { dayNumberOf, dayParts, toDayNumber, type CalendarDate, type DateWindow } from './calendar'
import type { Commitment, Id, Plan, Section, Target } from './model'

export interface PlanCopy {
  plan: Plan
  sections: Section[]
  commitments: Commitment[]
}

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
export function shiftYears(date: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = dayParts(toDayNumber(date))
  const lastDay = dayParts(dayNumberOf(year + years, month + 1, 1) - 1).day
  const y = String(year + years).padStart(4, '0')
  return `${y}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}

/** "2025年工作谋划" → "2026年工作谋划"; a name without the year gets the new year in front. */
export function nextPlanName(name: string, fromYear: number, toYear: number): string {
  return name.includes(String(fromYear)) ? name.split(String(fromYear)).join(String(toYear)) : `${toYear}年 ${name}`
}

function shiftTarget(target: Target, years: number, newId: () => Id): Target {
  if (target.kind !== 'milestone') return { ...target }
  return {
    kind: 'milestone',
    stages: target.stages.map((stage) => ({ id: newId(), title: stage.title, dueDate: stage.dueDate && shiftYears(stage.dueDate, years) })),
  }
}

/**
 * Next year's plan from this year's: the same section tree and commitments with their targets, owners and phasing,
 * every date moved by the years between the windows, new ids throughout and no entries. `newId` is injected so
 * the result is deterministic in tests.
 */
export function copyPlan(source: PlanCopy, window: DateWindow, newId: () => Id): PlanCopy {
  const years = Number(window.start.slice(0, 4)) - Number(source.plan.window.start.slice(0, 4))
  const planId = newId()
  const sectionIds = new Map(source.sections.map((s) => [s.id, newId()]))
  const sections = source.sections.map((s) => ({
    ...s,
    id: sectionIds.get(s.id)!,
    planId,
    parentId: s.parentId === null ? null : (sectionIds.get(s.parentId) ?? null),
  }))
  const commitments = source.commitments.map((c) => ({
    ...c,
    id: newId(),
    planId,
    sectionId: c.sectionId === null ? null : (sectionIds.get(c.sectionId) ?? null),
    target: shiftTarget(c.target, years, newId),
    coDepartmentIds: [...c.coDepartmentIds],
    dueDate: c.dueDate && shiftYears(c.dueDate, years),
    phasing: c.phasing && { unit: c.phasing.unit, cumulative: [...c.phasing.cumulative] },
  }))
  const fromYear = Number(source.plan.window.start.slice(0, 4))
  const plan = { ...source.plan, id: planId, window: { ...window }, name: nextPlanName(source.plan.name, fromYear, fromYear + years) }
  return { plan, sections, commitments }
}
