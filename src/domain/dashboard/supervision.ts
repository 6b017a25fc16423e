import { toDayNumber, type CalendarDate, type DateWindow } from '../calendar'
import type { Commitment, Id } from '../model'
import type { DeadlineLight, Evaluation } from '../progress/types'

/** One line of the 督办 list: a commitment past its due date, or due soon, and not achieved. */
export interface SupervisionItem {
  commitmentId: Id
  deadline: Exclude<DeadlineLight, 'none'>
  dueDate: CalendarDate
  /** Days from "as of" to the due date: negative when overdue. */
  daysLeft: number
}

/** The 督办 list: overdue first (longest overdue first), then due soon (soonest first). */
export function supervisionList(window: DateWindow, commitments: readonly Commitment[], evaluations: ReadonlyMap<Id, Evaluation>, asOf: CalendarDate): SupervisionItem[] {
  const items: SupervisionItem[] = []
  for (const c of commitments) {
    const deadline = evaluations.get(c.id)?.deadline
    if (!deadline || deadline === 'none') continue
    const dueDate = c.dueDate ?? window.end
    items.push({ commitmentId: c.id, deadline, dueDate, daysLeft: toDayNumber(dueDate) - toDayNumber(asOf) })
  }
  return items.sort((a, b) => a.daysLeft - b.daysLeft || a.commitmentId.localeCompare(b.commitmentId))
}
